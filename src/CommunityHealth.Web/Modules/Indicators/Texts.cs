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
    ];
}
