using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommunityHealth.Data;

/// <summary>
/// Hand-written reads for the hottest point look-ups (docs/decisions/0008): plain ADO.NET commands (see <see cref="OpenAsync"/>
/// for which connection), with the data scope written into the SQL as the same equality conditions the query filters add.
/// Rows are materialised by <see cref="RowReader{T}"/>, which takes column names and value converters from the EF Core
/// model, so a column stored through a converter (JSON, code lists, enums) reads back exactly as EF Core reads it.
/// Use only where the EF Core query's fixed cost dominates; everything else stays in LINQ.
/// </summary>
public static class RawReads
{
    /// <summary>
    /// A connection for one hand-written read, with the context's scope and provider. On SQLite it is a long-lived connection
    /// on the same file rented from the gate's read pool (<see cref="Sqlite.SqliteReadPool"/>), whose compiled statements are
    /// reused by every read with the same SQL (docs/decisions/0011); the context's own connection would carry EF Core's SQL
    /// functions, which Microsoft.Data.Sqlite registers again on every open (measured: 25 µs, as long as the look-up itself),
    /// and a read needs none of them, nor the write path's pragmas. On PostgreSQL it is the context's connection (same pool,
    /// auto-prepared statements).
    /// </summary>
    public static async Task<RawRead> OpenAsync(HealthDbContext db, CancellationToken ct)
    {
        if (db.SqliteReaders is { } pool) return new RawRead(await pool.RentAsync(ct), pool);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Closed || db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A hand-written read runs on a context whose connection is closed (not inside a transaction).");
        await connection.OpenAsync(ct);
        return new RawRead(connection);
    }

    /// <summary>Adds a parameter in the form the provider stores it (on SQLite a GUID is 16 big-endian bytes, <see cref="Sqlite.SqliteGuid"/>).</summary>
    public static void Add(this DbCommand cmd, HealthDbContext db, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value switch
        {
            null => DBNull.Value,
            Guid g => db.StoredKey(g),
            _ => value,
        };
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// A GUID as the provider stores it, for a value placed in hand-written SQL (including EF Core's SqlQuery/ExecuteSql,
    /// which bind a bare GUID with the provider's default mapping, not the model's converter).
    /// </summary>
    public static object StoredKey(this HealthDbContext db, Guid value) => db is Sqlite.SqliteHealthDbContext ? Sqlite.SqliteGuid.ToBytes(value) : value;

    /// <summary>
    /// The scope's conditions on a table's key columns, parameters added to <paramref name="cmd"/> — the same plain equalities
    /// as the context's query filters (<see cref="HealthDbContext"/>). The system scope has none ("1=1").
    /// </summary>
    public static string ScopeCondition(this DbCommand cmd, HealthDbContext db)
    {
        var scope = db.Scope;
        if (scope.DistrictId is not { } district) return "1=1";
        cmd.Add(db, "@scope_d", district);
        var sql = "\"DistrictId\" = @scope_d";
        if (scope.CenterId is { } center)
        {
            cmd.Add(db, "@scope_c", center);
            sql += " AND \"CenterId\" = @scope_c";
        }
        if (scope.OrganizationId is { } org)
        {
            cmd.Add(db, "@scope_o", org);
            sql += " AND \"OrganizationId\" = @scope_o";
        }
        return sql;
    }
}

/// <summary>
/// An open connection for hand-written reads: build a command with <see cref="Command"/> and run it with
/// <see cref="ExecuteReaderAsync"/> (on SQLite through the connection's compiled statements). Disposing it gives the
/// connection back (the context stays usable for EF Core); dispose every reader first.
/// </summary>
public sealed class RawRead : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly Sqlite.SqliteStatementCache? _statements;
    private readonly Sqlite.SqliteReadPool? _pool;
    private List<Microsoft.Data.Sqlite.SqliteCommand>? _rented;

    internal RawRead(DbConnection connection) => _connection = connection;

    internal RawRead(Sqlite.SqliteStatementCache statements, Sqlite.SqliteReadPool pool) => (_connection, _statements, _pool) = (statements.Connection, statements, pool);

    /// <summary>A command to fill in (text and parameters); run it with <see cref="ExecuteReaderAsync"/>.</summary>
    public DbCommand Command() => _connection.CreateCommand();

    public async Task<DbDataReader> ExecuteReaderAsync(DbCommand command, CancellationToken ct)
    {
        if (_statements is null) return await command.ExecuteReaderAsync(ct);
        var cached = _statements.Rent(command);
        (_rented ??= []).Add(cached);
        return await cached.ExecuteReaderAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_statements is null)
        {
            await _connection.CloseAsync();
            return;
        }
        foreach (var c in _rented ?? []) _statements.Return(c);
        _pool!.Return(_statements);
    }
}

