namespace Store.Site.Identity.OpenId;

/// <summary>A reseller's API client as its owner sees it: never its secret.</summary>
public sealed record ApiClient(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, DateTimeOffset? CreatedAt);

/// <summary>A client just created, with the secret shown this once.</summary>
public sealed record NewApiClient(ApiClient Client, string Secret);

/// <summary>Why a request about API clients was refused; the page shows the text of apiClients.error.{Code}.</summary>
public enum ApiClientError
{
    NameRequired,
    NameTooLong,
    ScopesRequired,
    ScopeNotAllowed,
    NotFound,
}

/// <summary>Either the value or the reason it was refused.</summary>
public sealed record ApiClientResult<T>(T? Value, ApiClientError? Error)
{
    public static implicit operator ApiClientResult<T>(T value) => new(value, null);

    public static implicit operator ApiClientResult<T>(ApiClientError error) => new(default, error);
}
