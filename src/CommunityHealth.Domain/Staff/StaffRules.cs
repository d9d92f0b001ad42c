using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;

namespace CommunityHealth.Domain.Staff;

public sealed record StaffDraft(
    string? UserName, string? DisplayName, string? Password, OrganizationKind? OrganizationKind,
    IReadOnlyList<string>? Roles, string? Phone, string? Title, bool IsNew);

/// <summary>Account rules: a readable user name, a strong password, roles that exist and fit the organisation.</summary>
public static class StaffRules
{
    public const int UserNameMin = 3;
    public const int UserNameMax = 32;
    public const int DisplayNameMax = 50;
    public const int PasswordMin = 10;
    public const int PasswordMax = 128;

    public static Invalid? Validate(StaffDraft d)
    {
        var v = new Validation().RequireText("displayName", d.DisplayName, DisplayNameMax)
            .OptionalText("phone", d.Phone, 30).OptionalText("title", d.Title, 50);

        if (d.IsNew)
        {
            if (CheckUserName(d.UserName) is { } u) v.Add("userName", u);
            if (CheckPassword(d.Password, d.UserName) is { } p) v.Add("password", p);
        }

        if (d.OrganizationKind is null) v.Add("organizationId", "error.required");
        if (d.Roles is null || d.Roles.Count == 0) v.Add("roles", "error.staff.role_required");
        else if (d.Roles.FirstOrDefault(r => !StaffRole.Exists(r)) is { } unknown) v.Add("roles", "error.staff.role_unknown", unknown);
        else if (d.OrganizationKind is { } kind && d.Roles.FirstOrDefault(r => !StaffRole.AllowedAt(r, kind)) is { } misplaced)
            v.Add("roles", "error.staff.role_not_here", misplaced);
        return v.ToError();
    }

    /// <summary>3–32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.</summary>
    public static string? CheckUserName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName)) return "error.required";
        if (userName.Length is < UserNameMin or > UserNameMax) return "error.staff.username_length";
        if (!char.IsAsciiLetterLower(userName[0]) || !userName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
            return "error.staff.username_chars";
        return null;
    }

    /// <summary>At least 10 characters with upper case, lower case and a digit, not containing the user name.</summary>
    public static string? CheckPassword(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password)) return "error.required";
        if (password.Length is < PasswordMin or > PasswordMax) return "error.staff.password_length";
        if (!password.Any(char.IsAsciiLetterUpper) || !password.Any(char.IsAsciiLetterLower) || !password.Any(char.IsAsciiDigit))
            return "error.staff.password_weak";
        if (password.Distinct().Count() < 5) return "error.staff.password_weak";
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            return "error.staff.password_contains_username";
        return null;
    }
}
