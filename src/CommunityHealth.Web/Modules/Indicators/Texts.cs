namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>The texts of the indicator catalogue and the population figures, in zh-CN and en-US (see <see cref="TextTable"/>).</summary>
public sealed class Texts : TextTable
{
    public override IEnumerable<(string Key, string Zh, string En)> Messages =>
    [
        ("error.indicator.org", "该机构不存在或不在您的管辖范围内", "The organisation does not exist or is outside your scope"),
        ("error.indicator.period", "统计期格式不正确，应如 {0}", "The period is malformed; write it like {0}"),
        ("error.indicator.period_type", "该指标的统计期应如 {0}", "This indicator's period is written like {0}"),
        ("error.indicator.period_future", "统计期尚未开始", "The period has not begun"),
        ("error.indicator.set_population", "该指标的分母为录入的人口数，只能查看分子人员名单", "This indicator's denominator is an entered population figure: only the numerator's people can be listed"),
        ("error.population.negative", "人口数不能为负数", "A population figure cannot be negative"),
        ("error.population.below_records", "人口数不能少于档案中已有的该人群人数（{0} 人）", "The figure cannot be below the people of this group already in the records ({0})"),
        ("entity.PopulationFigure", "人口基数", "Population figure"),
        ("indicator.no_population", "未录入人口基数", "No population figure entered"),
        ("indicator.programme.records", "居民健康档案", "Health records"),
        ("indicator.programme.immunization", "预防接种", "Immunization"),
        ("indicator.programme.hypertension", "高血压患者健康管理", "Hypertension care"),
        ("indicator.programme.diabetes", "2型糖尿病患者健康管理", "Type 2 diabetes care"),
        ("indicator.programme.elderly", "老年人健康管理", "Elderly care"),
    ];

    public override IEnumerable<(string Zh, string En)> Labels =>
    [
        ("统计指标", "Indicators"), ("指标总览", "Indicator board"), ("人口基数", "Population figures"),
        ("统计期", "Period"), ("起", "From"), ("止", "To"),
        ("分子", "Numerator"), ("分母", "Denominator"), ("指标值(%)", "Value (%)"), ("目标(%)", "Target (%)"), ("是否达标", "Met"),
        ("达标", "Met"), ("未达标", "Not met"), ("计入分子", "In numerator"),
        ("住址", "Address"),
        ("下级机构排名", "Ranking of the organisations below"),
        ("不在档案中的分母（常住人口、患者估算人数等），按机构和年度录入并注明来源；上级机构未录入时取下级机构之和。",
            "Denominators that are not in the records (resident population, estimated patients …), entered per organisation and year with their source; where an organisation has none, the sum of the organisations below it is used."),
        ("人员明细", "People"), ("人群", "Group"), ("共 {0} 人", "{0} people"), ("分子人员", "Numerator"), ("分母人员", "Denominator"),
        ("如：统计年鉴", "e.g. statistical yearbook"), ("已保存：{0} {1} {2}", "Saved: {0} {1} {2}"), ("年度", "Year"), ("录入人", "Entered by"),
        ("录入人口基数", "Enter the population figure"), ("录入值", "Entered"), ("指标值", "Value"), ("未达标人员（差额）", "Gap (not yet in the numerator)"),
        ("档案中已有", "In the records"), ("正在计算指标…", "Computing the indicators…"), ("没有人员。", "Nobody."), ("没有这个指标。", "There is no such indicator."),
        ("绿色：达标；红色：未达标；点击数值查看明细", "Green: target met; red: not met; click a value for its details"), ("该机构没有下级机构。", "This organisation has none below it."),
        ("近12期趋势", "Last 12 periods"), ("返回指标总览", "Back to the board"), ("采用值", "Used"),

    ];
}
