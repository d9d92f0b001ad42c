namespace CommunityHealth.Domain.Residents;

public enum Sex { Unknown = 0, Male = 1, Female = 2, Unspecified = 9 } // GB/T 2261.1

/// <summary>
/// The 18-character resident identity number (GB 11643-1999, standards §5): 6 address + 8 birth date +
/// 3 sequence (odd = male) + ISO 7064 MOD 11-2 check character. Retired address codes are accepted
/// (the code is fixed at issue), as are the 810000/820000/830000 residence-permit prefixes. 15-digit
/// legacy numbers are upgraded by inserting "19" and appending the check character.
/// </summary>
public sealed record IdCardNumber(string Value, DateOnly BirthDate, Sex Sex)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Last four characters, the rest masked: 110105********1234 style.</summary>
    public string Masked => Value[..6] + new string('*', 8) + Value[14..];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Parses and validates; the error is a message key naming what is wrong.</summary>
    public static (IdCardNumber? Number, string? Error) Parse(string? input, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(input)) return (null, "error.required");
        var s = input.Trim().ToUpperInvariant();
        if (s.Length == 15)
        {
            if (!s.All(char.IsAsciiDigit)) return (null, "error.idcard.chars");
            var first17 = s[..6] + "19" + s[6..];
            s = first17 + CheckCharacter(first17);
        }
        else if (s.Length != 18) return (null, "error.idcard.length");
        else if (!s[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(s[17]) || s[17] == 'X')) return (null, "error.idcard.chars");

        if (!int.TryParse(s[..2], out var province) || province < 11) return (null, "error.idcard.area");
        if (!DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", out var birth)) return (null, "error.idcard.birthdate");
        if (birth > today || birth.Year < 1880) return (null, "error.idcard.birthdate");
        if (CheckCharacter(s) != s[17]) return (null, "error.idcard.checksum");
        var sex = (s[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        return (new IdCardNumber(s, birth, sex), null);
    }

    /// <summary>Builds a valid number from its parts (used by the demo generator and tests).</summary>
    public static string Compose(string areaCode, DateOnly birthDate, int sequence)
    {
        var first17 = areaCode + birthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }
}
