using System.Runtime.InteropServices;
using SQLitePCL;

namespace CommunityHealth.Bench;

/// <summary>
/// The SQLite connection the bulk loader inserts through: opened without SQLite's per-connection mutex (only the loader's
/// writing thread uses it) and driven through function pointers to the C API with the statement's plain pointer. The
/// loader binds some 80 million values for 1,000,000 residents; through SQLitePCL's safe handles each bind took a reference
/// count up and down and SQLite's mutex twice — a fifth of the single writer's time in a profile of the load.
/// </summary>
internal sealed unsafe class SqliteBulkConnection : IDisposable
{
    // blittable imports of the library SQLitePCL loaded: the JIT inlines their transitions; the binds and the reset are short,
    // bounded calls that do not block or call back, so they skip the GC transition altogether
    [DllImport("e_sqlite3"), SuppressGCTransition] private static extern int sqlite3_bind_null(nint stmt, int index);
    [DllImport("e_sqlite3"), SuppressGCTransition] private static extern int sqlite3_bind_int64(nint stmt, int index, long value);
    [DllImport("e_sqlite3"), SuppressGCTransition] private static extern int sqlite3_bind_double(nint stmt, int index, double value);
    [DllImport("e_sqlite3"), SuppressGCTransition] private static extern int sqlite3_bind_text(nint stmt, int index, byte* value, int length, nint destructor);
    [DllImport("e_sqlite3"), SuppressGCTransition] private static extern int sqlite3_bind_blob(nint stmt, int index, byte* value, int length, nint destructor);
    [DllImport("e_sqlite3"), SuppressGCTransition] private static extern int sqlite3_reset(nint stmt);
    [DllImport("e_sqlite3")] private static extern int sqlite3_step(nint stmt);
    private static readonly nint Transient = -1; // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns
    private static readonly byte[] Empty = [0]; // an empty value needs a non-null pointer: a null one binds NULL

    private readonly sqlite3 _db;

    public SqliteBulkConnection(string path, string pragmas)
    {
        var rc = raw.sqlite3_open_v2(path, out _db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite {rc} opening {path}");
        Execute(pragmas);
    }

    public void Execute(string sql) => Check(raw.sqlite3_exec(_db, sql));

    /// <summary>A prepared statement, finalised by its disposal.</summary>
    public Statement Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var stmt));
        return new Statement(this, stmt);
    }

    public void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW)) throw new InvalidOperationException($"SQLite {rc}: {raw.sqlite3_errmsg(_db).utf8_to_string()}");
    }

    public void Dispose() => _db.Dispose();

    public readonly struct Statement(SqliteBulkConnection connection, sqlite3_stmt stmt) : IDisposable
    {
        private readonly nint _handle = stmt.DangerousGetHandle();

        public void BindNull(int index) => connection.Check(sqlite3_bind_null(_handle, index));
        public void BindInt64(int index, long value) => connection.Check(sqlite3_bind_int64(_handle, index, value));
        public void BindDouble(int index, double value) => connection.Check(sqlite3_bind_double(_handle, index, value));

        public void BindText(int index, ReadOnlySpan<byte> utf8)
        {
            fixed (byte* p = utf8.IsEmpty ? Empty : utf8) connection.Check(sqlite3_bind_text(_handle, index, p, utf8.Length, Transient));
        }

        public void BindBlob(int index, ReadOnlySpan<byte> bytes)
        {
            fixed (byte* p = bytes.IsEmpty ? Empty : bytes) connection.Check(sqlite3_bind_blob(_handle, index, p, bytes.Length, Transient));
        }

        /// <summary>Runs the bound insert and readies the statement for the next row.</summary>
        public void Run()
        {
            var rc = sqlite3_step(_handle);
            sqlite3_reset(_handle);
            if (rc != raw.SQLITE_DONE) connection.Check(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc);
        }

        public void Dispose() => stmt.Dispose();
    }
}
