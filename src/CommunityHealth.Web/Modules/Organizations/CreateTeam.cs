using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>A new family-doctor team of a center or station, with the grids it covers.</summary>
public sealed class CreateTeam(ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/", async (SaveTeam cmd, CurrentUser user, CreateTeam h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(t => TypedResults.Created($"/api/teams/{t.Id}", t)))
            .Produces<TeamDto>(201).ProducesValidationProblem().ProducesProblem(403);

    public async Task<Outcome<TeamDto>> HandleAsync(StaffContext staff, SaveTeam cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.TeamsManage)) return new Forbidden();
        await using var db = dbs.For(staff);
        var owner = cmd.OrganizationId is { } oid ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        var grids = cmd.Grids ?? [];
        if (TeamRules.Validate(cmd.Name, owner?.Kind, grids) is { } invalid) return invalid;
        if (await TeamMapping.CheckAsync(db, owner!, cmd, null, ct) is { } error) return error;

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team
        {
            Id = Guid.CreateVersion7(), DistrictId = owner!.DistrictId, CenterId = owner.CenterId, OrganizationId = owner.Id,
            Name = cmd.Name!.Trim(), LeaderId = cmd.LeaderId, IsActive = cmd.IsActive ?? true, CreatedAt = now, UpdatedAt = now,
        };
        team.Grids = grids.Select(g => TeamMapping.NewGrid(team, g)).ToList();
        db.Teams.Add(team);
        db.Audit(staff, "Team", team.Id.ToString(), AuditActions.Create, team.Name);
        await db.SaveChangesAsync(ct);
        return TeamMapping.ToDto(team, 0);
    }
}
