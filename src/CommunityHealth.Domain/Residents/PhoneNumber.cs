namespace CommunityHealth.Domain.Residents;

/// <summary>Chinese mobile (1[3-9] + 9 digits) or landline (0 + 2–3 digit area code + 7–8 digits, optional hyphen) numbers.</summary>
public static class PhoneNumber
{
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var s = new string(input.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (s.StartsWith("+86", StringComparison.Ordinal)) s = s[3..];
        return s;
    }

    public static bool IsValid(string? input)
    {
        var s = Normalize(input);
        if (s is null) return false;
        if (s.Length == 11 && s[0] == '1' && s[1] is >= '3' and <= '9' && s.All(char.IsAsciiDigit)) return true;
        var digits = s.Replace("-", "", StringComparison.Ordinal);
        return s[0] == '0' && s.Count(c => c == '-') <= 1 && digits.All(char.IsAsciiDigit) && digits.Length is >= 10 and <= 12;
    }

    /// <summary>138****1234 style.</summary>
    public static string Mask(string phone) => phone.Length >= 7
        ? string.Create(phone.Length, phone, static (span, p) => { p.AsSpan(0, 3).CopyTo(span); span[3..^4].Fill('*'); p.AsSpan(p.Length - 4).CopyTo(span[^4..]); })
        : phone;
}