/// <summary>
/// Reads rows of an entity type from a data reader, for the columns it lists in <see cref="Columns"/> (in that order).
/// Built once per provider context type, entity and column set from the EF Core model: each column is read as the
/// provider type of its mapping and passed through the mapping's value converter, as EF Core's own materialiser does.
/// </summary>
public sealed class RowReader<T> where T : class, new()
{
    // keyed by the caller's column array itself (reference equality): callers keep it in a static field
    private static readonly ConcurrentDictionary<(Type Context, Type Entity, string[] Properties), RowReader<T>> Cache = new();
    private readonly Func<DbDataReader, T> _read;

    private RowReader(string columns, Func<DbDataReader, T> read) { Columns = columns; _read = read; }

    /// <summary>The quoted column list to put after SELECT.</summary>
    public string Columns { get; }

    public T Read(DbDataReader reader) => _read(reader);

    /// <summary>Only <paramref name="properties"/> (the others keep their defaults; all of them when empty).</summary>
    public static RowReader<T> For(HealthDbContext db, string[] properties) => Of<T>(db, properties);

    /// <summary>
    /// Columns of the entity <typeparamref name="TEntity"/> read into a lighter row type <typeparamref name="T"/> that has
    /// properties of the same names and types — for lists that need a few columns of a wide entity.
    /// </summary>
    public static RowReader<T> Of<TEntity>(HealthDbContext db, string[] properties) where TEntity : class =>
        Cache.GetOrAdd((db.GetType(), typeof(TEntity), properties), key => Build(db.Model, key.Entity, properties));

    private static readonly string[] AllProperties = [];

    /// <summary>All mapped CLR properties of <typeparamref name="T"/>.</summary>
    public static RowReader<T> For(HealthDbContext db) => For(db, AllProperties);

    private static RowReader<T> Build(IModel model, Type entityType, string[] only)
    {
        var entity = model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var props = entity.GetProperties().Where(p => p.PropertyInfo is not null && (only.Length == 0 || only.Contains(p.Name))).ToList();
        if (only.Length > 0 && props.Count != only.Length)
            throw new InvalidOperationException($"Unknown properties of {entityType.Name}: {string.Join(", ", only.Except(props.Select(p => p.Name)))}");
        var reader = Expression.Parameter(typeof(DbDataReader), "r");
        var row = Expression.Variable(typeof(T), "row");
        var body = new List<Expression> { Expression.Assign(row, Expression.New(typeof(T))) };
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            var converter = p.GetTypeMapping().Converter;
            var modelType = p.ClrType;
            var providerType = converter?.ProviderClrType ?? modelType;
            providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
            var ordinal = Expression.Constant(i);
            Expression value = Expression.Call(reader, Getter(providerType), ordinal);
            if (converter is not null)
            {
                var from = converter.ConvertFromProviderExpression;
                value = Expression.Invoke(from, value.Type == from.Parameters[0].Type ? value : Expression.Convert(value, from.Parameters[0].Type));
            }
            if (value.Type != modelType) value = Expression.Convert(value, modelType);
            var read = Expression.Condition(Expression.Call(reader, IsDbNull, ordinal), Expression.Default(modelType), value);
            var target = entityType == typeof(T) ? (PropertyInfo)p.PropertyInfo! : typeof(T).GetProperty(p.Name) is { CanWrite: true } t && t.PropertyType == modelType ? t
                : throw new InvalidOperationException($"{typeof(T).Name} has no settable {modelType.Name} {p.Name}");
            body.Add(Expression.Assign(Expression.Property(row, target), read));
        }
        body.Add(row);
        var lambda = Expression.Lambda<Func<DbDataReader, T>>(Expression.Block([row], body), reader);
        var columns = string.Join(',', props.Select(p => $"\"{p.GetColumnName(table)}\""));
        return new RowReader<T>(columns, lambda.Compile());
    }

    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue), [typeof(int)])!;

    /// <summary>
    /// The reader's typed getter where there is one (GetString, GetGuid, …): the providers' generic GetFieldValue&lt;T&gt; runs a
    /// chain of type tests, which for a reference type such as string is shared code that tests at run time, per column.
    /// </summary>
    private static MethodInfo Getter(Type type)
    {
        var name = type == typeof(string) ? nameof(DbDataReader.GetString)
            : type == typeof(Guid) ? nameof(DbDataReader.GetGuid)
            : type == typeof(int) ? nameof(DbDataReader.GetInt32)
            : type == typeof(long) ? nameof(DbDataReader.GetInt64)
            : type == typeof(bool) ? nameof(DbDataReader.GetBoolean)
            : type == typeof(decimal) ? nameof(DbDataReader.GetDecimal)
            : type == typeof(double) ? nameof(DbDataReader.GetDouble)
            : type == typeof(DateTime) ? nameof(DbDataReader.GetDateTime)
            : null;
        return name is null ? GetFieldValue.MakeGenericMethod(type) : typeof(DbDataReader).GetMethod(name, [typeof(int)])!;
    }

    private static readonly MethodInfo IsDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;
}
