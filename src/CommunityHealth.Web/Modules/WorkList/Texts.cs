namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>The texts of the shared home list (今日待办), in zh-CN and en-US (see <see cref="TextTable"/>).</summary>
public sealed class Texts : TextTable
{
    public override IEnumerable<(string Key, string Zh, string En)> Messages =>
    [
        ("worklist.age_months", "{0}月龄", "{0} months"),
        ("worklist.age_years", "{0}岁", "{0} years"),
        ("worklist.chronic_followup", "{0} 第{1}季度随访", "{0} follow-up, quarter {1}"),
    ];

    public override IEnumerable<(string Zh, string En)> Labels =>
    [
        ("今日待办", "Today's work"),
        ("30天内到期（含逾期）", "Due within 30 days (overdue included)"),
        ("今日到期（含逾期）", "Due today (overdue included)"),
        ("本周到期（含逾期）", "Due this week (overdue included)"),
        ("已逾期", "Overdue"),
        ("到期范围", "Due"),
        ("应做日期", "Due on"),
        ("应做日期从近到远", "Latest due date first"),
        ("逾期天数从多到少", "Most days overdue first"),
        ("排序", "Sort"),
        ("网格", "Grid"),
        ("项目", "Programme"),
        ("项", "items"),
        ("已联系", "Called"),
        ("联系不上", "Not reachable"),
        ("联系结果", "Contact"),
        ("记录联系", "Record contact"),
        ("糖尿病", "Diabetes"),
        ("接种", "Vaccinate"),
        ("随访", "Follow up"),
    ];
}
