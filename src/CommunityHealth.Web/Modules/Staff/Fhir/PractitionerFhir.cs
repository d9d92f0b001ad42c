using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Modules.Organizations.Fhir;
using CommunityHealth.Web.Platform.Fhir;

namespace CommunityHealth.Web.Modules.Staff.Fhir;

/// <summary>FHIR R4 Practitioner (read, search): the district's staff.</summary>
public static class PractitionerFhir
{
    public static RouteGroupBuilder MapPractitionerFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Practitioner/{id}", async (string id, CurrentUser user, GetStaff h, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Practitioner", id));
            var outcome = await h.HandleAsync(await user.GetAsync(), guid, ct);
            return outcome.IsSuccess ? FhirJson.Ok(FhirMappings.ToFhir(outcome.Value)) : FhirJson.Outcome(outcome.Error!);
        });
        fhir.MapGet("/Practitioner", async (HttpContext http, CurrentUser user, ListStaff h, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            IEnumerable<StaffDto> rows = await h.HandleAsync(await user.GetAsync(), new StaffQuery(), ct);
            if (q["_id"].ToString() is { Length: > 0 } ids) rows = rows.Where(s => ids.Split(',').Contains(s.Id.ToString()));
            if (q["name"].ToString() is { Length: > 0 } name) rows = rows.Where(s => s.DisplayName.Contains(name, StringComparison.OrdinalIgnoreCase));
            if (q["identifier"].ToString() is { Length: > 0 } ident) rows = rows.Where(s => s.UserName == FhirEndpoints.TokenValue(ident, FhirMappings.StaffLoginSystem));
            if (q["active"].ToString() is { Length: > 0 } active) rows = rows.Where(s => s.IsActive == (active == "true"));
            return FhirEndpoints.Search(http, "Practitioner", rows.Select(FhirMappings.ToFhir).ToList());
        });
        return fhir;
    }
}
