using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration.Memory;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// How the host starts wherever it is started from: its own folder as content root (so a published
/// <c>dotnet /opt/ch/CommunityHealth.Web.dll</c> finds its appsettings), quiet logs with ISO 8601 timestamps, and the
/// data-protection key ring (sign-in cookies, bearer tokens) kept in the data folder so they survive a restart.
/// </summary>
public static class StartupDefaults
{
    public const string ProjectFile = "CommunityHealth.Web.csproj";

    /// <summary>
    /// Settings under every other source: appsettings, environment and command line still override each. EF Core
    /// logs every statement at Information; the key manager warns that a key file is not encrypted at rest, which on
    /// Linux without a certificate it never is: the folder is the operator's only, as the database file is.
    /// </summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager"] = "Error",
        ["Logging:Console:FormatterName"] = "simple", // without a name the formatter ignores FormatterOptions
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffzzz ",
    };

    /// <summary>
    /// The project folder under <c>dotnet run</c> (its wwwroot and static web assets), else the folder of the app's own
    /// files, not whatever directory the operator happened to be in.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), ProjectFile)) ? null : AppContext.BaseDirectory,
    };

    public static WebApplicationBuilder ApplyStartupDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Settings });
        return builder;
    }

    /// <summary>
    /// The key ring in <c>DataProtection:KeysFolder</c> (relative to the content root), by default <c>keys/</c> next to the
    /// SQLite file, or <c>data/keys/</c> under the content root for PostgreSQL.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration config, string contentRoot, string provider, string connectionString)
    {
        var folder = config["DataProtection:KeysFolder"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(DataFolder(contentRoot, provider, connectionString), "keys");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // a fixed name, so cookies and tokens stay valid when the app moves folder (the default name is the content root)
        services.AddDataProtection().SetApplicationName("CommunityHealth").PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }

    private static string DataFolder(string contentRoot, string provider, string connectionString)
    {
        if (provider.Equals(Data.DataServiceCollectionExtensions.Sqlite, StringComparison.OrdinalIgnoreCase)
            && new DbConnectionStringBuilder { ConnectionString = connectionString } is var cs // provider-neutral: Web references no provider
            && (cs.TryGetValue("Data Source", out var v) || cs.TryGetValue("DataSource", out v) || cs.TryGetValue("Filename", out v))
            && v?.ToString() is { Length: > 0 } file && file != ":memory:"
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            return dir;
        return Path.Combine(contentRoot, "data");
    }
}
