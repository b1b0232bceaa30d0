using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Store.Testing;

namespace Store.Api.Tests.Transport;

/// <summary>The HTTP transport's answers, per the GraphQL-over-HTTP specification.</summary>
public sealed class GraphQLHttpTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task A_query_can_be_sent_with_GET()
    {
        var response = await factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("{ plans { code } }"));
        var body = await GraphQLClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("forfait-start", (string?)body["data"]!["plans"]![0]!["code"]);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_Allow_POST()
    {
        var response = await factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { anything }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_415()
    {
        using var content = new StringContent("{ plans { code } }", Encoding.UTF8, "text/plain");
        var response = await factory.CreateClient().PostAsync("/graphql", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_with_an_error()
    {
        using var content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync("/graphql", content);
        var body = await GraphQLClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task An_invalid_document_is_400_for_graphql_response_json_and_200_for_legacy_json()
    {
        var client = factory.CreateClient();
        var (modern, modernBody) = await client.PostGraphQLAsync("{ plans { price } }");
        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        Assert.Equal("application/graphql-response+json", modern.Content.Headers.ContentType!.MediaType);
        Assert.Contains("price", (string?)modernBody["errors"]![0]!["message"], StringComparison.Ordinal);

        var (legacy, _) = await client.PostGraphQLAsync("{ plans { price } }", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unacceptable_media_type_is_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ plans { code } }"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }
}
