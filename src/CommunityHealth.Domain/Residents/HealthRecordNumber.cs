using System.Globalization;

namespace CommunityHealth.Domain.Residents;

/// <summary>
/// The 17-digit 健康档案编号 (standards §1.1): county 6 + township/street 3 + village committee 3 +
/// personal sequence 5. The 12-digit prefix comes from the managing organisation: a station's own
/// 12-digit code; a center that manages residents directly uses its 9-digit code + 901 ("other").
/// Forms print only the last 8 digits (□□□-□□□□□).
/// </summary>
public static class HealthRecordNumber
{
    public const int MaxSequence = 99_999;
    public const string CenterVillagePart = "901";

    public static string PrefixFor(string managingDivisionCode) => managingDivisionCode.Length switch
    {
        12 => managingDivisionCode,
        9 => managingDivisionCode + CenterVillagePart,
        _ => throw new ArgumentException("Only centers (9 digits) and stations (12 digits) manage records.", nameof(managingDivisionCode)),
    };

    public static string Compose(string prefix, int sequence)
    {
        if (prefix.Length != 12 || !prefix.All(char.IsAsciiDigit)) throw new ArgumentException("A 12-digit prefix is required.", nameof(prefix));
        if (sequence is < 1 or > MaxSequence) throw new ArgumentOutOfRangeException(nameof(sequence), "The sequence is 00001–99999.");
        return prefix + sequence.ToString("D5", CultureInfo.InvariantCulture);
    }

    public static bool IsValid(string? number) =>
        number is { Length: 17 } && number.All(char.IsAsciiDigit) && Organizations.DivisionCode.IsCountyCode(number[..6])
        && Organizations.DivisionCode.IsVillageCommittee(number.Substring(9, 3)) && number[12..] != "00000";

    /// <summary>The printed form of the last 8 digits: 001-00023.</summary>
    public static string Printed(string number) => $"{number.Substring(9, 3)}-{number[12..]}";
}
