using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>The home page's chronic-care lines: follow-ups due this week (overdue included) and raised readings awaiting their recheck.</summary>
public sealed class CountChronicWork(ChronicWorkList list) : IWorkCounts
{
    public Permission Permission => Permission.ChronicCareRead;

    public async Task<IReadOnlyList<WorkCount>> CountAsync(StaffContext staff, CancellationToken ct)
    {
        var week = await list.HandleAsync(staff, ChronicList.Week, null, null, null, null, pageSize: 1, ct: ct);
        var overdue = await list.HandleAsync(staff, ChronicList.Overdue, null, null, null, null, pageSize: 1, ct: ct);
        var confirming = await list.HandleAsync(staff, ChronicList.Confirming, null, null, null, null, pageSize: 1, ct: ct);
        if (!week.IsSuccess || !overdue.IsSuccess || !confirming.IsSuccess) return [];
        return
        [
            new WorkCount(Text.L("慢病管理"), Text.L("本周应随访患者（含逾期）"), week.Value.Total, overdue.Value.Total, "chronic/worklist"),
            new WorkCount(Text.L("慢病管理"), Text.L("血压偏高待复测确认"), confirming.Value.Total, 0, "chronic/worklist"),
        ];
    }
}
