using System.Reflection;
using System.Text.RegularExpressions;

namespace CommunityHealth.Architecture.Tests;

/// <summary>
/// The rules of docs (conventions: the shape) that a test can check: the domain needs only the BCL, the web project leaves
/// SQL and database providers to the data project, and only the composition root reads the clock. Assembly references are
/// read by reflection; uses are found in the source files (comments removed), which also covers Razor markup.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(CommunityHealth.Domain.Common.Error).Assembly;
    private static readonly Assembly Data = typeof(CommunityHealth.Data.HealthDbContext).Assembly;
    private static readonly Assembly Web = typeof(CommunityHealth.Web.Platform.Text).Assembly;

    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        var others = Domain.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n is not ("netstandard" or "mscorlib") && !n.StartsWith("System", StringComparison.Ordinal) && !n.StartsWith("Microsoft.Win32", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(others);
    }

    [Fact]
    public void Web_does_not_reference_database_providers()
    {
        var providers = Web.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Npgsql", StringComparison.Ordinal) || n.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || n == "SQLitePCLRaw.core")
            .ToList();
        Assert.Empty(providers);
    }

    [Fact]
    public void Web_leaves_hand_written_sql_to_the_data_project()
    {
        Assert.Empty(Find("CommunityHealth.Web", RawSql(), _ => false));
    }

    [Fact]
    public void Only_the_composition_root_reads_the_clock()
    {
        var found = new[] { "CommunityHealth.Domain", "CommunityHealth.Data", "CommunityHealth.Web" }
            .SelectMany(p => Find(p, Clock(), f => f == "src/CommunityHealth.Web/Program.cs"))
            .ToList();
        Assert.Empty(found);
    }

    [Fact]
    public void The_checked_assemblies_are_the_ones_built() =>
        Assert.Equal(["CommunityHealth.Data", "CommunityHealth.Domain", "CommunityHealth.Web"], new[] { Data, Domain, Web }.Select(a => a.GetName().Name!).Order());

    /// <summary>"file:line: text" of every non-comment use of <paramref name="pattern"/> in the project's .cs and .razor files.</summary>
    private static IEnumerable<string> Find(string project, Regex pattern, Func<string, bool> allowed)
    {
        var root = RepoRoot();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"))
                     .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.Contains("/Migrations/"))
                     .Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (allowed(relative)) continue;
            var lines = WithoutComments(File.ReadAllText(file)).Split('\n');
            for (var i = 0; i < lines.Length; i++)
                if (pattern.IsMatch(lines[i])) yield return $"{relative}:{i + 1}: {lines[i].Trim()}";
        }
    }

    // block comments keep their line breaks so line numbers stay right; // comments end at the line (not inside a string: rare enough here)
    private static string WithoutComments(string source) =>
        LineComment().Replace(BlockComment().Replace(source, m => new string('\n', m.Value.Count(c => c == '\n'))), "");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CommunityHealth.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    [GeneratedRegex(@"\b(DateTime\.(Now|UtcNow|Today)|DateTimeOffset\.(Now|UtcNow)|TimeProvider\.System)\b")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(RawReads|RawWrites|ExecuteSqlRaw(Async)?|FromSqlRaw|SqlQueryRaw|Microsoft\.Data\.Sqlite|Npgsql)\b")]
    private static partial Regex RawSql();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"(?<![:""])//[^\n]*")]
    private static partial Regex LineComment();
}
