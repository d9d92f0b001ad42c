using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.WorkList;

namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>
/// The list as shown (the same filters and order), as .xlsx: up to <see cref="WorkListQuery.MaxPageSize"/> rows, the read
/// recorded as an export of the people in it (<see cref="ReadAuditEndpoints.Export"/>).
/// </summary>
public sealed class ExportWorkItems(ListWorkItems list)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("/export", async (string? programme, Guid? team, Guid? doctor, string? grid, string? due, string? sort,
            CurrentUser user, ExportWorkItems h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(await user.GetAsync(), new WorkListRequest(programme, team, doctor, grid, due, 1, WorkListQuery.MaxPageSize, sort), ct);
            return r.IsSuccess ? ReadAuditEndpoints.Export(TypedResults.File(ToExcel(r.Value.Items), Xlsx, $"今日待办_{r.Value.AsOf:yyyyMMdd}.xlsx"), r.Value.Items)
                : Problems.From(r.Error!);
        }).WithSummary("The home list as shown, as .xlsx (up to 2,000 rows)");

    public Task<Outcome<WorkListAnswer>> HandleAsync(StaffContext staff, WorkListRequest req, CancellationToken ct = default) => list.HandleAsync(staff, req, ct);

    public static byte[] ToExcel(IEnumerable<WorkItemDto> items)
    {
        var rows = items.Select(i => new Dictionary<string, object?>
        {
            ["姓名"] = i.Name, ["性别"] = i.Sex == "1" ? "男" : i.Sex == "2" ? "女" : "", ["年龄"] = i.Age, ["档案编号"] = i.RecordNumber, ["电话"] = i.Phone,
            ["地址"] = i.Address, ["项目"] = i.ProgrammeName, ["待办事项"] = i.Label, ["应做日期"] = i.DueOn.ToString("yyyy-MM-dd"),
            ["逾期天数"] = i.Overdue ? i.DaysOverdue : null, ["机构"] = i.OrganizationName, ["联系结果"] = RecordWorkItemOutcome.Text(i.Outcome),
            ["备注"] = i.OutcomeNote, ["记录人"] = i.OutcomeBy, ["记录时间"] = i.OutcomeAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : null,
        });
        return IndicatorMath.Excel(new Dictionary<string, object> { ["今日待办"] = rows });
    }
}
