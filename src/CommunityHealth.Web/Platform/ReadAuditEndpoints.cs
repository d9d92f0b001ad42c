using CommunityHealth.Data.Audit;
using CommunityHealth.Web.Platform.Fhir;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CommunityHealth.Web.Platform;

/// <summary>What the read audit knows of a GET endpoint: its door and the route values that name a resident.</summary>
public sealed record ReadAuditMetadata(string Door, IReadOnlyList<string> ResidentRouteValues);

/// <summary>
/// The read audit on routes: <see cref="AuditReads{TBuilder}"/> on a group gives each of its GET routes one endpoint filter
/// that, after the handler, looks at the answer — a typed result's value, a <see cref="FhirResult"/>'s resource, an
/// <see cref="Export"/>'s rows — and records the people in it through <see cref="ReadAudit"/>. The host applies it to the
/// whole <c>/api</c> and <c>/fhir</c> groups (<c>ModuleHost</c>), so no module can forget it; an answer that cannot carry a
/// person (vaccine stock, organisations, indicators) writes nothing, an error answer neither.
/// </summary>
public static class ReadAuditEndpoints
{
    public static TBuilder AuditReads<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(b =>
        {
            if (b is not RouteEndpointBuilder route) return;
            var methods = b.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Count == 0 || !methods.All(m => m is "GET" or "HEAD")) return;
            var meta = new ReadAuditMetadata("GET " + route.RoutePattern.RawText, ResidentParameters(route.RoutePattern));
            b.Metadata.Add(meta);
            b.FilterFactories.Add((context, next) =>
            {
                var audit = context.ApplicationServices.GetRequiredService<ReadAudit>();
                return async invocation =>
                {
                    var result = await next(invocation);
                    await RecordAsync(audit, meta, invocation.HttpContext, result);
                    return result;
                };
            });
        });
        return builder;
    }

    /// <summary>A file whose rows are personal data: the download is recorded as an export of the people in <paramref name="rows"/>.</summary>
    public static IResult Export(IResult file, object? rows) => new AuditedExport(file, rows);

    /// <summary>Route values naming a resident: <c>{residentId}</c>, or the value after a <c>residents</c> or <c>Patient</c> segment.</summary>
    private static List<string> ResidentParameters(RoutePattern pattern)
    {
        var names = new List<string>();
        for (var i = 0; i < pattern.PathSegments.Count; i++)
        {
            if (pattern.PathSegments[i].Parts is not [RoutePatternParameterPart p]) continue;
            var after = i > 0 && pattern.PathSegments[i - 1].Parts is [RoutePatternLiteralPart { Content: "residents" or "Patient" }];
            if (after || string.Equals(p.Name, "residentId", StringComparison.OrdinalIgnoreCase)) names.Add(p.Name);
        }
        return names;
    }

    private static async Task RecordAsync(ReadAudit audit, ReadAuditMetadata meta, HttpContext http, object? result)
    {
        var action = AuditActions.View;
        object? value;
        if (result is AuditedExport export) (action, value, result) = (AuditActions.Export, export.Rows, export.File);
        else value = null;
        while (result is INestedHttpResult nested) result = nested.Result;
        if (result is IStatusCodeHttpResult { StatusCode: { } status } && status is < 200 or >= 300) return;
        if (action != AuditActions.Export) value = result switch
        {
            FhirResult fhir => fhir.Resource,
            IValueHttpResult v => v.Value,
            IResult => null,
            _ => result, // a plain object, serialised as JSON
        };
        var subjects = new HashSet<DataSubject>();
        var personal = PersonalData.Collect(value, subjects) || (result is FhirResult { SearchType: { } type } && FhirSubjects.CanCarry(type));
        foreach (var name in meta.ResidentRouteValues)
            if (Guid.TryParse(http.Request.RouteValues[name]?.ToString(), out var id))
            {
                subjects.Add(new DataSubject("Resident", id));
                personal = true;
            }
        if (!personal || await http.RequestServices.GetRequiredService<CurrentUser>().FindAsync() is not { } staff) return;
        var door = http.Request.QueryString.HasValue ? meta.Door + Uri.UnescapeDataString(http.Request.QueryString.Value!) : meta.Door;
        audit.Record(staff, door, action, subjects);
    }

    private sealed class AuditedExport(IResult file, object? rows) : IResult, INestedHttpResult
    {
        public IResult File => file;
        public object? Rows => rows;
        public IResult Result => file;
        public Task ExecuteAsync(HttpContext httpContext) => file.ExecuteAsync(httpContext);
    }
}
