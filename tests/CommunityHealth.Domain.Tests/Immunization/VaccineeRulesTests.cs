using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

public class VaccineeRulesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2008-06-02", "2026-06-01", false)]  // the day before the 18th birthday
    [InlineData("2008-06-01", "2026-06-01", true)]   // on the 18th birthday
    [InlineData("2026-06-01", "2026-06-01", false)]
    public void TooOld_from_the_18th_birthday(string birth, string today, bool expected) => Assert.Equal(expected, VaccineeRules.TooOld(D(birth), D(today)));

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", true)]   // one month after 31 January is 28 February
    [InlineData("2026-01-31", "2026-03-01", false)]
    [InlineData("2026-03-10", "2026-04-10", true)]
    [InlineData("2026-03-10", "2026-04-11", false)]
    [InlineData("2026-03-10", "2026-03-10", true)]
    public void CertificateTimely_within_one_month_of_birth(string birth, string issued, bool expected) =>
        Assert.Equal(expected, VaccineeRules.CertificateTimely(D(issued), D(birth)));

    [Theory]
    [InlineData(299, false)]
    [InlineData(300, true)]
    [InlineData(7000, true)]
    [InlineData(7001, false)]
    public void PlausibleBirthWeight_300_to_7000_grams(int grams, bool expected) => Assert.Equal(expected, VaccineeRules.PlausibleBirthWeight(grams));
}
