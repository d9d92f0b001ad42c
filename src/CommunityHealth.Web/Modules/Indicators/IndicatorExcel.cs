using CommunityHealth.Web.Platform.Indicators;
using static CommunityHealth.Web.Platform.Text;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>The .xlsx files of the indicator pages: values keep their numeric type (rates as numbers, not text).</summary>
public static class IndicatorExcel
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult File(byte[] content, string name) => Results.File(content, Xlsx, name);

    public static byte[] Values(IEnumerable<IndicatorValue> values) => IndicatorMath.Excel(new Dictionary<string, object>
    {
        [L("指标")] = values.Select(v => new Dictionary<string, object?>
        {
            [L("指标")] = v.Name, [L("机构")] = v.OrganizationName, [L("统计期")] = v.Period, [L("起")] = v.From.ToString("yyyy-MM-dd"), [L("止")] = v.To.ToString("yyyy-MM-dd"),
            [L("分子")] = v.Numerator, [L("分母")] = v.Denominator, [L("指标值(%)")] = v.Value, [L("目标(%)")] = v.Target,
            [L("是否达标")] = v.Met is null ? "" : v.Met.Value ? L("达标") : L("未达标"), [L("说明")] = v.Note ?? "",
        }).ToList(),
    });
}
