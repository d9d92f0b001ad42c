using System.Text.RegularExpressions;
using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Tests;

/// <summary>Every label the UI shows and every message key the code returns has Chinese and English text.</summary>
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

    [GeneratedRegex("""\bL\("([^"]+)"\)""")]
    private static partial Regex LabelCall();

    [GeneratedRegex("""["'](error\.[a-z_.0-9]+)["']""")]
    private static partial Regex MessageKey();
}
