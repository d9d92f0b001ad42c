using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>The home page's vaccination line: children due this week (overdue included) and those overdue, from the stored next-due dates.</summary>
public sealed class CountVaccinationWork(VaccinationWorkList list) : IWorkCounts
{
    public Permission Permission => Permission.ImmunizationRead;

    public async Task<IReadOnlyList<WorkCount>> CountAsync(StaffContext staff, CancellationToken ct)
    {
        var week = await list.HandleAsync(staff, WorkListWindow.Week, null, null, null, pageSize: 1, ct: ct);
        var overdue = await list.HandleAsync(staff, WorkListWindow.Overdue, null, null, null, pageSize: 1, ct: ct);
        if (!week.IsSuccess || !overdue.IsSuccess) return [];
        return [new WorkCount(Text.L("预防接种"), Text.L("本周应种儿童（含逾期）"), week.Value.Total, overdue.Value.Total, "immunization/worklist")];
    }
}
