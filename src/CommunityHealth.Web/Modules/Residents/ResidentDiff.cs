using System.Text.Json;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Which fields of the 个人基本信息表 changed, with old and new values as readable text.</summary>
public static class ResidentDiff
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<(string Field, string? Old, string? New)> Between(ResidentDraft before, ResidentDraft after) => Between<ResidentDraft>(before, after);

    /// <summary>Changed top-level properties of any form record, as camelCase names with readable old and new values.</summary>
    public static IEnumerable<(string Field, string? Old, string? New)> Between<T>(T before, T after)
    {
        foreach (var p in typeof(T).GetProperties())
        {
            var a = Text(p.GetValue(before));
            var b = Text(p.GetValue(after));
            if (a != b) yield return (JsonNamingPolicy.CamelCase.ConvertName(p.Name), a, b);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString("yyyy-MM-dd"),
        System.Collections.IEnumerable list and not string when !list.Cast<object>().Any() => null,
        _ => JsonSerializer.Serialize(value, Json),
    };
}
