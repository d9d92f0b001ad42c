using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Platform.Fhir;

/// <summary>FHIR R4 REST plumbing shared by the modules: token values, searchset pages, the base URL.</summary>
public static class FhirEndpoints
{
    /// <summary>The value of a token search parameter (<c>system|value</c> or <c>value</c>); null when the system is another one.</summary>
    internal static string? TokenValue(string token, string system)
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
        return new FhirResult(bundle, 200, type);
    }

    internal static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/fhir";
}
