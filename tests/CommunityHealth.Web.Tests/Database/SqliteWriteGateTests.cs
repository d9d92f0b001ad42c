using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Sqlite;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Database;

/// <summary>The SQLite single-writer gate on a real database file: every kind of write passes it, checkpoints run beside the writers.</summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ch-gate-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private IHealthDbFactory _factory = null!;
    private SqliteWriteGate _gate = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Start)).AddHealthData("Sqlite", $"Data Source={_file}").BuildServiceProvider();
        _factory = _services.GetRequiredService<IHealthDbFactory>();
        _gate = _services.GetRequiredService<SqliteWriteGate>();
        await using var db = _factory.Create(DataScope.System);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    [Theory]
    [InlineData("INSERT INTO t VALUES (1)", true)]
    [InlineData("  update t SET x = 1", true)]
    [InlineData("-- a comment\nDELETE FROM t", true)]
    [InlineData("/* c */ REPLACE INTO t VALUES (1)", true)]
    [InlineData("CREATE INDEX i ON t (x)", true)]
    [InlineData("SELECT * FROM t", false)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", false)]
    [InlineData("PRAGMA wal_checkpoint(PASSIVE)", false)]
    [InlineData("-- only a comment", false)]
    public void Recognises_statements_that_write(string sql, bool writes) => Assert.Equal(writes, SqliteWriteGate.IsWrite(sql));

    private static readonly Guid District = Guid.CreateVersion7();

    private static AuditEntry Entry(int i) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = District, At = TestClock.Start.UtcDateTime, Entity = "Test", EntityId = i.ToString(), Action = AuditActions.View,
    };

    [Fact]
    public async Task Lone_statements_and_transactions_pass_the_gate_together_and_checkpoints_run_in_the_background()
    {
        // one-row saves (EF Core sends them without a transaction), ExecuteUpdate and multi-row saves, side by side
        const int writers = 8, rounds = 40;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < rounds; i++)
            {
                await using var db = _factory.Create(DataScope.System);
                if (i % 4 == 3)
                {
                    db.AuditEntries.AddRange(Entry(w * 1000 + i), Entry(w * 1000 + i + 500));
                    await db.SaveChangesAsync();
                }
                else if (i % 4 == 2)
                    await db.AuditEntries.Where(e => e.EntityId == (w * 1000 + i - 1).ToString()).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "touched"));
                else
                {
                    db.AuditEntries.Add(Entry(w * 1000 + i));
                    await db.SaveChangesAsync();
                }
            }
        })));

        await using (var db = _factory.Create(DataScope.System))
        {
            Assert.Equal(writers * rounds / 4 * 4, await db.AuditEntries.CountAsync()); // 2 lone + 2 in a batch per 4 rounds
            Assert.Equal(writers * rounds / 4, await db.AuditEntries.CountAsync(e => e.Detail == "touched"));
            // every connection the application opens leaves the automatic checkpoint as a safety net only
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA wal_autocheckpoint";
            Assert.Equal((long)SqliteWriteGate.AutoCheckpointPages, (long)(await cmd.ExecuteScalarAsync())!);
        }
        Assert.True(_gate.Writes >= writers * rounds, $"{_gate.Writes} writes passed the gate");
        for (var wait = 0; wait < 100 && _gate.Checkpoints == 0; wait++) await Task.Delay(100);
        Assert.True(_gate.Checkpoints >= 1, "no background checkpoint ran");
    }

    [Fact]
    public async Task Saves_and_write_transactions_run_on_the_writer_and_a_failed_one_leaves_nothing_behind()
    {
        var before = _gate.WriterSaves;
        var first = Entry(1);
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.Add(first);
            await db.SaveChangesAsync();
            // the context has its own connection again and reads on
            Assert.NotEqual(ConnectionStateOpen, db.Database.GetDbConnection().State);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Id == first.Id));
        }
        Assert.Equal(before + 1, _gate.WriterSaves);

        // a save that fails (the same key twice) rolls back completely and the writer serves the next save
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.AddRange(Entry(2), new AuditEntry { Id = first.Id, DistrictId = District, At = TestClock.Start.UtcDateTime, Entity = "Test", EntityId = "dup", Action = AuditActions.View });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var db = _factory.Create(DataScope.System))
        {
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.EntityId == "2"));
            db.AuditEntries.Add(Entry(3));
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == "3"));
        }

        // an explicit write transaction: committed, rolled back, and abandoned (disposed without commit)
        foreach (var (end, id, kept) in new[] { ("commit", 4, true), ("rollback", 5, false), ("dispose", 6, false) })
        {
            await using (var db = _factory.Create(DataScope.System))
            await using (var tx = await db.BeginWriteAsync())
            {
                db.AuditEntries.Add(Entry(id));
                await db.SaveChangesAsync();
                await db.AuditEntries.Where(e => e.EntityId == id.ToString()).ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, end));
                if (end == "commit") await tx.CommitAsync();
                else if (end == "rollback") await tx.RollbackAsync();
            }
            await using var check = _factory.Create(DataScope.System);
            Assert.Equal(kept ? 1 : 0, await check.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Detail == end));
        }
        // the gate is free again: a lone statement on another connection passes at once
        await using (var db = _factory.Create(DataScope.System))
        {
            var done = db.AuditEntries.Where(e => e.EntityId == "3").ExecuteUpdateAsync(u => u.SetProperty(e => e.Detail, "free"));
            Assert.Same(done, await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(10))));
            Assert.Equal(1, await done);
        }
    }

    private const System.Data.ConnectionState ConnectionStateOpen = System.Data.ConnectionState.Open;

    [Fact]
    public async Task A_save_waits_for_the_gate_at_its_transaction_and_gives_it_back_with_the_commit()
    {
        var writes = _gate.Writes;
        await using var holder = _factory.Create(DataScope.System);
        var held = await holder.BeginWriteAsync(); // the gate is held by another writer
        await using var db = _factory.Create(DataScope.System);
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never; // the context's own choice, restored after the save
        db.AuditEntries.Add(Entry(41));
        var save = db.SaveChangesAsync();
        await Task.Delay(300);
        Assert.False(save.IsCompleted, "the save ran while another writer held the gate");
        await held.CommitAsync();
        Assert.Same(save, await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(1, await save);
        Assert.Equal(AutoTransactionBehavior.Never, db.Database.AutoTransactionBehavior);
        Assert.Equal(writes + 2, _gate.Writes); // the explicit transaction and the save, each once
        // the gate is free: another save passes at once, and the context reads on its own connection
        await using var next = _factory.Create(DataScope.System);
        next.AuditEntries.Add(Entry(42));
        var again = next.SaveChangesAsync();
        Assert.Same(again, await Task.WhenAny(again, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityId == "41" || e.EntityId == "42"));
    }

    [Fact]
    public async Task Optimize_gathers_missing_statistics_once()
    {
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.AddRange(Enumerable.Range(0, 300).Select(Entry));
            await db.SaveChangesAsync();
        }
        Assert.True(await _gate.OptimizeAsync());
        Assert.False(await _gate.OptimizeAsync()); // nothing changed tenfold since
        await using var db2 = _factory.Create(DataScope.System);
        var conn = db2.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'audit_entries'";
        Assert.True((long)(await cmd.ExecuteScalarAsync())! > 0);
    }

    /// <summary>With a memory map configured, every connection the application reads through maps the file (decision 0010): EF Core's, the hand-written reads', the writer's.</summary>
    [Fact]
    public async Task Reads_go_through_the_memory_map_on_every_kind_of_connection()
    {
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Start)).AddHealthData("Sqlite", $"Data Source={_file}", sqliteMmapMb: SqlitePragmas.MaxMmapMb).BuildServiceProvider();
        var factory = services.GetRequiredService<IHealthDbFactory>();
        const long expected = (long)SqlitePragmas.MaxMmapMb * 1024 * 1024;
        static async Task<long> MmapAsync(System.Data.Common.DbConnection c)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA mmap_size";
            return Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        await using (var db = factory.Create(DataScope.System))
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(expected, await MmapAsync(db.Database.GetDbConnection()));
            await db.Database.CloseConnectionAsync();
            SqliteConnection.ClearAllPools(); // the next read gets a new handle, opened outside EF Core
            await using var read = await RawReads.OpenAsync(db, CancellationToken.None);
            await using var cmd = read.Command();
            cmd.CommandText = "PRAGMA mmap_size";
            Assert.Equal(expected, Convert.ToInt64(await cmd.ExecuteScalarAsync()));
        }
        await using (var db = factory.Create(DataScope.System))
        await using (var tx = await db.BeginWriteAsync())
        {
            Assert.Equal(expected, await MmapAsync(db.Database.GetDbConnection()));
            await tx.RollbackAsync();
        }
        SqliteConnection.ClearAllPools();
        await using (var db = _factory.Create(DataScope.System)) // the default: no map
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(0, await MmapAsync(db.Database.GetDbConnection()));
        }
    }
    [Fact]
    public async Task Saves_on_the_writer_reuse_compiled_statements_and_a_failed_one_gives_its_statement_back()
    {
        // the same shape of save repeatedly: compiled once, then reused (a mutation that executes EF Core's own command fails this)
        for (var i = 0; i < 5; i++)
        {
            await using var db = _factory.Create(DataScope.System);
            db.AuditEntries.Add(Entry(100 + i));
            await db.SaveChangesAsync();
        }
        var cache = _gate.WriterStatements!;
        Assert.True(cache.Reused >= 4, $"reused {cache.Reused}, compiled {cache.Compiled}");
        var compiled = cache.Compiled;

        // the same statement failing (a duplicate key) surfaces as EF Core's error and saves nothing; the statement serves again
        var dup = Entry(200);
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.Add(dup);
            await db.SaveChangesAsync();
        }
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.Add(new AuditEntry { Id = dup.Id, DistrictId = District, At = TestClock.Start.UtcDateTime, Entity = "Test", EntityId = "again", Action = AuditActions.View });
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.IsType<SqliteException>(error.InnerException);
        }
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.Add(Entry(201));
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.EntityId == "again"));
            Assert.Equal(7, await db.AuditEntries.CountAsync(e => e.Entity == "Test" && (e.EntityId.StartsWith("10") || e.EntityId.StartsWith("20"))));
        }
        Assert.Equal(compiled, cache.Compiled);

        // reads and updates inside an explicit write transaction run on the writer's statements too, with the transaction
        await using (var db = _factory.Create(DataScope.System))
        await using (var tx = await db.BeginWriteAsync())
        {
            var row = await db.AuditEntries.SingleAsync(e => e.EntityId == "201");
            row.Detail = "in transaction";
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        await using (var db = _factory.Create(DataScope.System))
            Assert.Equal("in transaction", (await db.AuditEntries.SingleAsync(e => e.EntityId == "201")).Detail);
    }

    [Fact]
    public async Task Hand_written_reads_reuse_their_connections_and_compiled_statements()
    {
        await using (var db = _factory.Create(DataScope.System))
        {
            db.AuditEntries.AddRange(Entry(300), Entry(301));
            await db.SaveChangesAsync();
        }
        var opened = _gate.Readers.Opened;
        for (var i = 0; i < 6; i++)
        {
            await using var db = _factory.Create(DataScope.System);
            await using var read = await RawReads.OpenAsync(db, CancellationToken.None);
            await using var cmd = read.Command();
            cmd.Add(db, "@id", (300 + i % 2).ToString());
            cmd.CommandText = "SELECT \"EntityId\" FROM audit_entries WHERE \"EntityId\" = @id; SELECT count(*) FROM audit_entries WHERE \"Entity\" = 'Test'";
            await using var r = await read.ExecuteReaderAsync(cmd, CancellationToken.None);
            Assert.True(await r.ReadAsync());
            Assert.Equal((300 + i % 2).ToString(), r.GetString(0)); // this execution's parameter, not the previous one's
            Assert.True(await r.NextResultAsync());
            Assert.True(await r.ReadAsync());
            Assert.True(r.GetInt64(0) >= 2);
        }
        Assert.True(_gate.Readers.Opened - opened <= 1, $"opened {_gate.Readers.Opened - opened}");
        var (compiled, reused) = _gate.Readers.Statements;
        Assert.True(reused >= 5 && compiled <= 1, $"compiled {compiled}, reused {reused}");
    }

    [Fact]
    public void The_statement_cache_keeps_the_most_recent_texts_gives_a_busy_text_a_command_of_its_own_and_follows_schema_changes()
    {
        using var c = new SqliteConnection($"Data Source={_file}");
        c.Open();
        using (var ddl = c.CreateCommand())
        {
            ddl.CommandText = "CREATE TABLE cache_probe (a INTEGER); INSERT INTO cache_probe VALUES (1);";
            ddl.ExecuteNonQuery();
        }
        using var cache = new SqliteStatementCache(c, capacity: 2);
        SqliteCommand Source(string sql) { var s = c.CreateCommand(); s.CommandText = sql; return s; }

        var first = cache.Rent(Source("SELECT * FROM cache_probe"));
        var busy = cache.Rent(Source("SELECT * FROM cache_probe")); // the first is still rented
        Assert.NotSame(first, busy);
        using (var r = first.ExecuteReader()) Assert.Equal(1, r.FieldCount);
        cache.Return(first);
        cache.Return(busy); // the text is kept once
        Assert.Equal(1, cache.Count);

        using (var ddl = c.CreateCommand())
        {
            ddl.CommandText = "ALTER TABLE cache_probe ADD COLUMN b TEXT";
            ddl.ExecuteNonQuery();
        }
        var again = cache.Rent(Source("SELECT * FROM cache_probe"));
        Assert.Same(first, again);
        using (var r = again.ExecuteReader()) Assert.Equal(2, r.FieldCount); // compiled again by SQLite for the new schema
        cache.Return(again);

        foreach (var sql in new[] { "SELECT 1", "SELECT 2" }) cache.Return(cache.Rent(Source(sql)));
        Assert.Equal(2, cache.Count);
        Assert.NotSame(first, cache.Rent(Source("SELECT * FROM cache_probe"))); // the least recently used text was dropped
    }
}
