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
        ("entity.Resident", "居民健康档案", "Health record"),
        ("entity.Examination", "健康体检表", "Health examination"),
        ("entity.Encounter", "接诊记录", "Encounter"),
        ("entity.Vaccinee", "预防接种档案", "Vaccination record"),
        ("entity.VaccinationDose", "接种剂次", "Vaccine dose"),
        ("entity.AdverseEvent", "疑似预防接种异常反应", "Adverse event following immunization"),
        ("entity.VaccineLot", "疫苗批号库存", "Vaccine lot"),
        ("entity.Refrigerator", "冷链设备", "Refrigerator"),
        ("entity.TemperatureReading", "冷链温度记录", "Temperature reading"),
        ("entity.ReminderMessage", "接种提醒", "Vaccination reminder"),
        ("entity.ChronicRegistration", "慢病专案", "Chronic-care registration"),
        ("entity.ChronicVisit", "慢病随访", "Chronic-care follow-up"),
        ("entity.Measurement", "血压/血糖测量", "BP/glucose measurement"),
        ("entity.Referral", "转诊", "Referral"),
        ("entity.Organization", "机构", "Organisation"),
        ("entity.Team", "家庭医生团队", "Family-doctor team"),
        ("entity.Staff", "工作人员账号", "Staff account"),
        ("audit.detail.Cookies", "网页登录", "Web sign-in"),
        ("audit.detail.Bearer", "接口令牌（API）", "API token"),
        ("audit.detail.locked out", "账号已锁定", "Account locked"),
    ];

    public override IEnumerable<(string Zh, string En)> Labels =>
    [
        ("审计日志", "Audit log"),
        ("对象类型", "Entity"),
        ("对象编号", "Entity id"),
        ("对象", "Record"),
        ("操作", "Action"),
        ("时间", "Time"),
        ("操作人", "User"),
        ("客户端地址", "Client address"),
        ("详情", "Detail"),
        ("共 {0} 条", "{0} entries"),
        ("列表", "List"),
        ("导出文件", "Export file"),
        ("{0} 人", "{0} people"),
        ("页面", "Page"),
        ("修改内容", "Changes"),
    ];
}
