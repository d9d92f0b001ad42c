namespace CommunityHealth.Domain.Organizations;

/// <summary>
/// Administrative division codes used by the organisation tree and, later, the 17-digit health record
/// number (standards §1.1, §5): county 6 digits (GB/T 2260: province 2 + prefecture 2 + county 2),
/// township/street 3 (GB/T 10114), village/residents' committee 3 (001–099 居委会, 101–199 村委会,
/// 901–999 other, the health-record convention).
/// </summary>
public static class DivisionCode
{
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    /// <summary>Validates the code of an organisation of <paramref name="kind"/>; returns a message key or null.</summary>
    public static string? Check(OrganizationKind kind, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "error.required";
        var length = OrganizationKinds.DivisionCodeLength(kind);
        if (code.Length != length || !code.All(char.IsAsciiDigit)) return $"error.division_code.length_{length}";
        if (!IsCountyCode(code[..6])) return "error.division_code.county";
        if (length >= 9 && code.Substring(6, 3) == "000") return "error.division_code.township";
        if (length == 12 && !IsVillageCommittee(code.Substring(9, 3))) return "error.division_code.village";
        return null;
    }

    /// <summary>A six-digit GB/T 2260 county code: a known province, prefecture and county not zero.</summary>
    public static bool IsCountyCode(string code) =>
        code.Length == 6 && code.All(char.IsAsciiDigit)
        && Provinces.Contains(int.Parse(code[..2]))
        && code.Substring(4, 2) != "00";

    /// <summary>Village part of a record number: 001–099 residents' committee, 101–199 village committee, 901–999 other.</summary>
    public static bool IsVillageCommittee(string part)
    {
        if (part.Length != 3 || !part.All(char.IsAsciiDigit)) return false;
        var n = int.Parse(part);
        return n is >= 1 and <= 99 or >= 101 and <= 199 or >= 901 and <= 999;
    }

    /// <summary>True when <paramref name="child"/> lies inside <paramref name="parent"/>'s division.</summary>
    public static bool IsWithin(string child, string parent) =>
        child.Length > parent.Length && child.StartsWith(parent, StringComparison.Ordinal);
}
