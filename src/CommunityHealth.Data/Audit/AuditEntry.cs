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

    /// <summary>A row for <paramref name="who"/>'s action; the detail is cut to its column's 1,000 characters.</summary>
    public static AuditEntry For(AuditActor who, DateTime at, string entity, string entityId, string action, string? detail) => new()
    {
        Id = Guid.CreateVersion7(),
        DistrictId = who.DistrictId,
        At = at,
        UserId = who.UserId,
        UserName = who.UserName,
        Roles = string.Join(',', who.Roles),
        OrganizationId = who.OrganizationId,
        Entity = entity,
        EntityId = entityId,
        Action = action,
        ClientAddress = who.ClientAddress,
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
    };
}

/// <summary>Who acted, as an audit row records it; the district is the row's district key.</summary>
public sealed record AuditActor(Guid DistrictId, Guid? UserId, string UserName, IReadOnlyList<string> Roles, Guid? OrganizationId, string? ClientAddress);

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Close = "close";
    public const string View = "view";
    /// <summary>Personal data downloaded as a file (the ids of the rows in it).</summary>
    public const string Export = "export";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
}
