using System.Text.RegularExpressions;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>The forecaster's reasons read in English: a template for every reason it writes, the values carried over.</summary>
public partial class ForecastReasonsTests
{
    [Theory]
    [InlineData("第2剂有效", "Dose 2 valid")]
    [InlineData("第1剂不计入：早于最小接种年龄8月龄（2022-11-10）", "Dose 1 does not count: Before the minimum age of 8 months (2022-11-10)")]
    [InlineData("第1剂麻腮风疫苗已逾期40天（应于2022-11-10接种），请尽快补种", "Dose 1 of MMR vaccine overdue by 40 days (due 2022-11-10): catch up soon")]
    [InlineData("第4剂百白破疫苗未到期：推荐2023-09-10（最早2023-08-01）", "Dose 4 of DTaP vaccine not yet due: recommended 2023-09-10 (earliest 2023-08-01)")]
    [InlineData("乙肝疫苗已完成（3剂有效）", "Hepatitis B complete (valid doses: 3)")]
    [InlineData("第2剂不计入：与上一剂（2022-04-10）间隔不足28天", "Dose 2 does not count: Less than 28 days after the previous dose (2022-04-10)")]
    [InlineData("第1剂有效（未在12月龄前完成，不属及时接种）", "Dose 1 valid (not given before 12 months: not timely)")]
    [InlineData("第1剂麻腮风疫苗暂不接种：麻腮风疫苗禁忌（egg allergy，2022-01-01起）", "Dose 1 of MMR vaccine not to be given for now: MMR vaccine contraindicated (egg allergy, from 2022-01-01)")]
    [InlineData("母亲HBsAg阳性：第1剂于出生后12小时内接种，同时在不同部位注射乙肝免疫球蛋白（HBIG）100 IU；使用20 µg CHO乙肝疫苗；全程后检测乙肝表面抗原和抗体，抗-HBs<10 mIU/ml者再接种3剂；第1剂乙肝疫苗已到期：2024-06-01起可接种",
        "Mother HBsAg positive: dose 1 within 12 hours of birth, with hepatitis B immunoglobulin (HBIG) 100 IU at another site; use 20 µg CHO hepatitis B vaccine; after the series test HBsAg and anti-HBs, and give 3 more doses if anti-HBs < 10 mIU/ml; Dose 1 of Hepatitis B vaccine due: may be given from 2024-06-01")]
    public void En_translates_the_reason_keeping_numbers_dates_and_names(string zh, string en) =>
        Assert.Equal(en, ForecastReasons.En(zh));

    [Theory]
    [InlineData("出生时", "birth")]
    [InlineData("8月龄", "8 months")]
    [InlineData("1月龄", "1 month")]
    [InlineData("4周岁", "4 years")]
    [InlineData("28天", "28 days")]
    [InlineData("1年6个月", "1 year 6 months")]
    public void SpanEn_reads_ages_and_intervals(string zh, string en) => Assert.Equal(en, ForecastReasons.SpanEn(zh));

    [Fact]
    public void A_reason_without_a_template_stays_as_written_and_is_reported()
    {
        Assert.Equal("Dose 1 valid; 新的说明", ForecastReasons.En("第1剂有效；新的说明"));
        Assert.Equal(["新的说明"], ForecastReasons.Untranslated("第1剂有效；新的说明"));
    }

    /// <summary>
    /// Thousands of children (every fact, random histories of every vaccine at every age, evaluated at every age to 18):
    /// every reason the forecaster writes, for a series or a dose, has its English, with no Chinese left over.
    /// </summary>
    [Fact]
    public void Every_reason_the_forecaster_writes_has_its_english()
    {
        var rng = new Random(19);
        var codes = Vaccines.All.Select(v => v.Code).Append("XYZ").ToArray();
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 4000; i++)
        {
            var birth = new DateOnly(2012, 1, 1).AddDays(rng.Next(0, 365 * 14));
            var child = new ChildFacts(birth)
            {
                MotherHBsAg = (HBsAgStatus)rng.Next(0, 3),
                BirthWeightGrams = rng.Next(0, 4) == 0 ? 1800 : 3200,
                Immunodeficient = rng.Next(0, 15) == 0,
                Contraindications = rng.Next(0, 6) == 0 ? [new VaccineContraindication(codes[rng.Next(0, codes.Length - 1)], birth, rng.Next(0, 2) == 0 ? null : birth.AddYears(2), "egg allergy")] : [],
                ImmunoglobulinDates = rng.Next(0, 8) == 0 ? [birth.AddDays(rng.Next(0, 900))] : [],
                Ppd = rng.Next(0, 5) switch { 0 => PpdResult.Negative, 1 => PpdResult.Positive, _ => null },
                PpdDate = rng.Next(0, 3) == 0 ? null : birth.AddDays(rng.Next(90, 1000)),
            };
            var doses = Enumerable.Range(0, rng.Next(0, 16))
                .Select(_ => new GivenDose(codes[rng.Next(0, codes.Length)], birth.AddDays(rng.Next(-3, 365 * 8)), Guid.NewGuid())).ToList();
            var asOf = birth.AddDays(rng.Next(0, 365 * 18));
            var f = Forecaster.Evaluate(child, doses, asOf);
            foreach (var reason in f.Series.Select(s => s.Reason).Concat(f.Doses.Select(d => d.Reason)))
            {
                if (!seen.Add(reason)) continue;
                foreach (var part in ForecastReasons.Untranslated(reason)) missing.Add(part);
                var en = ForecastReasons.En(reason);
                if (Chinese().IsMatch(en)) missing.Add(en);
            }
        }
        Assert.True(seen.Count > 500, $"only {seen.Count} distinct reasons");
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
