using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// How SQLite stores a GUID here: 16 bytes in RFC 9562 (big-endian) order — docs/decisions/0009. Half the size of the
/// 36-character text EF Core writes by default, in every table and every index entry that carries a key; and byte order
/// equals the text's order, so version-7 keys (time first) still sort by creation time and new rows go to the right
/// edge of each key index. Not .NET's <see cref="Guid.ToByteArray()"/> order (little-endian first three groups), nor
/// what Microsoft.Data.Sqlite binds for a bare <see cref="Guid"/> parameter: hand-written SQL binds <see cref="ToBytes"/>.
/// </summary>
public static class SqliteGuid
{
    public static byte[] ToBytes(Guid value) => value.ToByteArray(bigEndian: true);

    /// <summary>The same 16 bytes written into <paramref name="destination"/> (bulk loads that serialise rows without an array per key).</summary>
    public static void Write(Guid value, Span<byte> destination)
    {
        if (!value.TryWriteBytes(destination, bigEndian: true, out _)) throw new ArgumentException("A GUID needs 16 bytes.", nameof(destination));
    }

    public static Guid FromBytes(byte[] value) => new(value, bigEndian: true);

    /// <summary>The SQL expression turning a column's 36-character text GUID into these bytes (used by the migration).</summary>
    public static string FromTextSql(string column) => $"unhex(replace({column}, '-', ''))";

    /// <summary>The SQL expression turning these bytes back into EF Core's upper-case hyphenated text (the migration's Down).</summary>
    public static string ToTextSql(string column) =>
        $"substr(hex({column}), 1, 8) || '-' || substr(hex({column}), 9, 4) || '-' || substr(hex({column}), 13, 4) || '-' || substr(hex({column}), 17, 4) || '-' || substr(hex({column}), 21)";
}

/// <summary>The value converter the SQLite context applies to every GUID property (<see cref="SqliteGuid"/>).</summary>
public sealed class SqliteGuidConverter() : ValueConverter<Guid, byte[]>(g => SqliteGuid.ToBytes(g), b => SqliteGuid.FromBytes(b));
