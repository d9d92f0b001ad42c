using System.Text.Json;
using CommunityHealth.Domain.Common;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CommunityHealth.Web.Platform.Fhir;

/// <summary>FHIR R4 JSON in and out, and the one mapping from <see cref="Error"/> to OperationOutcome.</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json; charset=utf-8";
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static IResult Ok(Resource resource, int status = 200) => new FhirResult(resource, status);

    public static IResult Outcome(Error error) => error switch
    {
        NotFound n => Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.NotFound, Text.Get(n.Code), null), 404),
        Forbidden f => Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Forbidden, Text.Get(f.Code), null), 403),
        Conflict c => Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Duplicate, Text.Get(c.MessageCode, c.Args), c.Field), 409),
        Invalid i => Ok(OperationOutcomes.FromFields(i.Errors), 400),
        _ => Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Exception, Text.Get("error.unexpected"), null), 500),
    };
}

/// <summary>
/// A FHIR resource as an endpoint's answer. It keeps the resource until it is written, so the read audit
/// (<see cref="ReadAudit"/>) can name the patients in it; <see cref="SearchType"/> is the type a searchset bundle searched.
/// </summary>
public sealed class FhirResult(Resource resource, int status, string? searchType = null) : IResult, IStatusCodeHttpResult
{
    public Resource Resource => resource;
    public string? SearchType => searchType;
    public int? StatusCode => status;

    public System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext) =>
        Results.Text(JsonSerializer.Serialize(resource, resource.GetType(), FhirJson.Options), FhirJson.ContentType, System.Text.Encoding.UTF8, status)
            .ExecuteAsync(httpContext);
}

public static class OperationOutcomes
{
    public static OperationOutcome Issue(OperationOutcome.IssueType type, string text, string? expression) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = text,
                Details = new CodeableConcept { Text = text },
                Expression = expression is null ? [] : [expression],
            },
        ],
    };

    public static OperationOutcome FromFields(IEnumerable<FieldError> errors) => new()
    {
        Issue = errors.Select(e => new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error, Code = OperationOutcome.IssueType.Invalid,
            Diagnostics = Text.Get(e.MessageCode, e.Args), Details = new CodeableConcept { Text = Text.Get(e.MessageCode, e.Args) },
            Expression = string.IsNullOrEmpty(e.Field) ? [] : [e.Field],
        }).ToList(),
    };
}
