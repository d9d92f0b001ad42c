namespace CommunityHealth.Web.Modules.Account;

/// <summary>The redirect after sign-in and after a language change: to the given URL only when it is local, else home.</summary>
internal static class LocalRedirect
{
    public static IResult ToLocalOrHome(string? url) => Results.LocalRedirect(IsLocal(url) ? url! : "/");

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
