using CommunityHealth.Data.Audit;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>Edits a team (name, leader, grids) or closes it; answers the team as <see cref="GetTeam"/> reads it.</summary>
public sealed class UpdateTeam(ScopedDb dbs, TimeProvider clock, GetTeam get)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPut("/{id:guid}", async (Guid id, SaveTeam cmd, CurrentUser user, UpdateTeam h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<TeamDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);

    public async Task<Outcome<TeamDto>> HandleAsync(StaffContext staff, Guid id, SaveTeam cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var team = await db.Teams.Include(t => t.Grids).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return new NotFound("Team", id.ToString());
        if (!staff.Can(Permission.TeamsManage)) return new Forbidden();
        var owner = await db.Organizations.FirstAsync(o => o.Id == team.OrganizationId, ct);
        var grids = cmd.Grids ?? team.Grids.Select(g => g.Name).ToList();
        if (TeamRules.Validate(cmd.Name ?? team.Name, owner.Kind, grids) is { } invalid) return invalid;
        if (await TeamMapping.CheckAsync(db, owner, cmd with { Name = cmd.Name ?? team.Name }, team.Id, ct) is { } error) return error;

        var closing = cmd.IsActive == false && team.IsActive;
        team.Name = (cmd.Name ?? team.Name).Trim();
        team.LeaderId = cmd.LeaderId ?? team.LeaderId;
        team.IsActive = cmd.IsActive ?? team.IsActive;
        team.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var wanted = grids.Select(g => g.Trim()).ToHashSet();
        db.Grids.RemoveRange(team.Grids.Where(g => !wanted.Contains(g.Name)));
        foreach (var name in wanted.Where(n => team.Grids.All(g => g.Name != n))) db.Grids.Add(TeamMapping.NewGrid(team, name));
        db.Audit(staff, "Team", team.Id.ToString(), closing ? AuditActions.Close : AuditActions.Update, team.Name);
        await db.SaveChangesAsync(ct);
        return (await get.HandleAsync(staff, id, ct)).Value;
    }
}
