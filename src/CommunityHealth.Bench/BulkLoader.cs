using System.Data.Common;
using System.Linq.Expressions;
using CommunityHealth.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace CommunityHealth.Bench;

/// <summary>
/// Loads generated rows fast, driven by the EF model so column names, value conversions (code lists,
/// JSON) and provider types are exactly the application's: SQLite through one prepared INSERT per
/// table inside large transactions, PostgreSQL through binary COPY. As any bulk load does (pg_restore,
/// sqlite3 .import), the secondary indexes of the loaded tables are dropped first and rebuilt once at the
/// end from their own definitions, which checks unique indexes over all rows; the rebuild counts in the
/// generation time.
/// </summary>
public sealed class BulkLoader(HealthDbContext model, string provider, string connectionString) : IAsyncDisposable
{
    private readonly DbConnection _connection = provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
    private readonly List<string> _deferredIndexes = [];
    private readonly List<string> _deferredForeignKeys = [];
    private readonly Dictionary<Type, object> _writers = [];

    public bool IsPostgres => _connection is NpgsqlConnection;

    private async Task OpenAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open) return;
        await _connection.OpenAsync();
        if (_connection is SqliteConnection)
            await ExecAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA mmap_size=4294967296; PRAGMA temp_store=MEMORY; PRAGMA threads=2; PRAGMA wal_autocheckpoint=0;");
    }

    /// <summary>Drops the secondary indexes of the entities' tables (primary keys stay), remembering their definitions.</summary>
    public async Task DeferIndexesAsync(params Type[] entities)
    {
        await OpenAsync();
        foreach (var type in entities)
        {
            var table = model.Model.FindEntityType(type)!.GetTableName()!;
            var sql = IsPostgres
                ? "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid " +
                  "WHERE t.relname = @t AND NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @t AND sql IS NOT NULL";
            var found = new List<(string Name, string Ddl)>();
            await using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = sql;
                var p = cmd.CreateParameter(); p.ParameterName = "@t"; p.Value = table; cmd.Parameters.Add(p);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) found.Add((reader.GetString(0), reader.GetString(1)));
            }
            foreach (var (name, ddl) in found)
            {
                await ExecAsync($"DROP INDEX \"{name}\"");
                _deferredIndexes.Add(ddl);
            }
            if (IsPostgres) await DeferForeignKeysAsync(table);
        }
    }

    /// <summary>
    /// PostgreSQL checks a foreign key per copied row (an index probe and a row lock each); dropped and added back
    /// after the load, each is validated once over all rows by a single join. (The SQLite loader's connection
    /// does not enable foreign_keys, SQLite's default.)
    /// </summary>
    private async Task DeferForeignKeysAsync(string table)
    {
        var found = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid = @t::regclass", (NpgsqlConnection)_connection))
        {
            cmd.Parameters.AddWithValue("t", $"\"{table}\"");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) found.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, definition) in found)
        {
            await ExecAsync($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"");
            _deferredForeignKeys.Add($"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{name}\" {definition}");
        }
    }

    /// <summary>Rebuilds the dropped indexes and foreign keys (PostgreSQL with parallel workers and a large sort memory, as a restore would).</summary>
    public async Task RestoreIndexesAsync()
    {
        if (IsPostgres)
        {
            // two builds at a time, one per core, each on its own connection; largest tables' indexes spread over both
            var work = new System.Collections.Concurrent.ConcurrentQueue<string>(_deferredIndexes);
            await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                await using var c = new NpgsqlConnection(connectionString);
                await c.OpenAsync();
                await using (var set = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", c)) await set.ExecuteNonQueryAsync();
                while (work.TryDequeue(out var ddl))
                {
                    await using var cmd = new NpgsqlCommand(ddl, c) { CommandTimeout = 0 };
                    await cmd.ExecuteNonQueryAsync();
                }
            }));
        }
        else foreach (var ddl in _deferredIndexes) await TimedAsync(ddl);
        foreach (var ddl in _deferredForeignKeys) await ExecAsync(ddl); // after the indexes, which the validating joins use
        _deferredForeignKeys.Clear();
        _deferredIndexes.Clear();
        if (!IsPostgres) await TimedAsync("PRAGMA wal_checkpoint(TRUNCATE)"); // one checkpoint for the whole load (automatic ones are off)
    }

    public async Task WriteAsync<T>(IReadOnlyList<T> rows) where T : class
    {
        if (rows.Count == 0) return;
        await OpenAsync();
        if (!_writers.TryGetValue(typeof(T), out var w)) _writers[typeof(T)] = w = new TableWriter<T>(model.Model.FindEntityType(typeof(T))!);
        var writer = (TableWriter<T>)w;
        if (_connection is NpgsqlConnection pg) await writer.CopyAsync(pg, rows);
        else writer.Insert((SqliteConnection)_connection, rows);
    }

    /// <summary>Runs a step of the rebuild and prints how long it took (BENCH_LOAD_STEPS=1).</summary>
    private async Task TimedAsync(string sql)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await ExecAsync(sql);
        if (Environment.GetEnvironmentVariable("BENCH_LOAD_STEPS") is { Length: > 0 }) Console.WriteLine($"  {sw.Elapsed.TotalSeconds,6:F1} s  {(sql.Length > 90 ? sql[..90] + "…" : sql)}");
    }

    private async Task ExecAsync(string sql)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Closes the loader's connection for good: returned to Microsoft.Data.Sqlite's pool it would keep its 2 GB page cache
    /// and its 4 GB memory map in the benchmark process through every later measurement.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is SqliteConnection sqlite)
        {
            await sqlite.CloseAsync();
            SqliteConnection.ClearPool(sqlite); // closes the idle handle the line above returned
        }
        await _connection.DisposeAsync();
    }

    /// <summary>One table's columns, compiled getters and EF value converters, built once.</summary>
    private sealed class TableWriter<T>
    {
        private readonly string _table;
        private readonly string[] _columns;
        private readonly string[] _storeTypes;
        private readonly bool[] _repeats;
        private readonly Func<T, object?>[] _getters;

        public TableWriter(IEntityType entity)
        {
            _table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(_table, entity.GetSchema());
            var props = entity.GetProperties().Where(p => p.GetColumnName(store) is not null && p.PropertyInfo is not null).ToList();
            _columns = props.Select(p => p.GetColumnName(store)!).ToArray();
            _storeTypes = props.Select(p => p.GetColumnType(store)).ToArray();
            _repeats = props.Select(p => p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateOnly?) || p.ClrType == typeof(DateTime)
                || p.Name is "DistrictId" or "CenterId" or "OrganizationId" or "TeamId").ToArray();
            _getters = props.Select(p =>
            {
                var row = Expression.Parameter(typeof(T));
                var converter = p.GetTypeMapping().Converter;
                Expression value = Expression.Property(row, p.PropertyInfo!);
                // the provider value, through EF's own converter (code lists, JSON, enums) as the application writes it;
                // GUIDs stay GUIDs here so that repeating keys are converted once (Sqlite below)
                if (converter is not null and not CommunityHealth.Data.Sqlite.SqliteGuidConverter)
                {
                    var convert = converter.ConvertToProviderExpression;
                    var input = Expression.Convert(value, convert.Parameters[0].Type);
                    var converted = Expression.Convert(Expression.Invoke(convert, input), typeof(object));
                    value = value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
                        ? converted
                        : Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(null), converted);
                }
                else value = Expression.Convert(value, typeof(object));
                return Expression.Lambda<Func<T, object?>>(value, row).Compile();
            }).ToArray();
        }

        /// <summary>
        /// One prepared statement, values bound by position through SQLite's C API (Microsoft.Data.Sqlite binds
        /// parameters by name, which is a linear name search per parameter per row: most of the cost at 60 columns).
        /// </summary>
        public void Insert(SqliteConnection c, IReadOnlyList<T> rows)
        {
            using var tx = c.BeginTransaction();
            var sql = $"INSERT INTO \"{_table}\" ({string.Join(',', _columns.Select(n => $"\"{n}\""))}) VALUES ({string.Join(',', _columns.Select(_ => "?"))})";
            Check(c, raw.sqlite3_prepare_v2(c.Handle, sql, out var stmt));
            try
            {
                foreach (var row in rows)
                {
                    for (var i = 0; i < _getters.Length; i++)
                    {
                        var value = _getters[i](row);
                        var rc = (_repeats[i] && value is not null ? Cached(value) : Sqlite(value)) switch
                        {
                            null => raw.sqlite3_bind_null(stmt, i + 1),
                            string text => raw.sqlite3_bind_text(stmt, i + 1, text),
                            long n => raw.sqlite3_bind_int64(stmt, i + 1, n),
                            double d => raw.sqlite3_bind_double(stmt, i + 1, d),
                            byte[] b => raw.sqlite3_bind_blob(stmt, i + 1, b),
                            var other => throw new NotSupportedException($"{_table}.{_columns[i]}: {other.GetType()}"),
                        };
                        Check(c, rc);
                    }
                    if (raw.sqlite3_step(stmt) != raw.SQLITE_DONE) Check(c, raw.SQLITE_ERROR);
                    raw.sqlite3_reset(stmt);
                }
            }
            finally { stmt.Dispose(); }
            tx.Commit();
        }

        /// <summary>Values that repeat across rows (organisation keys, dates, timestamps) are formatted once.</summary>
        private readonly Dictionary<object, object?> _formatted = [];

        private object? Cached(object value)
        {
            if (_formatted.TryGetValue(value, out var text)) return text;
            text = Sqlite(value);
            if (_formatted.Count < 200_000) _formatted[value] = text;
            return text;
        }

        private static void Check(SqliteConnection c, int rc)
        {
            if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite {rc}: {raw.sqlite3_errmsg(c.Handle).utf8_to_string()}");
        }

        /// <summary>Provider values as EF Core's SQLite mappings store them (GUIDs 16 bytes, dates ISO text, enums and booleans integers).</summary>
        private static object? Sqlite(object? v) => v switch
        {
            null => null,
            string s => s,
            Guid g => CommunityHealth.Data.Sqlite.SqliteGuid.ToBytes(g),
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            int or long or short or byte => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
            Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
            double or float => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture),
            decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            byte[] b => b,
            _ => throw new NotSupportedException(v.GetType().ToString()),
        };

        public async Task CopyAsync(NpgsqlConnection c, IReadOnlyList<T> rows)
        {
            await using var writer = await c.BeginBinaryImportAsync($"COPY \"{_table}\" ({string.Join(',', _columns.Select(n => $"\"{n}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                writer.StartRow();
                for (var i = 0; i < _getters.Length; i++)
                {
                    if (_getters[i](row) is { } value) writer.Write(value, _storeTypes[i]);
                    else writer.WriteNull();
                }
            }
            await writer.CompleteAsync();
        }
    }
}
