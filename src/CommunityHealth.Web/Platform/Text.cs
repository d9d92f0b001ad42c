using System.Collections.Frozen;
using System.Globalization;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// UI strings and error messages in Simplified Chinese (default) and English. Each module brings its own table
/// (<c>Modules/&lt;Name&gt;/Texts.cs</c>, shared ones in <c>Platform/Texts.cs</c>); they are merged once, at first use, into two
/// lookups. Kept in code rather than .resx so a missing translation is a compile-visible table row
/// (see docs/decisions/0002-ui-text.md); a test checks that every text has both languages and no key is defined twice.
/// </summary>
public static class Text
{
    /// <summary>Every module's table, found in this assembly: adding a module's <c>Texts.cs</c> needs no registration.</summary>
    public static IReadOnlyList<TextTable> Tables { get; } = typeof(Text).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(TextTable)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (TextTable)Activator.CreateInstance(t)!)
        .ToArray();

    // a key defined twice keeps its first text; TextTests fails on it
    private static readonly FrozenDictionary<string, (string Zh, string En)> Entries = Tables
        .SelectMany(t => t.Messages)
        .DistinctBy(m => m.Key)
        .ToFrozenDictionary(m => m.Key, m => (m.Zh, m.En), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Labels = Tables
        .SelectMany(t => t.Labels)
        .DistinctBy(l => l.Zh)
        .ToFrozenDictionary(l => l.Zh, l => l.En, StringComparer.Ordinal);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Get(string key, params object[] args)
    {
        if (!Entries.TryGetValue(key, out var t)) return key;
        var s = IsEnglish ? t.En : t.Zh;
        return args.Length == 0 ? s : string.Format(CultureInfo.CurrentCulture, s, args);
    }

    /// <summary>A UI label in the current language; <paramref name="zh"/> is both key and Chinese text.</summary>
    public static string L(string zh) => IsEnglish && Labels.TryGetValue(zh, out var en) ? en : zh;

    public static IReadOnlyDictionary<string, (string Zh, string En)> All => Entries;

    public static IReadOnlyDictionary<string, string> AllLabels => Labels;
}

/// <summary>
/// One module's texts: message keys (errors, field names, statuses) with their zh-CN and en-US text, and UI labels, whose
/// key is the Chinese text itself so pages read naturally (<c>Text.L("保存")</c>). Read once, when <see cref="Text"/> starts.
/// </summary>
public abstract class TextTable
{
    /// <summary>The module's folder name (the last part of the table's namespace: Residents, Immunization …, or Platform).</summary>
    public string Module => GetType().Namespace![(GetType().Namespace!.LastIndexOf('.') + 1)..];

    public virtual IEnumerable<(string Key, string Zh, string En)> Messages => [];

    public virtual IEnumerable<(string Zh, string En)> Labels => [];
}
