using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Fhir;

namespace CommunityHealth.Web.Modules.Organizations.Fhir;

/// <summary>FHIR R4 Organization (read, search): the district's organisation tree.</summary>
public static class OrganizationFhir
{
    public static RouteGroupBuilder MapOrganizationFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Organization/{id}", async (string id, CurrentUser user, GetOrganization h, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Organization", id));
            var outcome = await h.HandleAsync(await user.GetAsync(), guid, ct);
            return outcome.IsSuccess ? FhirJson.Ok(FhirMappings.ToFhir(outcome.Value)) : FhirJson.Outcome(outcome.Error!);
        });
        fhir.MapGet("/Organization", async (HttpContext http, CurrentUser user, ListOrganizations h, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            IEnumerable<OrganizationDto> rows = await h.HandleAsync(await user.GetAsync(), ct);
            if (q["_id"].ToString() is { Length: > 0 } ids) rows = rows.Where(o => ids.Split(',').Contains(o.Id.ToString()));
            if (q["name"].ToString() is { Length: > 0 } name) rows = rows.Where(o => o.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
            if (q["identifier"].ToString() is { Length: > 0 } ident) rows = rows.Where(o => o.DivisionCode == FhirEndpoints.TokenValue(ident, FhirMappings.DivisionCodeSystem));
            if (q["partof"].ToString() is { Length: > 0 } partOf) rows = rows.Where(o => $"Organization/{o.ParentId}" == partOf || o.ParentId.ToString() == partOf);
            if (q["active"].ToString() is { Length: > 0 } active) rows = rows.Where(o => o.IsActive == (active == "true"));
            return FhirEndpoints.Search(http, "Organization", rows.Select(FhirMappings.ToFhir).ToList());
        });

        return fhir;
    }
}
