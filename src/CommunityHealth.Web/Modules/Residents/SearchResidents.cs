using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>What a search-box entry is taken to mean; each kind is served by one index.</summary>
public enum SearchKind { Name, Initials, IdNumber, IdLast4, IdLast6, Phone, RecordNumber, RecordLast8 }

public static class ResidentQuery
{
    /// <summary>Classifies the text typed into the search box.</summary>
    public static (SearchKind Kind, string Value)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var q = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var upper = q.ToUpperInvariant();
        if (q.Length == 9 && q[3] == '-' && q.Remove(3, 1).All(char.IsAsciiDigit)) return (SearchKind.RecordLast8, q.Remove(3, 1));
        var digitsWithX = upper.Length > 0 && upper[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(upper[^1]) || upper[^1] == 'X');
        if (digitsWithX)
        {
            var allDigits = upper.All(char.IsAsciiDigit);
            return upper.Length switch
            {
                17 when allDigits => (SearchKind.RecordNumber, upper),
                18 => (SearchKind.IdNumber, upper),
                15 when allDigits => IdCardNumber.Parse(upper, DateOnly.MaxValue.AddDays(-1)).Number is { } id ? (SearchKind.IdNumber, id.Value) : (SearchKind.Phone, upper),
                11 when allDigits && upper[0] == '1' => (SearchKind.Phone, upper),
                8 when allDigits => (SearchKind.RecordLast8, upper),
                6 => (SearchKind.IdLast6, upper),
                4 => (SearchKind.IdLast4, upper),
                _ when allDigits => (SearchKind.Phone, upper),
                _ => null,
            };
        }
        if (q.Contains('-') && q.Replace("-", "").All(char.IsAsciiDigit)) return (SearchKind.Phone, q);
        if (q.All(char.IsAsciiLetter)) return (SearchKind.Initials, q.ToLowerInvariant());
        return (SearchKind.Name, q);
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/> (for index range scans).</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}

public sealed class SearchResidents(ScopedDb dbs, TimeProvider clock)
{
    public const int MaxResults = 50;
    public const int MaxExport = 10_000;

    /// <summary>What each search kind compares, and the column the index serves the order from.</summary>
    private static (string Where, string Order) Condition(SearchKind kind) => kind switch
    {
        SearchKind.RecordNumber => ("\"RecordNumber\" = @v", "\"Name\""),
        SearchKind.RecordLast8 => ("\"RecordLast8\" = @v", "\"Name\""),
        SearchKind.IdNumber => ("\"IdNumber\" = @v", "\"Name\""),
        SearchKind.IdLast4 => ("\"IdLast4\" = @v", "\"Name\""),
        SearchKind.IdLast6 => ("\"IdLast6\" = @v", "\"Name\""),
        SearchKind.Phone => ("\"Phone\" = @v", "\"Name\""),
        // prefix searches are index range scans: key >= prefix AND key < prefix-with-last-char+1
        SearchKind.Initials => ("\"NameInitials\" >= @v AND \"NameInitials\" < @u", "\"NameInitials\""),
        _ => ("\"Name\" >= @v AND \"Name\" < @u", "\"Name\""),
    };

    private static readonly string[] SummaryColumns =
    [
        nameof(Resident.Id), nameof(Resident.Name), nameof(Resident.Sex), nameof(Resident.BirthDate), nameof(Resident.DocumentNumber),
        nameof(Resident.Phone), nameof(Resident.RecordNumber), nameof(Resident.OrganizationId), nameof(Resident.TeamId), nameof(Resident.Status),
    ];

    /// <summary>
    /// One indexed look-up, hand-written (docs/decisions/0008): the search box is the most frequent read of the system and a
    /// point look-up takes a few hundredths of a millisecond, less than EF Core's fixed cost per query. The scope is the same
    /// equality on the key columns as the query filters'; <c>ScopeTests</c> and the search tests hold both paths to it.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ResidentSummary>>> HandleAsync(StaffContext staff, string? text, bool includeClosed = true, CancellationToken ct = default, int limit = MaxResults)
    {
        if (ResidentQuery.Parse(text) is not { } parsed) return new Invalid("q", "error.resident.search_empty");
        await using var db = dbs.For(staff);
        var reader = RowReader<SummaryRow>.Of<Resident>(db, SummaryColumns);
        var (where, order) = Condition(parsed.Kind);
        await using var read = await RawReads.OpenAsync(db, ct);
        await using var cmd = read.Command();
        var scope = cmd.ScopeCondition(db);
        cmd.Add(db, "@v", parsed.Value);
        if (where.Contains("@u", StringComparison.Ordinal)) cmd.Add(db, "@u", ResidentQuery.UpperBound(parsed.Value));
        var status = includeClosed ? $"\"Status\" <> {(int)ResidentStatus.Merged}" : $"\"Status\" = {(int)ResidentStatus.Active}";
        // Ordered by the searched key only: the index serves both the range and the order, so LIMIT stops
        // after 50 rows even for a common surname (ordering by name + birth date would sort every match).
        // The limit is a literal (a clamped integer): SQLite plans a bound LIMIT without knowing it and took 14 µs
        // longer per look-up (38 against 24 µs), about half of the whole query.
        cmd.CommandText = $"SELECT {reader.Columns} FROM residents WHERE {scope} AND {status} AND {where} ORDER BY {order} LIMIT {Math.Clamp(limit, 1, MaxExport)}";
        var today = clock.Today();
        var list = new List<ResidentSummary>();
        await using var rows = await read.ExecuteReaderAsync(cmd, ct);
        while (await rows.ReadAsync(ct))
        {
            var r = reader.Read(rows);
            list.Add(ResidentMapping.Summary(r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone, r.RecordNumber, r.OrganizationId, r.TeamId, r.Status, today));
        }
        return list;
    }

    /// <summary>The columns a result line needs (a whole <see cref="Resident"/> per row would also build its eight lists).</summary>
    private sealed class SummaryRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string Sex { get; set; } = "";
        public DateOnly BirthDate { get; set; }
        public string? DocumentNumber { get; set; }
        public string? Phone { get; set; }
        public string RecordNumber { get; set; } = "";
        public Guid OrganizationId { get; set; }
        public Guid? TeamId { get; set; }
        public ResidentStatus Status { get; set; }
    }
}
