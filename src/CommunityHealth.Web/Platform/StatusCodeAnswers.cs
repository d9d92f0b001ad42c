using CommunityHealth.Web.Platform.Fhir;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// What a bare status code (no endpoint wrote a body: an unknown URL, a refused sign-in, a wrong method) answers:
/// ProblemDetails under /api, an OperationOutcome under /fhir (401 with <c>WWW-Authenticate</c>), and for a browser's GET
/// of an unknown page the application's own not-found page, with status 404.
/// </summary>
public static class StatusCodeAnswers
{
    public const string NotFoundPage = "/not-found";

    /// <summary>Call before <c>UseRouting</c>: the not-found page is found by routing the request again.</summary>
    public static IApplicationBuilder UseStatusCodeAnswers(this IApplicationBuilder app) =>
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = AnswerAsync });

    private static async System.Threading.Tasks.Task AnswerAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status == 401 && AuthenticationSetup.IsMachinePath(http.Request.Path) && !http.Response.Headers.ContainsKey("WWW-Authenticate"))
            http.Response.Headers.WWWAuthenticate = "Bearer";
        if (http.Request.Path.StartsWithSegments("/fhir"))
            await FhirJson.Ok(OperationOutcomes.Issue(IssueType(status), Text.Get(MessageKey(status)), null), status).ExecuteAsync(http);
        else if (http.Request.Path.StartsWithSegments("/api"))
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = status, Detail = Text.Get(MessageKey(status)) },
            });
        else if (status == 404 && HttpMethods.IsGet(http.Request.Method))
            await RenderNotFoundPageAsync(context);
    }

    private static string MessageKey(int status) => status switch
    {
        401 => "error.unauthenticated",
        403 => "error.forbidden",
        404 => "error.no_route",
        405 => "error.method_not_allowed",
        _ => "error.invalid",
    };

    private static OperationOutcome.IssueType IssueType(int status) => status switch
    {
        401 => OperationOutcome.IssueType.Login,
        403 => OperationOutcome.IssueType.Forbidden,
        404 => OperationOutcome.IssueType.NotFound,
        405 or 415 => OperationOutcome.IssueType.NotSupported,
        >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Invalid,
    };

    /// <summary>
    /// Runs the rest of the pipeline again for <see cref="NotFoundPage"/> in a fresh service scope (the Blazor renderer's
    /// services are per request), keeping the 404; what <c>UseStatusCodePagesWithReExecute</c> does, for one status only.
    /// </summary>
    private static async System.Threading.Tasks.Task RenderNotFoundPageAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (path, query, endpoint, services) = (http.Request.Path, http.Request.QueryString, http.GetEndpoint(), http.RequestServices);
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = path.Value ?? "", OriginalPathBase = http.Request.PathBase.Value ?? "", OriginalQueryString = query.HasValue ? query.Value : null,
            Endpoint = endpoint,
        });
        http.SetEndpoint(null);
        http.Request.Path = NotFoundPage;
        http.Request.QueryString = QueryString.Empty;
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await context.Next(http);
        }
        finally
        {
            http.RequestServices = services;
            http.Request.Path = path;
            http.Request.QueryString = query;
            http.SetEndpoint(endpoint);
            http.Features.Set<IStatusCodeReExecuteFeature>(null);
        }
    }
}
