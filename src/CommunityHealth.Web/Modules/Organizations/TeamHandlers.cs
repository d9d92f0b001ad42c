using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Organizations;

public sealed record TeamDto(Guid Id, Guid OrganizationId, string Name, Guid? LeaderId, bool IsActive, IReadOnlyList<string> Grids, int MemberCount);

public sealed record SaveTeam(Guid? OrganizationId, string? Name, Guid? LeaderId, IReadOnlyList<string>? Grids, bool? IsActive);

/// <summary>Family-doctor teams (家庭医生团队) and the grids they cover.</summary>
public sealed class TeamHandlers(ScopedDb dbs, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamDto>> ListAsync(StaffContext staff, Guid? organizationId = null, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var q = db.Teams.AsNoTracking();
        if (organizationId is { } org) q = q.Where(t => t.OrganizationId == org);
        return await q.OrderBy(t => t.OrganizationId).ThenBy(t => t.Name)
            .Select(t => new TeamDto(t.Id, t.OrganizationId, t.Name, t.LeaderId, t.IsActive,
                t.Grids.OrderBy(g => g.Name).Select(g => g.Name).ToList(), db.Users.Count(u => u.TeamId == t.Id)))
            .ToListAsync(ct);
    }

    public async Task<Outcome<TeamDto>> GetAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var t = await db.Teams.AsNoTracking().Include(x => x.Grids).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return new NotFound("Team", id.ToString());
        return ToDto(t, await db.Users.CountAsync(u => u.TeamId == id, ct));
    }

    public async Task<Outcome<TeamDto>> CreateAsync(StaffContext staff, SaveTeam cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.TeamsManage)) return new Forbidden();
        await using var db = dbs.For(staff);
        var owner = cmd.OrganizationId is { } oid ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        var grids = cmd.Grids ?? [];
        if (TeamRules.Validate(cmd.Name, owner?.Kind, grids) is { } invalid) return invalid;
        if (await CheckAsync(db, owner!, cmd, null, ct) is { } error) return error;

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team
        {
            Id = Guid.CreateVersion7(), DistrictId = owner!.DistrictId, CenterId = owner.CenterId, OrganizationId = owner.Id,
            Name = cmd.Name!.Trim(), LeaderId = cmd.LeaderId, IsActive = cmd.IsActive ?? true, CreatedAt = now, UpdatedAt = now,
        };
        team.Grids = grids.Select(g => NewGrid(team, g)).ToList();
        db.Teams.Add(team);
        db.Audit(staff, "Team", team.Id.ToString(), AuditActions.Create, team.Name);
        await db.SaveChangesAsync(ct);
        return ToDto(team, 0);
    }

    public async Task<Outcome<TeamDto>> UpdateAsync(StaffContext staff, Guid id, SaveTeam cmd, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var team = await db.Teams.Include(t => t.Grids).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return new NotFound("Team", id.ToString());
        if (!staff.Can(Permission.TeamsManage)) return new Forbidden();
        var owner = await db.Organizations.FirstAsync(o => o.Id == team.OrganizationId, ct);
        var grids = cmd.Grids ?? team.Grids.Select(g => g.Name).ToList();
        if (TeamRules.Validate(cmd.Name ?? team.Name, owner.Kind, grids) is { } invalid) return invalid;
        if (await CheckAsync(db, owner, cmd with { Name = cmd.Name ?? team.Name }, team.Id, ct) is { } error) return error;

        var closing = cmd.IsActive == false && team.IsActive;
        team.Name = (cmd.Name ?? team.Name).Trim();
        team.LeaderId = cmd.LeaderId ?? team.LeaderId;
        team.IsActive = cmd.IsActive ?? team.IsActive;
        team.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var wanted = grids.Select(g => g.Trim()).ToHashSet();
        db.Grids.RemoveRange(team.Grids.Where(g => !wanted.Contains(g.Name)));
        foreach (var name in wanted.Where(n => team.Grids.All(g => g.Name != n))) db.Grids.Add(NewGrid(team, name));
        db.Audit(staff, "Team", team.Id.ToString(), closing ? AuditActions.Close : AuditActions.Update, team.Name);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(staff, id, ct)).Value;
    }

    private static async Task<Error?> CheckAsync(HealthDbContext db, Organization owner, SaveTeam cmd, Guid? teamId, CancellationToken ct)
    {
        var name = cmd.Name!.Trim();
        if (await db.Teams.AnyAsync(t => t.OrganizationId == owner.Id && t.Name == name && t.Id != teamId, ct))
            return new Conflict("name", "error.team.duplicate");
        if (cmd.LeaderId is { } leader && !await db.Users.AnyAsync(u => u.Id == leader && u.OrganizationId == owner.Id && u.IsActive, ct))
            return new Invalid("leaderId", "error.team.leader");
        return null;
    }

    private static Grid NewGrid(Team team, string name) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = team.DistrictId, CenterId = team.CenterId,
        OrganizationId = team.OrganizationId, TeamId = team.Id, Name = name.Trim(),
    };

    private static TeamDto ToDto(Team t, int members) =>
        new(t.Id, t.OrganizationId, t.Name, t.LeaderId, t.IsActive, t.Grids.Select(g => g.Name).Order().ToList(), members);
}
