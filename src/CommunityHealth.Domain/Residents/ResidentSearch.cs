namespace CommunityHealth.Domain.Residents;

/// <summary>What a search-box entry is taken to mean; each kind is served by one index.</summary>
public enum SearchKind { Name, Initials, IdNumber, IdLast4, IdLast6, Phone, RecordNumber, RecordLast8 }

public static class ResidentSearch
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
