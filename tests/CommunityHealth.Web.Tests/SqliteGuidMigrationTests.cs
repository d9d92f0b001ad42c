using System.Net;
using CommunityHealth.Data.Sqlite;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunityHealth.Web.Tests;

/// <summary>
/// The migration that turns SQLite's text GUIDs into 16 bytes (docs/decisions/0009), on a file the application filled:
/// down to text and up again, every key in every table keeps its value, every reference still resolves, and the
/// application works on the converted file.
/// </summary>
public sealed class SqliteGuidMigrationTests
{
    private const string BeforeBlobKeys = "20261123191826_ScopedExamProbe";

    private sealed class FileApp(string file) : TestApp(Provider.Sqlite)
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:ConnectionString", $"Data Source={file}");
            builder.UseSetting("Demo:Residents", "60");
        }
    }

    [Fact]
    public async Task Every_key_survives_the_conversion_to_text_and_back_and_the_application_reads_the_converted_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ch-guid-{Guid.NewGuid():N}.db");
        var cs = $"Data Source={file}";
        try
        {
            string residentId, recordNumber;
            await using (var app = new FileApp(file))
            {
                await using (var sdb = app.SystemDb())
                {
                    var resident = await sdb.Residents.AsNoTracking().OrderBy(r => r.RecordNumber).FirstAsync();
                    (residentId, recordNumber) = (resident.Id.ToString(), resident.RecordNumber);
                }
                var admin = await app.ClientAsync("admin");
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/residents/{residentId}")).StatusCode);
                await app.FlushAuditAsync();
            }
            SqliteConnection.ClearAllPools();

            await using var db = new SqliteHealthDbContext(new DbContextOptionsBuilder<SqliteHealthDbContext>().UseSqlite(cs).Options);
            var columns = GuidColumns(db.Model);
            var migrator = db.GetService<IMigrator>();
            var blobs = await KeysAsync(cs, columns);
            Assert.All(blobs, c => Assert.All(c.Value, v => Assert.True(v.Type is "blob" or "null", $"{c.Key}: {v.Type}")));
            Assert.True(blobs["residents.Id"].Count >= 60);
            Assert.Contains(blobs["residents.Id"], v => v.Hex == Guid.Parse(residentId).ToString("N").ToUpperInvariant());
            Assert.Contains(blobs["household_members.HouseholdId"], v => v.Type == "blob");

            await migrator.MigrateAsync(BeforeBlobKeys);
            var texts = await KeysAsync(cs, columns);
            Assert.All(texts, c => Assert.All(c.Value, v => Assert.True(v.Type is "text" or "null", $"{c.Key}: {v.Type}")));
            Assert.Equal(Hexes(blobs), Hexes(texts));
            // the text is EF Core's own earlier form: upper case, hyphenated
            var id = texts["residents.Id"].First(v => v.Type == "text");
            Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", id.Text);
            Assert.Empty(await ForeignKeyProblemsAsync(cs));

            await migrator.MigrateAsync();
            var again = await KeysAsync(cs, columns);
            Assert.Equal(Hexes(blobs), Hexes(again));
            Assert.Equal(blobs.Sum(c => c.Value.Count(v => v.Type == "blob")), again.Sum(c => c.Value.Count(v => v.Type == "blob")));
            Assert.Empty(await ForeignKeyProblemsAsync(cs));
            SqliteConnection.ClearAllPools();

            await using (var app = new FileApp(file))
            {
                var doctor = await app.ClientAsync("admin");
                var hits = (await doctor.GetJsonAsync($"/api/residents?q={recordNumber}")).Items().ToList();
                Assert.Equal(residentId, Assert.Single(hits).Str("id"));
                var profile = await doctor.GetAsync($"/api/residents/{residentId}");
                Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    private sealed record Key(string Type, string? Hex, string? Text);

    private static List<(string Table, string Column)> GuidColumns(IModel model) =>
        model.GetEntityTypes().Where(e => e.GetTableName() is not null).SelectMany(e =>
        {
            var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
            return e.GetProperties().Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Guid))
                .Select(p => (table.Name, p.GetColumnName(table)!));
        }).Distinct().ToList();

    /// <summary>Every GUID column's values in row order, with their storage type and the 32 hex digits they stand for.</summary>
    private static async Task<Dictionary<string, List<Key>>> KeysAsync(string cs, List<(string Table, string Column)> columns)
    {
        await using var c = new SqliteConnection(cs);
        await c.OpenAsync();
        var result = new Dictionary<string, List<Key>>();
        foreach (var (table, column) in columns)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT typeof(\"{column}\"), CASE typeof(\"{column}\") WHEN 'blob' THEN hex(\"{column}\") WHEN 'text' THEN upper(replace(\"{column}\", '-', '')) END, " +
                              $"CASE typeof(\"{column}\") WHEN 'text' THEN \"{column}\" END FROM \"{table}\" ORDER BY rowid";
            await using var r = await cmd.ExecuteReaderAsync();
            var values = new List<Key>();
            while (await r.ReadAsync()) values.Add(new Key(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
            result[$"{table}.{column}"] = values;
        }
        return result;
    }

    private static Dictionary<string, string> Hexes(Dictionary<string, List<Key>> keys) =>
        keys.ToDictionary(k => k.Key, k => string.Join(',', k.Value.Select(v => v.Hex ?? "-")));

    private static async Task<List<string>> ForeignKeyProblemsAsync(string cs)
    {
        await using var c = new SqliteConnection(cs);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA foreign_key_check";
        await using var r = await cmd.ExecuteReaderAsync();
        var problems = new List<string>();
        while (await r.ReadAsync()) problems.Add($"{r.GetString(0)} row {r.GetValue(1)} → {r.GetString(2)}");
        return problems;
    }
}
