using static CommunityHealth.Domain.Staff.StaffRole;

namespace CommunityHealth.Domain.Staff;

/// <summary>
/// What a user may do. Every page, <c>/api</c> route and <c>/fhir</c> route declares one; data scope (the user's
/// organisation) is applied on top. A new module adds its permissions here and its row to <see cref="Permissions"/>.
/// </summary>
public enum Permission
{
    /// <summary>Any signed-in staff member (the home page, their own account).</summary>
    SignedIn,
    ResidentsRead, ResidentsWrite, ResidentsExport, ResidentsMerge,
    ExaminationsRead, ExaminationsWrite,
    ImmunizationRead, ImmunizationWrite, VaccineStockManage,
    ChronicCareRead, ChronicCareWrite,
    IndicatorsRead, PopulationManage,
    OrganizationsRead, OrganizationsManage, TeamsManage,
    StaffRead, StaffManage,
    AuditRead,
}

/// <summary>The one role × permission table, used by the UI, <c>/api</c> and <c>/fhir</c> alike.</summary>
public static class Permissions
{
    private static readonly string[] Everyone = [.. All];
    // who records care: the clinical roles plus a center director and the system administrator
    private static readonly string[] Clinicians = [FamilyDoctor, Nurse, PublicHealth, CenterDirector, SystemAdministrator];

    private static readonly IReadOnlyDictionary<Permission, string[]> Table = new Dictionary<Permission, string[]>
    {
        [Permission.SignedIn] = Everyone,
        [Permission.ResidentsRead] = Everyone,
        [Permission.ResidentsWrite] = Clinicians,
        [Permission.ResidentsExport] = Everyone,
        // reviewing duplicates, merging and undoing a merge: the records of two people become one
        [Permission.ResidentsMerge] = [SystemAdministrator, CenterDirector],
        [Permission.ExaminationsRead] = Everyone,
        [Permission.ExaminationsWrite] = Clinicians,
        [Permission.ImmunizationRead] = Everyone,
        [Permission.ImmunizationWrite] = Clinicians,
        [Permission.VaccineStockManage] = [Nurse, PublicHealth, Pharmacist, CenterDirector, SystemAdministrator],
        [Permission.ChronicCareRead] = Everyone,
        [Permission.ChronicCareWrite] = Clinicians,
        [Permission.IndicatorsRead] = Everyone,
        // population figures (denominators not in the records): the bureau's statisticians and a center's director
        [Permission.PopulationManage] = [SystemAdministrator, BureauStaff, CenterDirector],
        [Permission.OrganizationsRead] = Everyone,
        [Permission.OrganizationsManage] = [SystemAdministrator],
        [Permission.TeamsManage] = [SystemAdministrator, CenterDirector],
        [Permission.StaffRead] = Everyone,
        [Permission.StaffManage] = [SystemAdministrator, CenterDirector],
        [Permission.AuditRead] = [SystemAdministrator],
    };

    /// <summary>The roles holding <paramref name="permission"/>.</summary>
    public static IReadOnlyList<string> RolesFor(Permission permission) => Table[permission];

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Table[permission].Contains(r, StringComparer.Ordinal));

    /// <summary>Only a system administrator may grant the district-wide roles; a center director the others.</summary>
    public static bool CanGrant(IEnumerable<string> granterRoles, string role) =>
        granterRoles.Contains(SystemAdministrator)
        || (granterRoles.Contains(CenterDirector) && role is not (SystemAdministrator or BureauStaff));
}
