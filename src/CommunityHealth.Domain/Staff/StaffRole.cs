using CommunityHealth.Domain.Organizations;

namespace CommunityHealth.Domain.Staff;

/// <summary>Staff roles. The names are stable identifiers used in tokens, the API and the database.</summary>
public static class StaffRole
{
    public const string SystemAdministrator = "SystemAdministrator"; // 系统管理员
    public const string BureauStaff = "BureauStaff";                 // 卫生局工作人员
    public const string CenterDirector = "CenterDirector";           // 中心主任
    public const string FamilyDoctor = "FamilyDoctor";               // 家庭医生
    public const string Nurse = "Nurse";                             // 护士
    public const string PublicHealth = "PublicHealth";               // 公共卫生人员
    public const string Pharmacist = "Pharmacist";                   // 药师
    public const string Receptionist = "Receptionist";               // 挂号收费员

    public static readonly IReadOnlyList<string> All =
    [
        SystemAdministrator, BureauStaff, CenterDirector, FamilyDoctor, Nurse, PublicHealth, Pharmacist, Receptionist,
    ];

    public static bool Exists(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Roles whose holders deliver care and therefore appear as FHIR Practitioners with a clinical role.</summary>
    public static bool IsClinical(string role) => role is FamilyDoctor or Nurse or PublicHealth or Pharmacist;

    /// <summary>Where a role may be held: bureau-wide roles only at the bureau, a director only at a center.</summary>
    public static bool AllowedAt(string role, OrganizationKind kind) => role switch
    {
        SystemAdministrator or BureauStaff => kind == OrganizationKind.Bureau,
        CenterDirector => kind == OrganizationKind.Center,
        _ => kind is OrganizationKind.Center or OrganizationKind.Station,
    };
}
