using MiniExcelLibs;

namespace CommunityHealth.Web.Platform;

/// <summary>What every indicator report shares: the percentage (zero-denominator guard, decimal division) and the Excel file.</summary>
public static class IndicatorMath
{
    /// <summary>numerator ÷ denominator × 100, two decimals; null when the denominator is zero (standards §1.12).</summary>
    public static decimal? Rate(int numerator, int denominator) => Indicators.IndicatorQueries.Rate(numerator, denominator);

    /// <summary>An .xlsx with one sheet per entry (sheet name → rows).</summary>
    public static byte[] Excel(Dictionary<string, object> sheets)
    {
        using var ms = new MemoryStream();
        ms.SaveAs(sheets);
        return ms.ToArray();
    }
}
