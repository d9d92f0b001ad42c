using System.Globalization;
using CommunityHealth.Web.Modules.Immunization;

namespace CommunityHealth.Web.Tests.Immunization;

/// <summary>Vaccine names, doses, due texts, ages and reasons follow the culture switch; Chinese is the default.</summary>
public sealed class VaccineTextTests : IDisposable
{
    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

    public void Dispose() => CultureInfo.CurrentUICulture = _before;

    [Theory]
    [InlineData("zh-CN", "麻腮风疫苗第1剂、乙脑减毒活疫苗第1剂", "14月龄", "麻腮风疫苗", "第1剂有效")]
    [InlineData("en-US", "MMR vaccine, dose 1; Live attenuated Japanese encephalitis vaccine, dose 1", "14 mo", "MMR vaccine", "Dose 1 valid")]
    public void Texts_follow_the_culture(string culture, string due, string age, string name, string reason)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        Assert.Equal(due, VaccinationWorkList.DueText("MMR-1,JE-L-1"));
        Assert.Equal(age, VaccinationWorkList.AgeText(new DateOnly(2025, 9, 23), new DateOnly(2026, 11, 23)));
        Assert.Equal(name, VaccineText.Name("MMR"));
        Assert.Equal(reason, VaccineText.Reason("第1剂有效"));
    }

    [Fact]
    public void English_ages_past_two_years_give_years_and_months()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        Assert.Equal("3 y 2 mo", VaccinationWorkList.AgeText(new DateOnly(2023, 9, 1), new DateOnly(2026, 11, 23)));
        Assert.Equal("Intramuscular", VaccineText.Route("IM"));
        Assert.Equal("Deltoid, upper arm", VaccineText.Site("上臂三角肌"));
        Assert.Equal("左上臂", VaccineText.Site("左上臂")); // typed by the nurse: kept as written
    }
}
