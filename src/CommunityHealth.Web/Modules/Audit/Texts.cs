namespace CommunityHealth.Web.Modules.Audit;

/// <summary>The texts of the audit log, in zh-CN and en-US (see <see cref="TextTable"/>).</summary>
public sealed class Texts : TextTable
{
    public override IEnumerable<(string Key, string Zh, string En)> Messages =>
    [
        ("action.create", "新建", "Create"),
        ("action.update", "修改", "Update"),
        ("action.close", "停用/关闭", "Close"),
        ("action.view", "查看", "View"),
        ("action.export", "导出", "Export"),
    ];

    public override IEnumerable<(string Zh, string En)> Labels =>
    [
        ("审计日志", "Audit log"),
        ("对象类型", "Entity"),
        ("对象编号", "Entity id"),
        ("操作", "Action"),
        ("时间", "Time"),
        ("操作人", "User"),
        ("客户端地址", "Client address"),
        ("详情", "Detail"),
        ("共 {0} 条", "{0} entries"),
    ];
}
