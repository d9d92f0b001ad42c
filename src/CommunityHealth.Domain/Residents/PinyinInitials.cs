namespace CommunityHealth.Domain.Residents;

/// <summary>
/// Pinyin initials of a name (张三丰 → zsf) for the search box. Readings come from Unihan's first
/// kMandarin reading (generated table); surnames whose reading differs from the common one are
/// overridden for the first character (单 shan, 曾 zeng, 解 xie, …).
/// </summary>
public static class PinyinInitials
{
    private static readonly Dictionary<char, char> SurnameOverrides = new()
    {
        ['单'] = 's', ['曾'] = 'z', ['解'] = 'x', ['仇'] = 'q', ['查'] = 'z', ['区'] = 'o', ['朴'] = 'p',
        ['乐'] = 'y', ['覃'] = 'q', ['盖'] = 'g', ['缪'] = 'm', ['尉'] = 'y', ['秘'] = 'b', ['繁'] = 'p',
        ['长'] = 'c', ['重'] = 'c', ['万'] = 'w', ['翟'] = 'z', ['种'] = 'c', ['沈'] = 's', ['居'] = 'j',
    };

    public static string Of(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var chars = new List<char>(name.Length);
        var first = true;
        foreach (var c in name.Trim())
        {
            char? letter = c switch
            {
                >= '\u4E00' and <= '\u9FFF' => first && SurnameOverrides.TryGetValue(c, out var s) ? s : PinyinTable.Main[c - 0x4E00],
                >= '\u3400' and <= '\u4DBF' => PinyinTable.ExtensionA[c - 0x3400],
                _ when char.IsAsciiLetter(c) => char.ToLowerInvariant(c),
                _ => null,
            };
            if (letter is { } l && l != '?') chars.Add(l);
            if (letter is not null) first = false;
        }
        return new string(chars.ToArray());
    }
}
