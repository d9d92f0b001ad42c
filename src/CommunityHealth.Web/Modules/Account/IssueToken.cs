using CommunityHealth.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace CommunityHealth.Web.Modules.Account;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType);

/// <summary>POST /api/auth/token: a user name and password (checked by <see cref="SignInHandler"/>) for a bearer token.</summary>
public static class IssueToken
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().WithTags("Auth")
            .WithSummary("Exchange a user name and password for a bearer token")
            .Produces<TokenResponse>().ProducesValidationProblem().ProducesProblem(401);

    private static async Task<IResult> IssueTokenAsync(TokenRequest? body, HttpContext http, SignInHandler handler,
        IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
    {
        var outcome = await handler.CheckAsync(body?.Username, body?.Password, AuthSchemes.Bearer, http.Connection.RemoteIpAddress?.ToString());
        if (!outcome.IsSuccess)
            return outcome.Error is Forbidden f
                ? TypedResults.Problem(Text.Get(f.Code), statusCode: 401, title: "invalid-credentials")
                : Problems.From(outcome.Error!);
        var now = clock.GetUtcNow();
        var props = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + AuthenticationSetup.TokenLifetime };
        var ticket = new AuthenticationTicket(outcome.Value, props, AuthSchemes.Bearer);
        var token = options.Get(AuthSchemes.Bearer).BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new TokenResponse(token, (long)AuthenticationSetup.TokenLifetime.TotalSeconds, "Bearer"));
    }
}
