using System.Text.RegularExpressions;
using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>
/// Every label the UI shows and every message key the code returns has Chinese and English text; each module's table
/// (Modules/&lt;Name&gt;/Texts.cs, Platform/Texts.cs) is complete in both languages and defines no key another one does.
/// </summary>
public partial class TextTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommunityHealth.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private static IEnumerable<string> Sources(string project) =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", project), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".razor")) && !f.Contains("/obj/") && !f.Contains("/bin/"));

    [Fact]
    public void Every_kind_of_record_the_audit_names_is_offered_and_has_its_text()
    {
        // db.Audit(staff, "Kind", …) in any module, and the people the read doors name (PersonalData: Resident, Vaccinee)
        var audited = Sources("CommunityHealth.Web")
            .SelectMany(f => AuditCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(["Resident", "Vaccinee"]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(audited.Count > 10);
        Assert.Empty(audited.Except(Modules.Audit.AuditEntities.Names));
        Assert.All(Modules.Audit.AuditEntities.Names, e => Assert.True(Text.All.ContainsKey("entity." + e), e));
    }

    [Fact]
    public void Every_label_has_an_english_translation()
    {
        var missing = Sources("CommunityHealth.Web")
            .SelectMany(f => LabelCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().Where(zh => !Text.AllLabels.ContainsKey(zh)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_message_key_has_both_languages()
    {
        var keys = new[] { "CommunityHealth.Domain", "CommunityHealth.Web" }.SelectMany(Sources)
            .SelectMany(f => MessageKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.') && !k.Contains('{'))
            .Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => !Text.All.ContainsKey(k));
        Assert.All(Text.All, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value.Zh) || string.IsNullOrWhiteSpace(kv.Value.En), kv.Key));
        foreach (var length in new[] { 6, 9, 12 }) Assert.True(Text.All.ContainsKey($"error.division_code.length_{length}"));
        foreach (var role in Domain.Staff.StaffRole.All) Assert.True(Text.All.ContainsKey("role." + role), role);
    }

    [Fact]
    public void Every_module_has_a_table_and_every_table_a_module()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepoRoot(), "src", "CommunityHealth.Web", "Modules"))
            .Where(d => Directory.EnumerateFiles(d, "*Module.cs").Any()).Select(d => Path.GetFileName(d)!).Append("Platform").Order().ToList();
        Assert.Equal(folders, Text.Tables.Select(t => t.Module).Order().ToList());
    }

    [Fact]
    public void Every_chinese_text_has_an_english_one_and_the_reverse()
    {
        var incomplete = Text.Tables
            .SelectMany(t => t.Messages.Where(m => Blank(m.Zh) || Blank(m.En)).Select(m => $"{t.Module}: {m.Key}")
                .Concat(t.Labels.Where(l => Blank(l.Zh) || Blank(l.En)).Select(l => $"{t.Module}: label '{l.Zh}' → '{l.En}'")))
            .ToList();
        Assert.Empty(incomplete);
    }

    [Fact]
    public void No_key_is_defined_twice()
    {
        var keys = Text.Tables.SelectMany(t => t.Messages.Select(m => (t.Module, Key: m.Key)))
            .Concat(Text.Tables.SelectMany(t => t.Labels.Select(l => (t.Module, Key: "label " + l.Zh))));
        var twice = keys.GroupBy(k => k.Key).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} in {string.Join(", ", g.Select(k => k.Module))}").ToList();
        Assert.Empty(twice);
        Assert.Equal(Text.Tables.Sum(t => t.Messages.Count()), Text.All.Count);
        Assert.Equal(Text.Tables.Sum(t => t.Labels.Count()), Text.AllLabels.Count);
    }

    private static bool Blank(string s) => string.IsNullOrWhiteSpace(s);

    [GeneratedRegex("""\bL\("([^"]+)"\)""")]
    private static partial Regex LabelCall();

    [GeneratedRegex("""["'](error\.[a-z_.0-9]+)["']""")]
    private static partial Regex MessageKey();

    [GeneratedRegex("""\.Audit\(\w+, "([A-Za-z]+)"[,)]""")]
    private static partial Regex AuditCall();
}
