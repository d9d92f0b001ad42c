using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

public sealed record TeamDto(Guid Id, Guid OrganizationId, string Name, Guid? LeaderId, bool IsActive, IReadOnlyList<string> Grids, int MemberCount);

/// <summary>The request of both <see cref="CreateTeam"/> and <see cref="UpdateTeam"/> (OpenAPI schema <c>SaveTeam</c>).</summary>
public sealed record SaveTeam(Guid? OrganizationId, string? Name, Guid? LeaderId, IReadOnlyList<string>? Grids, bool? IsActive);

/// <summary>What the team slices share: the checks against the database, a new grid row and the mapping.</summary>
public static class TeamMapping
{
    /// <summary>A name unique in the organisation and a leader who is an active member of it.</summary>
    public static async Task<Error?> CheckAsync(HealthDbContext db, Organization owner, SaveTeam cmd, Guid? teamId, CancellationToken ct)
    {
        var name = cmd.Name!.Trim();
        if (await db.Teams.AnyAsync(t => t.OrganizationId == owner.Id && t.Name == name && t.Id != teamId, ct))
            return new Conflict("name", "error.team.duplicate");
        if (cmd.LeaderId is { } leader && !await db.Users.AnyAsync(u => u.Id == leader && u.OrganizationId == owner.Id && u.IsActive, ct))
            return new Invalid("leaderId", "error.team.leader");
        return null;
    }

    public static Grid NewGrid(Team team, string name) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = team.DistrictId, CenterId = team.CenterId,
        OrganizationId = team.OrganizationId, TeamId = team.Id, Name = name.Trim(),
    };

    public static TeamDto ToDto(Team t, int members) =>
        new(t.Id, t.OrganizationId, t.Name, t.LeaderId, t.IsActive, t.Grids.Select(g => g.Name).Order().ToList(), members);
}
