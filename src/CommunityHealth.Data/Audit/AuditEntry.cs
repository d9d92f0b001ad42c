using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
namespace CommunityHealth.Data.Audit;

/// <summary>One audited action: who, in which role and organisation, when, on what, from where.</summary>
public sealed class AuditEntry : IDistrictOwned
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Roles { get; set; } = "";
    public Guid? OrganizationId { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    public string? ClientAddress { get; set; }
    public string? Detail { get; set; }
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Close = "close";
    public const string View = "view";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
}
