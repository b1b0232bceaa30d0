namespace Store.Api.Transport;

/// <summary>The graphql-transport-ws protocol's names and close codes.</summary>
public static class GraphQLWebSocketProtocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int SubprotocolNotAcceptable = 4406;
    public const int ConnectionInitTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;
    public const int InternalError = 4500;
}
