using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Store.Api.Authorization;
using Store.Domain.Identity;
using Store.Site.Identity.OpenId;

namespace Store.Api.Tests.Identity;

/// <summary>Expired, tampered and foreign tokens are refused with 401, WWW-Authenticate and a GraphQL error.</summary>
public sealed class TokenRefusalTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Query = "{ viewer { kind } }";

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var http = factory.CreateClient();
        var token = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret);
        var (fresh, _) = await http.PostGraphQLWithTokenAsync(token, Query);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        factory.Clock.Shift = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1);
        try
        {
            var (response, body) = await http.PostGraphQLWithTokenAsync(token, Query);
            AssertRefused(response, body);
        }
        finally
        {
            factory.Clock.Shift = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_token_whose_signature_was_tampered_with_is_refused()
    {
        var http = factory.CreateClient();
        var token = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret);
        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        var middle = signature.Length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';

        var (response, body) = await http.PostGraphQLWithTokenAsync(string.Join('.', parts[0], parts[1], new string(signature)), Query);

        AssertRefused(response, body);
    }

    [Fact]
    public async Task A_token_whose_claims_were_changed_is_refused()
    {
        var http = factory.CreateClient();
        var token = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["scope"] = StoreScopes.CustomersRead;

        var (response, body) = await http.PostGraphQLWithTokenAsync(string.Join('.', parts[0], Base64UrlEncoder.Encode(payload.ToJsonString()), parts[2]), Query);

        AssertRefused(response, body);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTime.UtcNow;
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "http://localhost/",
            Audience = TokenValidation.Audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = OpenIdClientSeeder.PlatformClientId,
                ["client_id"] = OpenIdClientSeeder.PlatformClientId,
                ["scope"] = StoreScopes.CustomersRead,
                ["jti"] = Guid.NewGuid().ToString(),
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "forger" }, SecurityAlgorithms.RsaSha256),
        });

        var (response, body) = await factory.CreateClient().PostGraphQLWithTokenAsync(forged, Query);

        AssertRefused(response, body);
    }

    [Fact]
    public async Task A_token_that_is_not_a_JWT_is_refused()
    {
        var (response, body) = await factory.CreateClient().PostGraphQLWithTokenAsync("not-a-token", Query);

        AssertRefused(response, body);
    }

    private static void AssertRefused(HttpResponseMessage response, JsonNode body)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Null(body["data"]);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
