using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityHealth.Data;

/// <summary>
/// Hand-written writes for the hottest saves (docs/decisions/0012): the rows a request inserts, updates and deletes,
/// collected as plain objects and sent as one command of plain statements inside the caller's write transaction
/// (<see cref="HealthDbContext.BeginWriteAsync"/>). Column names and parameters come from the EF Core model — each value
/// goes through its property's type mapping and value converter exactly as SaveChanges would bind it — so the stored
/// form is the application's. Every row is checked against the context's data scope first, as SaveChanges does
/// (<c>PrepareForSave</c>): nothing outside the scope is ever sent. The command text depends only on the shape of the
/// write (which statements, in which order), so SQLite's writer reuses its compiled statements (decision 0011) and
/// PostgreSQL its prepared ones.
/// Use only where EF Core's per-save cost dominates a hot write; everything else stays with SaveChanges.
/// </summary>
public sealed class RawWrite(HealthDbContext db)
{
    private readonly StringBuilder _sql = new();
    private readonly List<DbParameter> _parameters = [];
    private int _statements;

    /// <summary>Statements collected so far.</summary>
    public int Count => _statements;

    public RawWrite Insert<T>(T row) where T : class
    {
        var table = TableWriter.For(db, typeof(T));
        Check(row);
        var n = _statements++;
        _sql.Append("INSERT INTO ").Append(table.Table).Append(" (").Append(table.ColumnList).Append(") VALUES (");
        for (var i = 0; i < table.Properties.Length; i++)
        {
            if (i > 0) _sql.Append(',');
            _sql.Append(Bind(table, i, row, n));
        }
        _sql.Append(");\n");
        return this;
    }

    /// <summary>Sets <paramref name="properties"/> of the row with <paramref name="row"/>'s key to its current values.</summary>
    public RawWrite Update<T>(T row, IReadOnlyList<string> properties) where T : class
    {
        if (properties.Count == 0) throw new ArgumentException("An update sets at least one property.", nameof(properties));
        var table = TableWriter.For(db, typeof(T));
        Check(row);
        var n = _statements++;
        _sql.Append("UPDATE ").Append(table.Table).Append(" SET ");
        for (var j = 0; j < properties.Count; j++)
        {
            var i = table.IndexOf(properties[j]);
            if (i == table.Key) throw new ArgumentException($"The key of {typeof(T).Name} is not updated.", nameof(properties));
            if (j > 0) _sql.Append(", ");
            _sql.Append(table.Columns[i]).Append(" = ").Append(Bind(table, i, row, n));
        }
        _sql.Append(" WHERE ").Append(table.Columns[table.Key]).Append(" = ").Append(Bind(table, table.Key, row, n)).Append(";\n");
        return this;
    }

    public RawWrite Delete<T>(T row) where T : class
    {
        var table = TableWriter.For(db, typeof(T));
        Check(row);
        var n = _statements++;
        _sql.Append("DELETE FROM ").Append(table.Table).Append(" WHERE ").Append(table.Columns[table.Key]).Append(" = ").Append(Bind(table, table.Key, row, n)).Append(";\n");
        return this;
    }

    /// <summary>
    /// Runs the statements, with the audit rows attached to the context (<see cref="HealthDbContext.Audit"/>) inserted in the
    /// same command (docs/decisions/0013); nothing collected and nothing attached: nothing is sent. Call inside the context's
    /// write transaction.
    /// </summary>
    public async Task ExecuteAsync(CancellationToken ct = default)
    {
        if (_statements == 0 && db.PendingAudit.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Hand-written writes run inside the context's write transaction (BeginWriteAsync).");
        foreach (var row in db.TakePendingAudit()) Insert(row);
        await db.Database.ExecuteSqlRawAsync(_sql.ToString(), _parameters, ct);
    }

    /// <summary>The same refusals as SaveChanges (<c>HealthDbContext.PrepareForSave</c>).</summary>
    private void Check(object row)
    {
        if (row is IScoped scoped && !db.Scope.Contains(scoped))
            throw new InvalidOperationException($"Write outside data scope: {row.GetType().Name}");
        if (row is IDistrictOwned owned && owned.DistrictId == Guid.Empty)
            throw new InvalidOperationException($"{row.GetType().Name} has no district key");
    }

    private string Bind(TableWriter table, int i, object row, int statement)
    {
        var name = $"@w{statement}_{i}";
        _parameters.Add(table.Mappings[i].CreateParameter(table.ParameterSource, name, table.Getters[i].GetClrValue(row), table.Properties[i].IsNullable));
        return name;
    }

    /// <summary>One entity's table, columns, type mappings and getters, from the model of a provider's context type.</summary>
    private sealed class TableWriter
    {
        private static readonly ConcurrentDictionary<(Type Context, Type Entity), TableWriter> Cache = new();

        public required string Table { get; init; }
        public required IProperty[] Properties { get; init; }
        public required string[] Columns { get; init; }
        public required string ColumnList { get; init; }
        public required RelationalTypeMapping[] Mappings { get; init; }
        public required IClrPropertyGetter[] Getters { get; init; }
        public required int Key { get; init; }

        /// <summary>A command without a connection, only to create the provider's parameter objects from (stateless).</summary>
        public required DbCommand ParameterSource { get; init; }

        public int IndexOf(string property)
        {
            var i = Array.FindIndex(Properties, p => p.Name == property);
            return i >= 0 ? i : throw new ArgumentException($"{property} is not a mapped property of {Table}.", nameof(property));
        }

        public static TableWriter For(HealthDbContext db, Type entity) => Cache.GetOrAdd((db.GetType(), entity), key => Build(db, key.Entity));

        private static TableWriter Build(HealthDbContext db, Type type)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            if (entity.GetProperties().FirstOrDefault(p => p.PropertyInfo is null && p.FieldInfo is null) is { } shadow)
                throw new NotSupportedException($"{type.Name}.{shadow.Name} is a shadow property; write {type.Name} through SaveChanges.");
            var key = entity.FindPrimaryKey() is { Properties: [var single] } ? single : throw new NotSupportedException($"{type.Name} needs a single-column key.");
            var props = entity.GetProperties().Where(p => p.GetColumnName(store) is not null).ToArray();
            var columns = props.Select(p => $"\"{p.GetColumnName(store)}\"").ToArray();
            return new TableWriter
            {
                Table = $"\"{store.Name}\"", Properties = props, Columns = columns, ColumnList = string.Join(',', columns),
                Mappings = props.Select(p => (RelationalTypeMapping)p.GetTypeMapping()).ToArray(), Getters = props.Select(p => p.GetGetter()).ToArray(),
                Key = Array.IndexOf(props, key),
                ParameterSource = db is Sqlite.SqliteHealthDbContext ? new Microsoft.Data.Sqlite.SqliteCommand() : new Npgsql.NpgsqlCommand(),
            };
        }
    }
}
