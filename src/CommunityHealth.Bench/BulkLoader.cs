using System.Data.Common;
using System.Linq.Expressions;
using CommunityHealth.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> _writers = [];

    public bool IsPostgres => _connection is NpgsqlConnection;

    private SqliteBulkConnection? _inserts;

    // a checkpoint every 64 MB keeps the write-ahead log short: each page SQLite does not find in its cache is looked up in
    // the log's index, segment by segment — with one checkpoint at the end the log grew to over a gigabyte and the lookups
    // took 6 % of the writer
    private const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA mmap_size=4294967296; PRAGMA temp_store=MEMORY; PRAGMA threads=2; PRAGMA wal_autocheckpoint=16384;";

    private async Task OpenAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open) return;
        await _connection.OpenAsync();
        if (_connection is SqliteConnection) await ExecAsync(SqlitePragmas);
    }

    private SqliteBulkConnection Inserts => _inserts ??= new SqliteBulkConnection(new SqliteConnectionStringBuilder(connectionString).DataSource, SqlitePragmas);

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
        _inserts?.Dispose(); // its page cache is not needed for the builds
        _inserts = null;
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
        else
        {
            // SQLite's sorter sorts in worker threads only with temporary files (temp_store=MEMORY disables them) and only
            // when the keys fill more than one run (its run size follows cache_size): small runs sorted on the second core
            // while the first scans, then merged — about a third less time per index than one in-memory sort on one core
            await ExecAsync("PRAGMA temp_store=FILE; PRAGMA threads=2; PRAGMA cache_size=-8000");
            foreach (var ddl in _deferredIndexes) await TimedAsync(ddl);
        }
        foreach (var ddl in _deferredForeignKeys) await ExecAsync(ddl); // after the indexes, which the validating joins use
        _deferredForeignKeys.Clear();
        _deferredIndexes.Clear();
        if (!IsPostgres) await TimedAsync("PRAGMA wal_checkpoint(TRUNCATE)"); // the last pages into the file, the log emptied
    }

    public async Task WriteAsync<T>(IReadOnlyList<T> rows) where T : class => await WriteAsync(Prepare(rows));

    /// <summary>
    /// Turns rows into what the load binds (provider values, text already UTF-8), on the calling thread: a generator
    /// prepares its batches while <see cref="Pipeline"/>'s consumer writes the previous ones, so the single SQLite
    /// writer does no conversions.
    /// </summary>
    public Batch Prepare<T>(IReadOnlyList<T> rows) where T : class
    {
        var writer = (TableWriter<T>)_writers.GetOrAdd(typeof(T), _ => new TableWriter<T>(model.Model.FindEntityType(typeof(T))!));
        return IsPostgres ? new Batch(l => writer.CopyAsync((NpgsqlConnection)l._connection, rows), rows.Count) : writer.Prepare(rows);
    }

    public async Task WriteAsync(Batch batch)
    {
        if (batch.Rows == 0) return;
        await OpenAsync();
        await batch.Write(this);
    }

    /// <summary>Prepared rows of one table, written by <see cref="WriteAsync(Batch)"/>.</summary>
    public sealed record Batch(Func<BulkLoader, Task> Write, int Rows);

    /// <summary>Starts a consumer that writes prepared batches in order while the caller generates and prepares the next ones.</summary>
    public Pipeline StartPipeline() => new(this);

    public sealed class Pipeline
    {
        private readonly System.Threading.Channels.Channel<Batch[]> _queue = System.Threading.Channels.Channel.CreateBounded<Batch[]>(2);
        private readonly System.Diagnostics.Stopwatch _busy = new();
        private readonly Task _consumer;

        internal Pipeline(BulkLoader loader) => _consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var set in _queue.Reader.ReadAllAsync())
                {
                    _busy.Start();
                    var before = CommunityHealth.Data.Sqlite.ThreadSchedStat.Read();
                    foreach (var batch in set) await loader.WriteAsync(batch); // synchronous for SQLite: one thread throughout
                    var after = CommunityHealth.Data.Sqlite.ThreadSchedStat.Read();
                    if (!loader.IsPostgres) (_cpuNs, _runqueueNs) = (_cpuNs + after.Cpu - before.Cpu, _runqueueNs + after.Wait - before.Wait);
                    _busy.Stop();
                }
            }
            catch (Exception e)
            {
                _queue.Writer.TryComplete(e); // the producer's next AddAsync fails instead of waiting for a full queue forever
                throw;
            }
        });

        /// <summary>How long the consumer spent writing (diagnostics: whether generation or the database limits the load).</summary>
        public TimeSpan Busy => _busy.Elapsed;

        private long _cpuNs, _runqueueNs;

        /// <summary>The consumer's writing time as its thread accounts it (Linux, SQLite): on a CPU, and runnable but waiting for one.</summary>
        public string Account => _cpuNs == 0 ? "" : $" ({_cpuNs / 1e9:F1} s on CPU, {_runqueueNs / 1e9:F1} s waiting for a CPU)";


        public ValueTask AddAsync(params Batch[] batches) => _queue.Writer.WriteAsync(batches);

        public async Task CompleteAsync()
        {
            _queue.Writer.TryComplete();
            await _consumer;
        }
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
        _inserts?.Dispose();
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
        private readonly string _insert;
        private readonly Func<T, object?>[] _getters;

        public TableWriter(IEntityType entity)
        {
            _table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(_table, entity.GetSchema());
            var props = entity.GetProperties().Where(p => p.GetColumnName(store) is not null && p.PropertyInfo is not null).ToList();
            _columns = props.Select(p => p.GetColumnName(store)!).ToArray();
            _storeTypes = props.Select(p => p.GetColumnType(store)).ToArray();
            _insert = $"INSERT INTO \"{_table}\" ({string.Join(',', _columns.Select(n => $"\"{n}\""))}) VALUES ({string.Join(',', _columns.Select(_ => "?"))})";
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
        /// The rows' values serialised as SQLite binds them, into one buffer: per value a tag (null, integer, real, UTF-8 text,
        /// blob) and its payload. One allocation per batch instead of one per value keeps what survives until the write small
        /// for the garbage collector; dates are formatted straight to UTF-8.
        /// </summary>
        public Batch Prepare(IReadOnlyList<T> rows)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(rows.Count * _getters.Length * 12, 256));
            foreach (var row in rows)
                for (var i = 0; i < _getters.Length; i++) Append(buffer, _getters[i](row), i);
            var data = buffer.WrittenMemory;
            return new Batch(l => { Insert(l.Inserts, data.Span, rows.Count); return Task.CompletedTask; }, rows.Count);
        }

        private const byte Null = 0, Integer = 1, Real = 2, Text = 3, Blob = 4;
        private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

        /// <summary>Provider values as EF Core's SQLite mappings store them (GUIDs 16 bytes big-endian, dates ISO text, enums and booleans integers).</summary>
        private void Append(System.Buffers.ArrayBufferWriter<byte> buffer, object? value, int column)
        {
            int n;
            switch (value)
            {
                case null: buffer.GetSpan(1)[0] = Null; buffer.Advance(1); return;
                case double or float: Fixed(buffer, Real, BitConverter.DoubleToInt64Bits(Convert.ToDouble(value, Invariant))); return;
                case bool b: Fixed(buffer, Integer, b ? 1 : 0); return;
                case int or long or short or byte or Enum: Fixed(buffer, Integer, Convert.ToInt64(value, Invariant)); return;
                case string s: n = System.Text.Encoding.UTF8.GetBytes(s, Payload(buffer, System.Text.Encoding.UTF8.GetMaxByteCount(s.Length))); Commit(buffer, Text, n); return;
                case Guid g: CommunityHealth.Data.Sqlite.SqliteGuid.Write(g, Payload(buffer, 16)); Commit(buffer, Blob, 16); return;
                case DateOnly d: d.TryFormat(Payload(buffer, 10), out n, "yyyy-MM-dd", Invariant); Commit(buffer, Text, n); return;
                case DateTime t: t.TryFormat(Payload(buffer, 27), out n, "yyyy-MM-dd HH:mm:ss.FFFFFFF", Invariant); Commit(buffer, Text, n); return;
                case decimal m: m.TryFormat(Payload(buffer, 40), out n, default, Invariant); Commit(buffer, Text, n); return;
                case byte[] bytes: bytes.CopyTo(Payload(buffer, bytes.Length)); Commit(buffer, Blob, bytes.Length); return;
                default: throw new NotSupportedException($"{_table}.{_columns[column]}: {value.GetType()}");
            }
        }

        private static void Fixed(System.Buffers.ArrayBufferWriter<byte> buffer, byte tag, long payload)
        {
            var span = buffer.GetSpan(9);
            span[0] = tag;
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(span[1..], payload);
            buffer.Advance(9);
        }

        /// <summary>Room for a sized value's payload after its tag and length.</summary>
        private static Span<byte> Payload(System.Buffers.ArrayBufferWriter<byte> buffer, int maxLength) => buffer.GetSpan(5 + maxLength)[5..];

        private static void Commit(System.Buffers.ArrayBufferWriter<byte> buffer, byte tag, int length)
        {
            var span = buffer.GetSpan(5 + length);
            span[0] = tag;
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[1..], length);
            buffer.Advance(5 + length);
        }

        /// <summary>
        /// One prepared statement, values bound by position through SQLite's C API (Microsoft.Data.Sqlite binds
        /// parameters by name, which is a linear name search per parameter per row: most of the cost at 60 columns).
        /// </summary>
        private void Insert(SqliteBulkConnection c, ReadOnlySpan<byte> data, int rows)
        {
            c.Execute("BEGIN");
            try
            {
                using var stmt = c.Prepare(_insert);
                InsertRows(stmt, data, rows, _getters.Length);
            }
            catch
            {
                c.Execute("ROLLBACK");
                throw;
            }
            c.Execute("COMMIT");
        }

        /// <summary>The bind-and-step loop, outside any exception region, so that the JIT inlines the native calls' transitions.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void InsertRows(SqliteBulkConnection.Statement stmt, ReadOnlySpan<byte> data, int rows, int columns)
        {
            var pos = 0;
            for (var r = 0; r < rows; r++)
            {
                for (var i = 1; i <= columns; i++)
                {
                    var tag = data[pos++];
                    if (tag == Null) stmt.BindNull(i);
                    else if (tag is Integer or Real)
                    {
                        var payload = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(data[pos..]);
                        if (tag == Integer) stmt.BindInt64(i, payload); else stmt.BindDouble(i, BitConverter.Int64BitsToDouble(payload));
                        pos += 8;
                    }
                    else
                    {
                        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
                        if (tag == Text) stmt.BindText(i, data.Slice(pos + 4, length)); else stmt.BindBlob(i, data.Slice(pos + 4, length));
                        pos += 4 + length;
                    }
                }
                stmt.Run();
            }
        }

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
