using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Organizations;

/// <summary>What an organisation must satisfy before it is stored.</summary>
public sealed record OrganizationDraft(
    OrganizationKind Kind, string? Name, string? DivisionCode, string? ParentDivisionCode,
    OrganizationKind? ParentKind, string? Address, string? Phone);

public static class OrganizationRules
{
    public const int NameMax = 100;
    public const int AddressMax = 200;
    public const int PhoneMax = 30;

    public static Invalid? Validate(OrganizationDraft d)
    {
        var v = new Validation()
            .RequireText("name", d.Name, NameMax)
            .OptionalText("address", d.Address, AddressMax)
            .OptionalText("phone", d.Phone, PhoneMax);

        var codeError = DivisionCode.Check(d.Kind, d.DivisionCode?.Trim());
        if (codeError is not null) v.Add("divisionCode", codeError);

        var required = OrganizationKinds.RequiredParent(d.Kind);
        if (required is null && d.ParentKind is not null) v.Add("parentId", "error.org.bureau_has_no_parent");
        if (required is not null && d.ParentKind is null) v.Add("parentId", "error.org.parent_required");
        if (required is not null && d.ParentKind is not null && d.ParentKind != required)
            v.Add("parentId", d.Kind == OrganizationKind.Center ? "error.org.center_parent" : "error.org.station_parent");

        if (codeError is null && d.ParentDivisionCode is not null && d.ParentKind == required
            && !DivisionCode.IsWithin(d.DivisionCode!.Trim(), d.ParentDivisionCode))
            v.Add("divisionCode", "error.division_code.outside_parent");

        return v.ToError();
    }
}
