namespace CommunityHealth.Domain.Common;

/// <summary>One coded value, valid from a date and optionally until one (code lists change by decree).</summary>
public sealed record CodeEntry(string Code, string Zh, string En, DateOnly EffectiveFrom, DateOnly? EffectiveTo = null, string? Standard = null)
{
    public bool ActiveOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);
}

/// <summary>An effective-dated code list: which codes a form may use on a given date.</summary>
public sealed record CodeList(string Id, string Source, IReadOnlyList<CodeEntry> Entries)
{
    public IEnumerable<CodeEntry> ActiveOn(DateOnly date) => Entries.Where(e => e.ActiveOn(date));

    public bool IsValid(string? code, DateOnly date) => code is not null && Entries.Any(e => e.Code == code && e.ActiveOn(date));

    public CodeEntry? Find(string? code) => Entries.FirstOrDefault(e => e.Code == code);

    /// <summary>Builds a list from "code|中文|English" rows all effective from <paramref name="from"/>.</summary>
    public static CodeList Of(string id, string source, DateOnly from, params string[] rows) =>
        new(id, source, rows.Select(r => r.Split('|')).Select(p => new CodeEntry(p[0], p[1], p[2], from, null, p.Length > 3 ? p[3] : null)).ToArray());
}
