using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Data.Residents;

/// <summary>
/// The two reads a user triggers most — the search box and opening a profile — hand-written (docs/decisions/0008):
/// a point look-up through an index takes a few hundredths of a millisecond, less than EF Core's fixed cost per query,
/// and issue 3's target is ours ÷ raw ≤ 1.5. Benchmark rows: docs/benchmarks.md, "Resident records", every search kind
/// and "open profile". The scope is written into the SQL as the same equalities the query filters add
/// (<see cref="RawReads.ScopeCondition"/>); <c>RawReadTests</c> holds both reads to EF Core's answer at every scope level.
/// </summary>
public interface IResidentReads
{
    /// <summary>At most <paramref name="limit"/> residents matching one search key, ordered by that key.</summary>
    Task<IReadOnlyList<ResidentReads.SummaryRow>> SearchAsync(HealthDbContext db, SearchKind kind, string value, bool includeClosed, int limit, CancellationToken ct);

    /// <summary>
    /// One page of the search (rows <paramref name="skip"/> … <paramref name="skip"/> + <paramref name="take"/>) and the number
    /// of matches, counted up to <paramref name="countCap"/> + 1 (so a common surname costs a bounded index range, not a
    /// count of every match): one round trip.
    /// </summary>
    Task<(IReadOnlyList<ResidentReads.SummaryRow> Rows, int Matches)> SearchPageAsync(HealthDbContext db, SearchKind kind, string value, bool includeClosed,
        int skip, int take, int countCap, CancellationToken ct);

    /// <summary>The resident with their conditions, in the context's scope, or null.</summary>
    Task<Resident?> ReadProfileAsync(HealthDbContext db, Guid id, CancellationToken ct);
}

public sealed class ResidentReads : IResidentReads
{
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

    public async Task<IReadOnlyList<SummaryRow>> SearchAsync(HealthDbContext db, SearchKind kind, string value, bool includeClosed, int limit, CancellationToken ct) =>
        (await SearchPageAsync(db, kind, value, includeClosed, 0, limit, 0, ct)).Rows;

    public async Task<(IReadOnlyList<SummaryRow> Rows, int Matches)> SearchPageAsync(HealthDbContext db, SearchKind kind, string value, bool includeClosed,
        int skip, int take, int countCap, CancellationToken ct)
    {
        var reader = RowReader<SummaryRow>.Of<Resident>(db, SummaryColumns);
        var (where, order) = Condition(kind);
        await using var read = await RawReads.OpenAsync(db, ct);
        await using var cmd = read.Command();
        var scope = cmd.ScopeCondition(db);
        cmd.Add(db, "@v", value);
        if (where.Contains("@u", StringComparison.Ordinal)) cmd.Add(db, "@u", ResidentSearch.UpperBound(value));
        var status = includeClosed ? $"\"Status\" <> {(int)ResidentStatus.Merged}" : $"\"Status\" = {(int)ResidentStatus.Active}";
        var filter = $"{scope} AND {status} AND {where}";
        // Ordered by the searched key only: the index serves both the range and the order, so LIMIT stops
        // after one page even for a common surname (ordering by name + birth date would sort every match).
        // Limit and offset are literals (clamped integers): SQLite plans a bound LIMIT without knowing it and took 14 µs
        // longer per look-up (38 against 24 µs), about half of the whole query.
        var page = $"LIMIT {Math.Max(take, 1)}" + (skip > 0 ? $" OFFSET {skip}" : "");
        cmd.CommandText = $"SELECT {reader.Columns} FROM residents WHERE {filter} ORDER BY {order} {page}";
        // the count walks the same index range, stopping after countCap + 1 entries
        if (countCap > 0) cmd.CommandText += $"; SELECT COUNT(*) FROM (SELECT 1 FROM residents WHERE {filter} LIMIT {countCap + 1}) AS matches";
        var list = new List<SummaryRow>();
        await using var rows = await read.ExecuteReaderAsync(cmd, ct);
        while (await rows.ReadAsync(ct)) list.Add(reader.Read(rows));
        var matches = list.Count + skip;
        if (countCap > 0 && await rows.NextResultAsync(ct) && await rows.ReadAsync(ct)) matches = Convert.ToInt32(rows.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        return (list, matches);
    }

    /// <summary>One round trip: the resident row and their conditions.</summary>
    public async Task<Resident?> ReadProfileAsync(HealthDbContext db, Guid id, CancellationToken ct)
    {
        var residents = RowReader<Resident>.For(db);
        var conditions = RowReader<ResidentCondition>.For(db);
        await using var read = await RawReads.OpenAsync(db, ct);
        await using var cmd = read.Command();
        var scope = cmd.ScopeCondition(db);
        cmd.Add(db, "@id", id);
        cmd.CommandText = $"SELECT {residents.Columns} FROM residents WHERE \"Id\" = @id AND {scope}; "
            + $"SELECT {conditions.Columns} FROM resident_conditions WHERE \"ResidentId\" = @id AND {scope} ORDER BY \"Id\"";
        await using var rows = await read.ExecuteReaderAsync(cmd, ct);
        if (!await rows.ReadAsync(ct)) return null;
        var r = residents.Read(rows);
        await rows.NextResultAsync(ct);
        while (await rows.ReadAsync(ct)) r.Conditions.Add(conditions.Read(rows));
        return r;
    }

    /// <summary>The columns a search result line needs (a whole <see cref="Resident"/> per row would also build its eight lists).</summary>
    public sealed class SummaryRow
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
