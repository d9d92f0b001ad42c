using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Features.Organizations;
using CommunityHealth.Web.Features.Staff;
using CommunityHealth.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Fhir;

/// <summary>FHIR R4 REST: the capability statement and the resources of the organisation tree.</summary>
public static class FhirEndpoints
{
    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").RequireAuthorization().ExcludeFromDescription();
        fhir.MapPatients();
        fhir.MapImmunizationFhir();
        fhir.MapChronicFhir();
        fhir.MapGet("/metadata", (HttpContext http) => FhirJson.Ok(Capability.Build(BaseUrl(http)))).AllowAnonymous();

        fhir.MapGet("/Organization/{id}", async (string id, CurrentUser user, OrganizationHandlers h, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Organization", id));
            var outcome = await h.GetAsync(await user.GetAsync(), guid, ct);
            return outcome.IsSuccess ? FhirJson.Ok(FhirMappings.ToFhir(outcome.Value)) : FhirJson.Outcome(outcome.Error!);
        });
        fhir.MapGet("/Organization", async (HttpContext http, CurrentUser user, OrganizationHandlers h, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            IEnumerable<OrganizationDto> rows = await h.ListAsync(await user.GetAsync(), ct);
            if (q["_id"].ToString() is { Length: > 0 } ids) rows = rows.Where(o => ids.Split(',').Contains(o.Id.ToString()));
            if (q["name"].ToString() is { Length: > 0 } name) rows = rows.Where(o => o.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
            if (q["identifier"].ToString() is { Length: > 0 } ident) rows = rows.Where(o => o.DivisionCode == TokenValue(ident, FhirMappings.DivisionCodeSystem));
            if (q["partof"].ToString() is { Length: > 0 } partOf) rows = rows.Where(o => $"Organization/{o.ParentId}" == partOf || o.ParentId.ToString() == partOf);
            if (q["active"].ToString() is { Length: > 0 } active) rows = rows.Where(o => o.IsActive == (active == "true"));
            return Search(http, "Organization", rows.Select(FhirMappings.ToFhir).ToList());
        });

        fhir.MapGet("/Practitioner/{id}", async (string id, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Practitioner", id));
            var outcome = await h.GetAsync(await user.GetAsync(), guid, ct);
            return outcome.IsSuccess ? FhirJson.Ok(FhirMappings.ToFhir(outcome.Value)) : FhirJson.Outcome(outcome.Error!);
        });
        fhir.MapGet("/Practitioner", async (HttpContext http, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            IEnumerable<StaffDto> rows = await h.ListAsync(await user.GetAsync(), new StaffQuery(), ct);
            if (q["_id"].ToString() is { Length: > 0 } ids) rows = rows.Where(s => ids.Split(',').Contains(s.Id.ToString()));
            if (q["name"].ToString() is { Length: > 0 } name) rows = rows.Where(s => s.DisplayName.Contains(name, StringComparison.OrdinalIgnoreCase));
            if (q["identifier"].ToString() is { Length: > 0 } ident) rows = rows.Where(s => s.UserName == TokenValue(ident, FhirMappings.StaffLoginSystem));
            if (q["active"].ToString() is { Length: > 0 } active) rows = rows.Where(s => s.IsActive == (active == "true"));
            return Search(http, "Practitioner", rows.Select(FhirMappings.ToFhir).ToList());
        });
        return app;
    }

    /// <summary>The value of a token search parameter (<c>system|value</c> or <c>value</c>); null when the system is another one.</summary>
    private static string? TokenValue(string token, string system)
    {
        var bar = token.IndexOf('|');
        if (bar < 0) return token;
        return token[..bar] is var s && (s.Length == 0 || s == system) ? token[(bar + 1)..] : null;
    }

    /// <summary>A searchset page with total and self/next/previous links; <c>_count</c> (default 50, max 500) and <c>_offset</c>.</summary>
    internal static IResult Search(HttpContext http, string type, IReadOnlyList<Resource> all)
    {
        var q = http.Request.Query;
        var count = int.TryParse(q["_count"], out var c) ? Math.Clamp(c, 0, 500) : 50;
        var offset = int.TryParse(q["_offset"], out var o) ? Math.Max(o, 0) : 0;
        return SearchPage(http, type, all.Skip(offset).Take(count).ToList(), all.Count, offset, count);
    }

    /// <summary>A searchset bundle for one page of <paramref name="total"/> matches.</summary>
    internal static IResult SearchPage(HttpContext http, string type, IReadOnlyList<Resource> page, int total, int offset, int count)
    {
        var q = http.Request.Query;
        var baseUrl = BaseUrl(http);
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = total, Id = Guid.NewGuid().ToString() };
        foreach (var r in page)
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{type}/{r.Id}", Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        string Link(int off)
        {
            var rest = q.Where(kv => kv.Key is not ("_offset" or "_count")).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value.ToString())}");
            return $"{baseUrl}/{type}?{string.Join('&', rest.Append($"_count={count}").Append($"_offset={off}"))}";
        }
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Link(offset) });
        if (count > 0 && offset + count < total) bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(offset + count) });
        if (count > 0 && offset > 0) bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = Link(Math.Max(offset - count, 0)) });
        return FhirJson.Ok(bundle);
    }

    internal static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/fhir";
}
