using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CommunityHealth.Web.Platform.Fhir;

/// <summary>Reads a request body as one FHIR resource of the expected type; anything else is a 400 OperationOutcome naming what was wrong.</summary>
public static class FhirBody
{
    /// <param name="notThisType">The message key when the body is another resource (e.g. <c>error.fhir.not_patient</c>).</param>
    public static async Task<(T? Resource, IResult? Error)> ReadAsync<T>(HttpRequest request, string notThisType, CancellationToken ct) where T : Resource
    {
        try
        {
            var resource = await JsonSerializer.DeserializeAsync<Resource>(request.Body, FhirJson.Options, ct);
            if (resource is T typed) return (typed, null);
            return (null, FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get(notThisType), "resourceType"), 400));
        }
        catch (Exception ex) when (ex is DeserializationFailedException or JsonException)
        {
            return (null, FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Structure, Text.Get("error.fhir.malformed") + " " + ex.Message, null), 400));
        }
    }
}
