using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityHealth.Data;

/// <summary>Small collections stored in one column: code lists as "1,3,5", structured items as JSON text.</summary>
internal static class ValueConversions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<List<string>> AsCodeList(this PropertyBuilder<List<string>> p) =>
        p.HasConversion(
            v => string.Join(',', v),
            s => s.Length == 0 ? new List<string>() : s.Split(',', StringSplitOptions.None).ToList(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()))
         .HasMaxLength(100);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> p) =>
        p.HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => FromJson<T>(s),
            new ValueComparer<T>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(), v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!));

    /// <summary>
    /// Most stored lists are empty ("[]"), and the serializer's fixed cost per call is several times that of making an
    /// empty list: a profile read deserialises four of them per resident.
    /// </summary>
    public static T FromJson<T>(string s) => s == "[]" && EmptyList<T>.Make is { } make ? make() : JsonSerializer.Deserialize<T>(s, Json)!;

    private static class EmptyList<T>
    {
        public static readonly Func<T>? Make = typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(List<>)
            ? System.Linq.Expressions.Expression.Lambda<Func<T>>(System.Linq.Expressions.Expression.New(typeof(T))).Compile()
            : null;
    }
}
