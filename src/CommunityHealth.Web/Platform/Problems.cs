using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Fhir;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CommunityHealth.Web.Platform;

/// <summary>The one place an <see cref="Error"/> becomes an RFC 9457 ProblemDetails response.</summary>
public static class Problems
{
    public static IResult From(Error error) => error switch
    {
        NotFound => TypedResults.Problem(Text.Get(error.Code), statusCode: 404, title: "not-found"),
        Forbidden f => TypedResults.Problem(Text.Get(f.Code), statusCode: 403, title: "forbidden"),
        Conflict c => TypedResults.Problem(new HttpValidationProblemDetails(FieldMessages([new FieldError(c.Field, c.MessageCode, c.Args)]))
        {
            Status = 409, Title = "conflict", Detail = Text.Get(c.MessageCode, c.Args),
        }),
        Invalid i => Validation(Text.Get("error.invalid"), i.Errors, "invalid"),
        _ => TypedResults.Problem(Text.Get("error.unexpected"), statusCode: 500),
    };

    /// <summary>Field errors in the form a UI can show at each field: errors[field] = messages.</summary>
    public static Dictionary<string, string[]> FieldMessages(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => Text.Get(e.MessageCode, e.Args)).ToArray());

    private static IResult Validation(string detail, IEnumerable<FieldError> errors, string title) =>
        TypedResults.ValidationProblem(FieldMessages(errors), detail, title: title);

    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.IsSuccess ? onSuccess(outcome.Value) : From(outcome.Error!);
}

/// <summary>
/// Anything unexpected becomes a 500 with a trace id; details go to the log only. A request the binder refused is no
/// surprise: it answers 400 naming the parameter (<see cref="BadRequests"/>), as ProblemDetails or, under /fhir, an OperationOutcome.
/// </summary>
public sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            var fhir = http.Request.Path.StartsWithSegments("/fhir");
            if (BadRequests.From(bad, http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint()) is { } invalid)
            {
                await (fhir ? FhirJson.Outcome(invalid) : Problems.From(invalid)).ExecuteAsync(http);
                return true;
            }
            http.Response.StatusCode = bad.StatusCode;
            if (fhir)
            {
                await FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.invalid"), null), bad.StatusCode).ExecuteAsync(http);
                return true;
            }
            return await problems.TryWriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "bad-request", Detail = Text.Get("error.invalid") },
            });
        }
        logger.LogError(exception, "Unhandled exception for {Path}", http.Request.Path);
        http.Response.StatusCode = 500;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = 500, Title = "unexpected", Detail = Text.Get("error.unexpected") },
            Exception = exception,
        });
    }
}
