using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Indicators;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Indicators;

public sealed record SetPopulationFigure(Guid OrganizationId, int Year, string Group, int Value, string? Source, string? Note);

/// <summary>
/// Enters or corrects a population figure for an organisation in the caller's scope (bureau staff, a center director):
/// refused when negative or below the people of that group the records already hold (<see cref="PopulationRules"/>).
/// The figure and its audit row are one write; the old value stays in the audit detail.
/// </summary>
public sealed class SetPopulationFigureHandler(IndicatorEngine engine, IndicatorCatalogue catalogue, ScopedDb dbs, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapPut("", async (SetPopulationFigure cmd, CurrentUser user, SetPopulationFigureHandler h, CancellationToken ct) =>
                (await h.HandleAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Enter or correct one population figure (organisation, year, group) with its source")
            .Produces<PopulationFigureDto>().ProducesValidationProblem().ProducesProblem(403);

    public async Task<Outcome<PopulationFigureDto>> HandleAsync(StaffContext staff, SetPopulationFigure cmd, CancellationToken ct = default)
    {
        if (!staff.Can(Permission.PopulationManage)) return new Forbidden();
        var node = await engine.NodeAsync(staff, cmd.OrganizationId, ct);
        if (!node.IsSuccess) return new Invalid("organizationId", "error.indicator.org");
        if (catalogue.Group(cmd.Group) is not { } group) return new Invalid("group", "error.code_unknown");
        var today = engine.Today;
        await using var db = dbs.For(staff);
        var asOf = cmd.Year < today.Year ? new DateOnly(Math.Max(cmd.Year, ReportPeriod.MinYear), 12, 31) : today;
        var subtree = (await engine.SubtreeAsync(node.Value, ct)).Select(o => o.Id).ToHashSet();
        var held = (await ListPopulationFigures.RecordsHeldAsync(db, group, asOf, ct)).Where(h => subtree.Contains(h.Key)).Sum(h => h.Value);
        if (PopulationRules.Check(cmd.Year, cmd.Value, cmd.Source, held, today.Year) is { } invalid) return invalid;

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.PopulationFigures.FirstOrDefaultAsync(p => p.OrganizationId == node.Value.Id && p.Year == cmd.Year && p.Group == group.Code, ct);
        var before = row is null ? null : $"{row.Value} ({row.Source})";
        if (row is null)
        {
            row = new PopulationFigure
            {
                Id = Guid.CreateVersion7(), DistrictId = node.Value.DistrictId, CenterId = node.Value.CenterId, OrganizationId = node.Value.Id, Year = cmd.Year,
                Group = group.Code, CreatedAt = now,
            };
            db.PopulationFigures.Add(row);
        }
        row.Value = cmd.Value;
        row.Source = cmd.Source!.Trim();
        row.Note = string.IsNullOrWhiteSpace(cmd.Note) ? null : cmd.Note.Trim();
        row.EnteredById = staff.UserId;
        row.EnteredBy = staff.DisplayName;
        row.UpdatedAt = now;
        db.Audit(staff, "PopulationFigure", row.Id.ToString(), before is null ? AuditActions.Create : AuditActions.Update,
            $"{node.Value.Name} {cmd.Year} {group.Code}: {(before is null ? "" : before + " → ")}{row.Value} ({row.Source})");
        await db.SaveChangesAsync(ct);
        return new PopulationFigureDto(row.OrganizationId, node.Value.Name, row.Year, row.Group, group.Name, row.Value, row.Value, held, row.Source, row.Note, row.EnteredBy, row.UpdatedAt);
    }
}
