using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>One rule for a rate on screen: one decimal and "%", whatever the page; the export keeps the number.</summary>
public class RateTextTests
{
    [Theory]
    [InlineData(95.5, "95.5%")]
    [InlineData(96, "96.0%")]
    [InlineData(95.45, "95.5%")]
    [InlineData(95.44, "95.4%")]
    [InlineData(100, "100.0%")]
    [InlineData(0, "0.0%")]
    public void Percent_shows_one_decimal_and_the_sign(double rate, string shown) => Assert.Equal(shown, RateText.Percent((decimal)rate));

    [Fact]
    public void Percent_without_a_denominator_is_a_dash() => Assert.Equal("—", RateText.Percent(3, 0));

    [Fact]
    public void Percent_of_counts_rounds_the_rate_the_export_keeps()
    {
        Assert.Equal(66.67m, IndicatorMath.Rate(2, 3)); // the spreadsheet's number
        Assert.Equal("66.7%", RateText.Percent(2, 3));
    }
}
