using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>
/// The NIP forecaster against the national text (国家免疫规划疫苗儿童免疫程序及说明 2021 and the 2025 DTaP change,
/// standards §2). Each row: a child (birth date, facts), the doses given ("vaccine@date"), the evaluation date,
/// and what the nurse must be told for one series. Dates were worked out by hand from the schedule table.
/// </summary>
public class ForecasterTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Facts: "lbw" (1800 g), "hbsag+", "hbsag-", "immuno", "ig:date", "ci:VACCINE", "ppd-:date", "ppd+:date".</summary>
    internal static Forecast Run(string birth, string doses, string asOf, string facts = "")
    {
        var child = new ChildFacts(D(birth));
        foreach (var f in facts.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = f.Contains(':') ? (f[..f.IndexOf(':')], f[(f.IndexOf(':') + 1)..]) : (f, "");
            child = key switch
            {
                "lbw" => child with { BirthWeightGrams = 1800 },
                "hbsag+" => child with { MotherHBsAg = HBsAgStatus.Positive },
                "hbsag-" => child with { MotherHBsAg = HBsAgStatus.Negative },
                "immuno" => child with { Immunodeficient = true },
                "ig" => child with { ImmunoglobulinDates = [.. child.ImmunoglobulinDates, D(value)] },
                "ci" => child with { Contraindications = [.. child.Contraindications, new VaccineContraindication(value, D(birth), null, "过敏史")] },
                "ppd-" => child with { Ppd = PpdResult.Negative, PpdDate = D(value) },
                "ppd+" => child with { Ppd = PpdResult.Positive, PpdDate = D(value) },
                _ => throw new ArgumentException(f),
            };
        }
        var given = doses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => new GivenDose(d[..d.IndexOf('@')], D(d[(d.IndexOf('@') + 1)..]))).ToList();
        return Forecaster.Evaluate(child, given, D(asOf));
    }

    // A child born 2022-03-10 vaccinated on time under the 2021 schedule, up to 6 months.
    private const string OnTime = "HepB@2022-03-10, BCG@2022-03-10, HepB@2022-04-10, IPV@2022-05-10, IPV@2022-06-10, DTaP@2022-06-10, bOPV@2022-07-10, DTaP@2022-07-10, DTaP@2022-08-10, HepB@2022-09-10, MPSV-A@2022-09-10";

    [Theory]
    // ---- on time (2021 schedule): complete, and the next doses at their schedule ages
    [InlineData("on time: HepB complete", "2022-03-10", OnTime, "2022-11-01", "", Series.HepB, ForecastStatus.Complete, 0, null, null, null)]
    [InlineData("on time: BCG complete", "2022-03-10", OnTime, "2022-11-01", "", Series.BCG, ForecastStatus.Complete, 0, null, null, null)]
    [InlineData("on time: polio 4th at 4 years", "2022-03-10", OnTime, "2022-11-01", "", Series.Polio, ForecastStatus.NotDue, 4, "bOPV", "2026-03-10", "2026-03-10")]
    [InlineData("on time: DTaP 4th at 18 months", "2022-03-10", OnTime, "2022-11-01", "", Series.DTaP, ForecastStatus.NotDue, 4, "DTaP", "2023-09-10", "2023-09-10")]
    [InlineData("on time: MMR not yet at 7 months", "2022-03-10", OnTime, "2022-11-01", "", Series.MMR, ForecastStatus.NotDue, 1, "MMR", "2022-11-10", "2022-11-10")]
    [InlineData("on time: MMR due on the day of 8 months", "2022-03-10", OnTime, "2022-11-10", "", Series.MMR, ForecastStatus.Due, 1, "MMR", "2022-11-10", "2022-11-10")]
    [InlineData("on time: MMR still due the day before overdue", "2022-03-10", OnTime, "2022-12-09", "", Series.MMR, ForecastStatus.Due, 1, "MMR", "2022-11-10", "2022-11-10")]
    [InlineData("on time: MMR overdue a month after", "2022-03-10", OnTime, "2022-12-10", "", Series.MMR, ForecastStatus.Overdue, 1, "MMR", "2022-11-10", "2022-11-10")]
    [InlineData("on time: JE live first at 8 months", "2022-03-10", OnTime, "2022-11-10", "", Series.JE, ForecastStatus.Due, 1, "JE-L", "2022-11-10", "2022-11-10")]
    [InlineData("on time: MenA 2nd at 9 months, 3 months after the 1st", "2022-03-10", OnTime, "2022-11-01", "", Series.MenA, ForecastStatus.NotDue, 2, "MPSV-A", "2022-12-10", "2022-12-10")]
    [InlineData("on time: MenAC at 3 years", "2022-03-10", OnTime, "2022-11-01", "", Series.MenAC, ForecastStatus.NotDue, 1, "MPSV-AC", "2024-03-10", "2025-03-10")]
    [InlineData("on time: HepA live at 18 months", "2022-03-10", OnTime, "2022-11-01", "", Series.HepA, ForecastStatus.NotDue, 1, "HepA-L", "2023-09-10", "2023-09-10")]
    [InlineData("newborn: HepB 1 due at birth", "2024-06-01", "", "2024-06-01", "", Series.HepB, ForecastStatus.Due, 1, "HepB", "2024-06-01", "2024-06-01")]
    // ---- too early: recorded, not counted, the same dose number is due again from its minimum age
    [InlineData("HepB 2 a day before 1 month is repeated", "2022-03-10", "HepB@2022-03-10, HepB@2022-04-09", "2022-04-20", "", Series.HepB, ForecastStatus.Due, 2, "HepB", "2022-04-10", "2022-04-10")]
    [InlineData("DTaP 2 at 27 days is repeated 28 days after the 1st", "2022-01-01", "DTaP@2022-06-10, DTaP@2022-07-07", "2022-07-08", "", Series.DTaP, ForecastStatus.Due, 2, "DTaP", "2022-07-08", "2022-07-08")]
    [InlineData("HepB 3 needs 4 months from the 1st", "2024-01-01", "HepB@2024-03-10, HepB@2024-04-10, HepB@2024-07-01", "2024-07-02", "", Series.HepB, ForecastStatus.NotDue, 3, "HepB", "2024-07-10", "2024-07-10")]
    // ---- live vaccines: 28 days unless the same day; bOPV and inactivated vaccines unrestricted
    [InlineData("JE-L 20 days after MMR: not counted, repeated 28 days after the last live dose", "2022-03-10", "MMR@2022-11-10, JE-L@2022-11-30", "2022-12-01", "", Series.JE, ForecastStatus.NotDue, 1, "JE-L", "2022-12-28", "2022-12-28")]
    [InlineData("MMR 20 days after JE-L waits until day 28", "2022-03-10", "JE-L@2022-11-10", "2022-11-30", "", Series.MMR, ForecastStatus.NotDue, 1, "MMR", "2022-12-08", "2022-12-08")]
    [InlineData("MMR and JE-L the same day both count", "2022-03-10", "MMR@2022-11-10, JE-L@2022-11-10", "2022-12-01", "", Series.JE, ForecastStatus.NotDue, 2, "JE-L", "2024-03-10", "2024-03-10")]
    [InlineData("immunoglobulin: MMR 3 months later", "2022-01-01", "", "2022-10-01", "ig:2022-08-15", Series.MMR, ForecastStatus.NotDue, 1, "MMR", "2022-11-15", "2022-11-15")]
    // ---- catch-up never restarts: the missing dose, timed from the dose actually given
    [InlineData("HepB 2 overdue two years later, not restarted", "2022-01-01", "HepB@2022-01-01", "2024-01-01", "", Series.HepB, ForecastStatus.Overdue, 2, "HepB", "2022-02-01", "2022-02-01")]
    [InlineData("arrives at 3 with no polio: IPV now", "2021-06-01", "", "2024-06-03", "", Series.Polio, ForecastStatus.Overdue, 1, "IPV", "2021-08-01", "2021-08-01")]
    [InlineData("3 polio doses by 3: the 4th waits for 4 years", "2021-06-01", "IPV@2024-06-03, IPV@2024-07-01, bOPV@2024-07-29", "2024-08-01", "", Series.Polio, ForecastStatus.NotDue, 4, "bOPV", "2025-06-01", "2025-06-01")]
    [InlineData("arrives at 5 with one IPV: second IPV now", "2019-06-01", "IPV@2019-08-01", "2024-06-10", "", Series.Polio, ForecastStatus.Overdue, 2, "IPV", "2019-09-01", "2019-09-01")]
    [InlineData("at 5: 4 doses 28 days apart complete polio", "2019-06-01", "IPV@2019-08-01, IPV@2024-06-10, bOPV@2024-07-08, bOPV@2024-08-05", "2024-08-06", "", Series.Polio, ForecastStatus.Complete, 0, null, null, null)]
    [InlineData("4 IPV doses: no bOPV", "2019-06-01", "IPV@2019-08-01, IPV@2019-09-01, IPV@2019-10-01, IPV@2023-06-01", "2024-01-01", "", Series.Polio, ForecastStatus.Complete, 0, null, null, null)]
    // ---- DTaP / DT from 6 years (2021 schedule; born before the 2025 cohort)
    [InlineData("7 years with 2 DTaP: DT for the 3rd", "2017-03-01", "DTaP@2017-06-01, DTaP@2017-07-01", "2024-03-05", "", Series.DTaP, ForecastStatus.Overdue, 3, "DT", "2023-03-01", "2023-03-01")]
    [InlineData("7 years with 2 DTaP then DT: complete at 3", "2017-03-01", "DTaP@2017-06-01, DTaP@2017-07-01, DT@2024-03-05", "2024-03-06", "", Series.DTaP, ForecastStatus.Complete, 0, null, null, null)]
    [InlineData("6 years with 3 DTaP: DT 6 months after the 3rd", "2017-03-01", "DTaP@2017-06-01, DTaP@2017-07-01, DTaP@2023-02-01", "2023-03-01", "", Series.DTaP, ForecastStatus.NotDue, 4, "DT", "2023-08-01", "2023-08-01")]
    [InlineData("4 DTaP, no DT by 7: DT overdue", "2017-03-01", "DTaP@2017-06-01, DTaP@2017-07-01, DTaP@2017-08-01, DTaP@2018-09-01", "2024-04-01", "", Series.DTaP, ForecastStatus.Overdue, 5, "DT", "2023-03-01", "2023-03-01")]
    [InlineData("arrives at 7 with nothing: DT now", "2017-03-01", "", "2024-03-05", "", Series.DTaP, ForecastStatus.Overdue, 1, "DT", "2023-03-01", "2023-03-01")]
    // ---- the 2025 DTaP change: the evaluation date and the birth cohort select the rules
    [InlineData("2024-12: DTaP 1 at 3 months (2021)", "2024-10-15", "", "2024-12-20", "", Series.DTaP, ForecastStatus.NotDue, 1, "DTaP", "2025-01-15", "2025-01-15")]
    [InlineData("2025-01: DTaP 1 at 2 months (2025)", "2024-10-15", "", "2025-01-02", "", Series.DTaP, ForecastStatus.Due, 1, "DTaP", "2024-12-15", "2024-12-15")]
    [InlineData("2025: DTaP 3 at 6 months", "2024-12-01", "DTaP@2025-02-01, DTaP@2025-04-01", "2025-05-01", "", Series.DTaP, ForecastStatus.NotDue, 3, "DTaP", "2025-06-01", "2025-06-01")]
    [InlineData("2025: doses given under 2021 keep counting", "2024-01-01", "DTaP@2024-04-01, DTaP@2024-05-01, DTaP@2024-06-01", "2025-03-01", "", Series.DTaP, ForecastStatus.NotDue, 4, "DTaP", "2025-07-01", "2025-07-01")]
    [InlineData("2025: the 6-year booster is DTaP", "2019-01-10", "DTaP@2019-04-10, DTaP@2019-05-10, DTaP@2019-06-10, DTaP@2020-07-10", "2025-02-01", "", Series.DTaP, ForecastStatus.Due, 5, "DTaP", "2025-01-10", "2025-01-10")]
    [InlineData("born before the 2025 cohort: the booster stays DT", "2017-06-01", "DTaP@2017-09-01, DTaP@2017-10-01, DTaP@2017-11-01, DTaP@2018-12-01", "2025-02-01", "", Series.DTaP, ForecastStatus.Overdue, 5, "DT", "2023-06-01", "2023-06-01")]
    // ---- BCG age limits: directly before 3 months, PPD-negative until 4 years, none from 4 years
    [InlineData("BCG the day before 4 years: still possible", "2020-05-20", "", "2024-05-19", "ppd-:2024-05-01", Series.BCG, ForecastStatus.Overdue, 1, "BCG", "2020-05-20", "2020-05-20")]
    [InlineData("BCG on the 4th birthday: aged out", "2020-05-20", "", "2024-05-20", "", Series.BCG, ForecastStatus.AgedOut, 1, "BCG", "2020-05-20", "2020-05-20")]
    [InlineData("BCG: PPD positive, no catch-up", "2023-01-01", "", "2024-01-01", "ppd+:2023-12-20", Series.BCG, ForecastStatus.Complete, 0, null, null, null)]
    // ---- meningococcal: A before 24 months, AC after
    [InlineData("MenA the day before 24 months: overdue", "2022-01-01", "MPSV-A@2022-07-01", "2023-12-31", "", Series.MenA, ForecastStatus.Overdue, 2, "MPSV-A", "2022-10-01", "2022-10-01")]
    [InlineData("MenA at 24 months: aged out", "2022-01-01", "MPSV-A@2022-07-01", "2024-01-01", "", Series.MenA, ForecastStatus.AgedOut, 2, "MPSV-A", "2022-10-01", "2022-10-01")]
    [InlineData("one A dose: AC from 24 months", "2022-01-01", "MPSV-A@2022-07-01", "2024-01-01", "", Series.MenAC, ForecastStatus.Due, 1, "MPSV-AC", "2024-01-01", "2024-01-01")]
    [InlineData("two A doses: AC at 3 years", "2020-01-01", "MPSV-A@2020-07-01, MPSV-A@2020-10-01", "2023-01-01", "", Series.MenAC, ForecastStatus.Due, 1, "MPSV-AC", "2023-01-01", "2023-01-01")]
    [InlineData("AC 2nd 3 years after the 1st", "2020-01-01", "MPSV-A@2020-07-01, MPSV-A@2020-10-01, MPSV-AC@2023-01-01", "2023-02-01", "", Series.MenAC, ForecastStatus.NotDue, 2, "MPSV-AC", "2026-01-01", "2026-01-01")]
    // ---- HepB for low birth weight with an HBsAg-positive mother: 4 doses
    [InlineData("LBW + HBsAg+: 4th at 7 months", "2024-02-01", "HepB@2024-02-01, HepB@2024-03-01, HepB@2024-04-01", "2024-05-01", "lbw hbsag+", Series.HepB, ForecastStatus.NotDue, 4, "HepB", "2024-09-01", "2024-09-01")]
    [InlineData("normal weight: the same 3rd dose is too early", "2024-02-01", "HepB@2024-02-01, HepB@2024-03-01, HepB@2024-04-01", "2024-05-01", "hbsag-", Series.HepB, ForecastStatus.NotDue, 3, "HepB", "2024-08-01", "2024-08-01")]
    // ---- alternatives and contraindications
    [InlineData("immunodeficient: JE inactivated", "2022-01-01", "", "2022-09-01", "immuno", Series.JE, ForecastStatus.Due, 1, "JE-I", "2022-09-01", "2022-09-01")]
    [InlineData("immunodeficient: no MMR", "2022-01-01", "", "2022-09-01", "immuno", Series.MMR, ForecastStatus.Contraindicated, 1, "MMR", "2022-09-01", "2022-09-01")]
    [InlineData("immunodeficient: no BCG", "2022-01-01", "", "2022-01-02", "immuno", Series.BCG, ForecastStatus.Contraindicated, 1, "BCG", "2022-01-01", "2022-01-01")]
    [InlineData("immunodeficient: polio stays IPV", "2022-01-01", "IPV@2022-03-01, IPV@2022-04-01", "2022-05-01", "immuno", Series.Polio, ForecastStatus.Due, 3, "IPV", "2022-05-01", "2022-05-01")]
    [InlineData("MMR contraindication recorded", "2022-01-01", "", "2022-09-01", "ci:MMR", Series.MMR, ForecastStatus.Contraindicated, 1, "MMR", "2022-09-01", "2022-09-01")]
    [InlineData("JE-L contraindicated: JE-I series", "2022-01-01", "", "2022-09-01", "ci:JE-L", Series.JE, ForecastStatus.Due, 1, "JE-I", "2022-09-01", "2022-09-01")]
    [InlineData("JE inactivated: 2nd 7 days after the 1st", "2022-01-01", "JE-I@2022-09-01", "2022-09-02", "", Series.JE, ForecastStatus.NotDue, 2, "JE-I", "2022-09-08", "2022-09-08")]
    [InlineData("HepA inactivated: 2nd 6 months later", "2022-01-01", "HepA-I@2023-07-01", "2023-08-01", "", Series.HepA, ForecastStatus.NotDue, 2, "HepA-I", "2024-01-01", "2024-01-01")]
    [InlineData("HepA live completes an inactivated series", "2022-01-01", "HepA-I@2023-07-01, HepA-L@2023-09-01", "2023-10-01", "", Series.HepA, ForecastStatus.Complete, 0, null, null, null)]
    [InlineData("aged 18: catch-up is over", "2005-01-01", "", "2023-01-01", "", Series.MMR, ForecastStatus.AgedOut, 1, "MMR", "2005-09-01", "2005-09-01")]
    [InlineData("the day before 18: still catch-up", "2005-01-01", "", "2022-12-31", "", Series.MMR, ForecastStatus.Overdue, 1, "MMR", "2005-09-01", "2005-09-01")]
    // missed single doses and late starters
    [InlineData("on time but HepB 2 missed: HepB 2 overdue, nothing restarted", "2022-03-10", "HepB@2022-03-10, IPV@2022-05-10, IPV@2022-06-10", "2022-07-01", "", Series.HepB, ForecastStatus.Overdue, 2, "HepB", "2022-04-10", "2022-04-10")]
    [InlineData("late starter at 10 months: MenA 2 three months after 1", "2021-01-01", "MPSV-A@2021-11-01", "2021-12-01", "", Series.MenA, ForecastStatus.NotDue, 2, "MPSV-A", "2022-02-01", "2022-02-01")]
    [InlineData("arrives at 3 with 2 DTaP: 3rd now, 4th 6 months later", "2021-05-01", "DTaP@2021-08-01, DTaP@2021-09-01", "2024-05-02", "", Series.DTaP, ForecastStatus.Overdue, 3, "DTaP", "2021-10-01", "2021-10-01")]
    [InlineData("arrives at 5 with 1 MMR: 2nd now", "2019-04-01", "MMR@2019-12-01", "2024-04-10", "", Series.MMR, ForecastStatus.Overdue, 2, "MMR", "2020-10-01", "2020-10-01")]
    [InlineData("arrives at 7 with MenA only: AC 1 now", "2017-02-01", "MPSV-A@2017-08-01, MPSV-A@2017-11-01", "2024-02-05", "", Series.MenAC, ForecastStatus.Overdue, 1, "MPSV-AC", "2020-02-01", "2020-02-01")]
    [InlineData("arrives at 7 with no JE: JE-L 1 now", "2017-02-01", "", "2024-02-05", "", Series.JE, ForecastStatus.Overdue, 1, "JE-L", "2017-10-01", "2017-10-01")]
    public void Next_dose_and_status(string name, string birth, string doses, string asOf, string facts, Series series,
        ForecastStatus status, int number, string? vaccine, string? earliest, string? recommended)
    {
        var s = Run(birth, doses, asOf, facts)[series];
        Assert.True(status == s.Status, $"{name}: expected {status}, got {s.Status} — {s.Reason}");
        Assert.False(string.IsNullOrWhiteSpace(s.Reason));
        if (status == ForecastStatus.Complete)
        {
            Assert.True(s.Complete, name);
            Assert.Null(s.Next);
            return;
        }
        Assert.NotNull(s.Next);
        Assert.Equal((number, vaccine, earliest, recommended),
            (s.Next!.DoseNumber, s.Next.Vaccine, s.Next.Earliest.ToString("yyyy-MM-dd"), s.Next.Recommended.ToString("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("2022-03-10", "HepB@2022-03-10, HepB@2022-04-09", "HepB@2022-04-09", false, "早于最小接种年龄1月龄（2022-04-10）")]
    [InlineData("2022-03-10", "HepB@2022-03-10, HepB@2022-04-10", "HepB@2022-04-10", true, "第2剂有效")]
    [InlineData("2022-01-01", "DTaP@2022-06-10, DTaP@2022-07-07", "DTaP@2022-07-07", false, "间隔不足28天")]
    [InlineData("2022-01-01", "DTaP@2022-06-10, DTaP@2022-07-08", "DTaP@2022-07-08", true, "第2剂有效")]
    [InlineData("2022-03-10", "MMR@2022-11-10, JE-L@2022-11-30", "JE-L@2022-11-30", false, "非同日接种且间隔不足28天")]
    [InlineData("2022-03-10", "MMR@2022-11-10, JE-L@2022-12-08", "JE-L@2022-12-08", true, "第1剂有效")]
    [InlineData("2022-03-10", "MMR@2022-11-10, bOPV@2022-11-20", "bOPV@2022-11-20", true, "有效")]
    [InlineData("2022-03-10", "MMR@2022-11-10, MPSV-A@2022-11-11", "MPSV-A@2022-11-11", true, "有效")]
    [InlineData("2020-05-20", "BCG@2024-05-20", "BCG@2024-05-20", false, "满4周岁不再接种卡介苗")]
    [InlineData("2020-05-20", "BCG@2024-05-19", "BCG@2024-05-19", true, "有效")]
    [InlineData("2022-01-01", "MPSV-A@2023-12-31", "MPSV-A@2023-12-31", true, "有效")]
    [InlineData("2022-01-01", "MPSV-A@2024-01-01", "MPSV-A@2024-01-01", false, "满24月龄不再接种")]
    [InlineData("2022-01-01", "MPSV-AC@2023-12-31", "MPSV-AC@2023-12-31", false, "早于最小接种年龄24月龄")]
    [InlineData("2017-03-01", "DT@2022-03-01", "DT@2022-03-01", false, "白破疫苗用于6周岁及以上儿童")]
    [InlineData("2017-03-01", "DT@2023-03-01", "DT@2023-03-01", true, "有效")]
    [InlineData("2022-01-01", "MMR@2022-10-01", "MMR@2022-10-01", false, "注射免疫球蛋白（2022-08-15）后未满3个月")]
    [InlineData("2022-01-01", "JE-L@2022-09-01, JE-L@2023-08-01", "JE-L@2023-08-01", false, "早于最小接种年龄2周岁")]
    [InlineData("2022-01-01", "JE-L@2022-09-01, JE-I@2022-10-01", "JE-I@2022-10-01", false, "不计入")]
    [InlineData("2021-01-01", "HepA-I@2022-08-01, HepA-I@2023-01-01", "HepA-I@2023-01-01", false, "间隔不足6个月")]
    [InlineData("2021-01-01", "HepA-I@2022-08-01, HepA-I@2023-02-01", "HepA-I@2023-02-01", true, "第2剂有效")]
    [InlineData("2022-01-01", "BCG@2022-01-01, BCG@2022-05-01", "BCG@2022-05-01", false, "不复种")]
    // each minimum age on the day before and the day of
    [InlineData("2022-01-31", "MMR@2022-09-29", "MMR@2022-09-29", false, "早于最小接种年龄8月龄（2022-09-30）")] // month-end birth: 8 months is 30 September
    [InlineData("2022-01-31", "MMR@2022-09-30", "MMR@2022-09-30", true, "第1剂有效")]
    [InlineData("2017-03-01", "DT@2023-02-28", "DT@2023-02-28", false, "白破疫苗用于6周岁及以上儿童")]
    [InlineData("2018-05-10", "IPV@2018-07-10, IPV@2018-08-10, bOPV@2018-09-10, bOPV@2022-05-09", "bOPV@2022-05-09", false, "早于最小接种年龄4周岁")]
    [InlineData("2018-05-10", "IPV@2018-07-10, IPV@2018-08-10, bOPV@2018-09-10, bOPV@2022-05-10", "bOPV@2022-05-10", true, "第4剂有效")]
    [InlineData("2022-01-01", "JE-L@2022-09-01, JE-L@2023-12-31", "JE-L@2023-12-31", false, "早于最小接种年龄2周岁")]
    [InlineData("2022-01-01", "JE-L@2022-09-01, JE-L@2024-01-01", "JE-L@2024-01-01", true, "第2剂有效")]
    [InlineData("2022-01-01", "HepB@2022-01-01, HepB@2022-01-28", "HepB@2022-01-28", false, "早于最小接种年龄1月龄")]
    [InlineData("2021-06-01", "HepB@2021-06-01, HepB@2021-07-01, HepB@2021-08-29", "HepB@2021-08-29", false, "早于最小接种年龄6月龄")]
    [InlineData("2021-01-01", "HepB@2021-09-01, HepB@2021-09-28", "HepB@2021-09-28", false, "间隔不足28天")]
    [InlineData("2021-01-01", "HepB@2021-09-01, HepB@2021-09-29", "HepB@2021-09-29", true, "第2剂有效")]
    [InlineData("2021-01-01", "HepB@2021-09-01, HepB@2021-09-29, HepB@2021-11-27", "HepB@2021-11-27", false, "间隔不足60天")]
    [InlineData("2020-06-01", "MPSV-A@2021-07-01, MPSV-A@2021-09-30", "MPSV-A@2021-09-30", false, "间隔不足3个月")]
    [InlineData("2020-06-01", "MPSV-A@2021-07-01, MPSV-A@2021-10-01", "MPSV-A@2021-10-01", true, "第2剂有效")]
    [InlineData("2019-01-01", "MPSV-A@2019-07-01, MPSV-A@2019-10-01, MPSV-AC@2022-01-01, MPSV-AC@2024-12-31", "MPSV-AC@2024-12-31", false, "间隔不足3年")]
    [InlineData("2022-01-01", "HepB@2022-01-01, HepB@2022-02-01, HepB@2022-07-01, HepB@2022-09-01", "HepB@2022-09-01", false, "全程已完成")]
    public void Each_dose_is_judged_and_explained(string birth, string doses, string dose, bool valid, string reason)
    {
        var facts = dose.StartsWith("MMR@2022-10-01", StringComparison.Ordinal) ? "ig:2022-08-15" : "";
        var forecast = Run(birth, doses, "2026-11-23", facts);
        var at = dose.IndexOf('@');
        var e = forecast.Doses.Single(d => d.Dose.Vaccine == dose[..at] && d.Dose.Date == D(dose[(at + 1)..]));
        Assert.True(valid == e.Valid, e.Reason);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void Every_series_is_forecast_in_order_with_reasons()
    {
        var f = Run("2022-03-10", OnTime, "2022-11-10");
        Assert.Equal(Enum.GetValues<Series>(), f.Series.Select(s => s.Series));
        Assert.All(f.Series, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal(D("2022-11-10"), f.NextDueDate);
        Assert.Equal(11, f.Doses.Count(d => d.Valid));
    }

    [Fact]
    public void Doses_after_the_evaluation_date_are_not_counted_and_unknown_codes_are_listed()
    {
        var f = Run("2022-03-10", "HepB@2022-03-10, HepB@2022-05-01, XYZ@2022-03-11", "2022-04-20");
        Assert.Single(f[Series.HepB].Doses);
        Assert.Contains("XYZ", Assert.Single(f.Unknown).Reason);
    }

    [Fact]
    public void Reasons_name_the_mothers_status_and_low_weight_rules()
    {
        var hepB = Run("2024-02-01", "HepB@2024-02-01", "2024-02-02", "lbw hbsag+")[Series.HepB];
        Assert.Contains("HBIG", hepB.Reason);
        Assert.Contains("共4剂", hepB.Reason);
        var bcg = Run("2023-01-01", "", "2023-06-01")[Series.BCG];
        Assert.Contains("PPD", bcg.Reason);
        var dt = Run("2010-01-01", "DTaP@2010-04-01", "2023-01-01")[Series.DTaP];
        Assert.Contains("成人及青少年用白破疫苗", dt.Reason);
    }

    [Fact]
    public void Schedule_selection_by_cohort_and_date()
    {
        Assert.Same(NipSchedules.V2021, NipSchedules.For(D("2024-06-01"), D("2024-12-31")));
        Assert.Same(NipSchedules.V2025, NipSchedules.For(D("2024-06-01"), D("2025-01-01")));
        Assert.Same(NipSchedules.V2021, NipSchedules.For(D("2017-12-31"), D("2025-06-01")));
        Assert.Equal(13, Vaccines.All.Count);
        Assert.Equal(["HepB", "BCG", "IPV", "bOPV", "DTaP", "DT", "MMR", "JE-L", "JE-I", "MPSV-A", "MPSV-AC", "HepA-L", "HepA-I"], Vaccines.All.Select(v => v.Code));
    }
}
