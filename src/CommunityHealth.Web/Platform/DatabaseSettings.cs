using CommunityHealth.Data;

namespace CommunityHealth.Web.Platform;

/// <summary>Reads <c>Database:Provider</c> (Sqlite by default) and <c>Database:ConnectionString</c>.</summary>
public static class DatabaseSettings
{
    public static (string Provider, string ConnectionString) Read(IConfiguration config, string contentRoot)
    {
        var provider = config["Database:Provider"] is { Length: > 0 } p ? p : DataServiceCollectionExtensions.Sqlite;
        var cs = config["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (!provider.Equals(DataServiceCollectionExtensions.Sqlite, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
            var dir = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dir);
            cs = $"Data Source={Path.Combine(dir, "communityhealth.db")}";
        }
        else DatabaseSetup.EnsureFolder(provider, cs);
        return (provider, cs);
    }
}
