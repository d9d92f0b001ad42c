using System.Data.Common;
using CommunityHealth.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommunityHealth.Bench;

/// <summary>
/// Loads generated rows fast, driven by the EF model so column names, value conversions (code lists,
/// JSON) and provider types are exactly the application's: SQLite through one prepared INSERT per
/// table inside large transactions, PostgreSQL through binary COPY.
/// </summary>
public sealed class BulkLoader(HealthDbContext model, string provider, string connectionString) : IAsyncDisposable
{
    private readonly DbConnection _connection = provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
    private bool _open;

    public async Task WriteAsync<T>(IReadOnlyList<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        if (!_open)
        {
            await _connection.OpenAsync();
            _open = true;
            if (_connection is SqliteConnection s)
            {
                using var pragma = s.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
                pragma.ExecuteNonQuery();
            }
        }
        var entity = model.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var props = entity.GetProperties().Where(p => p.GetColumnName(store) is not null && p.PropertyInfo is not null).ToList();
        if (_connection is NpgsqlConnection pg) await CopyAsync(pg, table, store, props, rows);
        else await InsertAsync((SqliteConnection)_connection, table, store, props, rows);
    }

    private static async Task InsertAsync<T>(SqliteConnection c, string table, StoreObjectIdentifier store, List<IProperty> props, IReadOnlyList<T> rows)
    {
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(',', props.Select(p => $"\"{p.GetColumnName(store)}\""))}) VALUES ({string.Join(',', props.Select((_, i) => "$p" + i))})";
        var mappings = props.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = props.Select(p => Getter<T>(p)).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            // EF's own type mappings create each parameter, so values are stored exactly as the application stores them
            cmd.Parameters.Clear();
            for (var i = 0; i < props.Count; i++)
                cmd.Parameters.Add(mappings[i].CreateParameter(cmd, "$p" + i, getters[i](row), props[i].IsNullable));
            cmd.ExecuteNonQuery();
        }
        await tx.CommitAsync();
    }

    private static async Task CopyAsync<T>(NpgsqlConnection c, string table, StoreObjectIdentifier store, List<IProperty> props, IReadOnlyList<T> rows)
    {
        var columns = string.Join(',', props.Select(p => $"\"{p.GetColumnName(store)}\""));
        await using var writer = await c.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        var converters = props.Select(p => p.GetTypeMapping().Converter).ToArray();
        var storeTypes = props.Select(p => p.GetColumnType(store)).ToArray();
        foreach (var row in rows)
        {
            await writer.StartRowAsync();
            for (var i = 0; i < props.Count; i++)
            {
                var value = props[i].PropertyInfo!.GetValue(row);
                if (converters[i] is { } conv && value is not null) value = conv.ConvertToProvider(value);
                if (value is null) await writer.WriteNullAsync();
                else await writer.WriteAsync(value, storeTypes[i]);
            }
        }
        await writer.CompleteAsync();
    }

    private static Func<T, object?> Getter<T>(IProperty p)
    {
        var row = System.Linq.Expressions.Expression.Parameter(typeof(T));
        var body = System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Property(row, p.PropertyInfo!), typeof(object));
        return System.Linq.Expressions.Expression.Lambda<Func<T, object?>>(body, row).Compile();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
