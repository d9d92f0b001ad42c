using CommunityHealth.Data;
using CommunityHealth.Data.Entities;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Features.Residents;

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

    public async Task<Outcome<IReadOnlyList<ResidentSummary>>> HandleAsync(StaffContext staff, string? text, bool includeClosed = true, CancellationToken ct = default, int limit = MaxResults)
    {
        if (ResidentQuery.Parse(text) is not { } parsed) return new Invalid("q", "error.resident.search_empty");
        await using var db = dbs.For(staff);
        var q = db.Residents.AsNoTracking().Where(r => r.Status != ResidentStatus.Merged);
        if (!includeClosed) q = q.Where(r => r.Status == ResidentStatus.Active);
        var v = parsed.Value;
        var upper = ResidentQuery.UpperBound(v);
        q = parsed.Kind switch
        {
            SearchKind.RecordNumber => q.Where(r => r.RecordNumber == v),
            SearchKind.RecordLast8 => q.Where(r => r.RecordLast8 == v),
            SearchKind.IdNumber => q.Where(r => r.IdNumber == v),
            SearchKind.IdLast4 => q.Where(r => r.IdLast4 == v),
            SearchKind.IdLast6 => q.Where(r => r.IdLast6 == v),
            SearchKind.Phone => q.Where(r => r.Phone == v),
            // prefix searches are index range scans: key >= prefix AND key < prefix-with-last-char+1
            SearchKind.Initials => q.Where(r => string.Compare(r.NameInitials, v) >= 0 && string.Compare(r.NameInitials, upper) < 0),
            _ => q.Where(r => string.Compare(r.Name, v) >= 0 && string.Compare(r.Name, upper) < 0),
        };
        var today = clock.Today();
        // Ordered by the searched key only: the index serves both the range and the order, so LIMIT stops
        // after 50 rows even for a common surname (ordering by name + birth date would sort every match).
        q = parsed.Kind == SearchKind.Initials ? q.OrderBy(r => r.NameInitials) : q.OrderBy(r => r.Name);
        var rows = await q.Take(Math.Clamp(limit, 1, MaxExport))
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone, r.RecordNumber, r.OrganizationId, r.TeamId, r.Status })
            .ToListAsync(ct);
        return rows.Select(r => ResidentMapping.Summary(r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone, r.RecordNumber,
            r.OrganizationId, r.TeamId, r.Status, today)).ToList();
    }
}
