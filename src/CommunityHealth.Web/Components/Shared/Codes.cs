using CommunityHealth.Domain.Common;

namespace CommunityHealth.Web.Components.Shared;

/// <summary>Code-list display in the current language.</summary>
public static class Codes
{
    public static string Name(CodeList list, string? code) =>
        list.Find(code) is { } e ? (Platform.Text.IsEnglish ? e.En : e.Zh) : code ?? "";

    public static string Names(CodeList list, IEnumerable<string>? codes) =>
        string.Join(Platform.Text.IsEnglish ? ", " : "、", (codes ?? []).Select(c => Name(list, c)));

    public static IEnumerable<CodeEntry> Options(CodeList list, DateOnly today) => list.ActiveOn(today);
}
