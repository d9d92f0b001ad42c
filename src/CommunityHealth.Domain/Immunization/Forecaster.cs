using static CommunityHealth.Domain.Immunization.NipSchedules;

namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// The NIP forecaster (standards §2): which recorded doses count, whether each series is complete, and the next
/// dose with its earliest and recommended dates and status on the evaluation date. Pure: the date is passed in.
/// Every decision carries a reason a nurse can read, in Chinese.
/// <list type="bullet">
/// <item>Ages are minimum ages; there is no grace period: a dose a day too early, or a day short of an interval, does not count.</item>
/// <item>Catch-up gives only the missing doses, measured from the doses actually given; a series never restarts.</item>
/// <item>Injectable live vaccines not given the same day must be 28 days apart; bOPV and inactivated vaccines are unrestricted.</item>
/// <item>Each dose is judged by the rule set in force on its day; the next dose by the rule set in force on the evaluation date.</item>
/// </list>
/// </summary>
public static class Forecaster
{
    public static Forecast Evaluate(ChildFacts child, IEnumerable<GivenDose> doses, DateOnly asOf)
    {
        var ordered = doses.Where(d => d.Date <= asOf).OrderBy(d => d.Date).ThenBy(d => d.Vaccine, StringComparer.Ordinal).ToList();
        var unknown = ordered.Where(d => Vaccines.Find(d.Vaccine) is null)
            .Select(d => new DoseEvaluation(d, Series.HepB, 0, false, $"未知疫苗代码“{d.Vaccine}”，不计入任何程序")).ToList();
        var c = new Context(child, asOf, For(child.BirthDate, asOf), ordered.Where(d => Vaccines.Find(d.Vaccine) is not null).ToList());
        var menA = MenA(c);
        return new Forecast(asOf, c.Schedule, [HepB(c), Bcg(c), Polio(c), Dtap(c), Mmr(c), Je(c), menA, MenAC(c), HepA(c)], unknown);
    }

    /// <summary>The state shared by the series: the child, the date, the rule set and the cross-series constraints.</summary>
    private sealed class Context(ChildFacts child, DateOnly asOf, NipSchedule schedule, List<GivenDose> doses)
    {
        public ChildFacts Child { get; } = child;
        public DateOnly Birth { get; } = child.BirthDate;
        public DateOnly AsOf { get; } = asOf;
        public NipSchedule Schedule { get; } = schedule;
        public IReadOnlyList<GivenDose> Doses { get; } = doses;

        public IEnumerable<GivenDose> Of(params string[] vaccines) => Doses.Where(d => vaccines.Contains(d.Vaccine));

        public NipSchedule ScheduleOn(DateOnly d) => For(Birth, d);

        public DateOnly At(Span age) => age.After(Birth);

        /// <summary>Why a dose cannot count whatever its series: before birth, or the live-vaccine and immunoglobulin rules.</summary>
        public string? Blocked(GivenDose d)
        {
            if (d.Date < Birth) return "接种日期早于出生日期";
            var v = Vaccines.Find(d.Vaccine)!;
            var rules = ScheduleOn(d.Date);
            if (v.LiveInjectable)
            {
                var other = Doses.Where(o => o.Date < d.Date && Vaccines.Find(o.Vaccine)!.LiveInjectable)
                    .LastOrDefault(o => d.Date < rules.LiveVaccineInterval.After(o.Date));
                if (other is not null)
                    return $"与注射用减毒活疫苗{Vaccines.Find(other.Vaccine)!.Zh}（{Iso(other.Date)}）非同日接种且间隔不足28天";
            }
            var igWait = IgWait(v, rules);
            if (igWait is { } wait && Child.ImmunoglobulinDates.Where(g => g <= d.Date).Select(g => (DateOnly?)g).Max() is { } ig && d.Date < wait.After(ig))
                return $"注射免疫球蛋白（{Iso(ig)}）后未满{wait.IntervalZh}";
            return null;
        }

        private static Span? IgWait(Vaccine v, NipSchedule rules) => v.Code switch
        {
            "MMR" or "JE-L" or "HepA-L" => rules.ImmunoglobulinBeforeLive,
            "JE-I" => rules.ImmunoglobulinBeforeJeInactivated,
            _ => null,
        };

        /// <summary>The earliest day the vaccine may be given because of other live vaccines and immunoglobulin.</summary>
        public (DateOnly Date, string? Why) CrossSeriesEarliest(Vaccine v)
        {
            var earliest = Birth;
            string? why = null;
            if (v.LiveInjectable && Doses.Where(o => Vaccines.Find(o.Vaccine)!.LiveInjectable && o.Date < AsOf).Select(o => (DateOnly?)o.Date).Max() is { } live)
            {
                var after = Schedule.LiveVaccineInterval.After(live);
                if (after > earliest) { earliest = after; why = $"距上次注射用减毒活疫苗（{Iso(live)}）须满28天"; }
            }
            if (IgWait(v, Schedule) is { } wait && Child.ImmunoglobulinDates.Where(g => g <= AsOf).Select(g => (DateOnly?)g).Max() is { } ig && wait.After(ig) > earliest)
            {
                earliest = wait.After(ig);
                why = $"注射免疫球蛋白（{Iso(ig)}）后须满{wait.IntervalZh}";
            }
            return (earliest, why);
        }

        public VaccineContraindication? Contraindicated(string vaccine) =>
            Child.Contraindications.FirstOrDefault(x => x.Vaccine == vaccine && x.ActiveOn(AsOf));

        /// <summary>A live vaccine for an immunodeficient child, or a recorded contraindication.</summary>
        public string? CannotGive(string vaccine)
        {
            var v = Vaccines.Find(vaccine)!;
            if (v.Live && Child.Immunodeficient) return $"免疫缺陷或HIV感染/暴露：禁用减毒活疫苗（{v.Zh}）";
            return Contraindicated(vaccine) is { } ci
                ? $"{v.Zh}禁忌（{ci.Reason}，{Iso(ci.From)}起{(ci.Until is { } u ? $"至{Iso(u)}" : "")}）"
                : null;
        }
    }

    // ---------------------------------------------------------------- counting

    /// <summary>
    /// Walks the series' doses in date order: each is judged as the next dose number against the rule for that
    /// number in the rule set of its day. A dose that fails stays recorded, marked invalid with the reason, and
    /// the next dose is judged against the same number again (catch-up never restarts, never skips).
    /// </summary>
    private static (List<DoseEvaluation> All, List<GivenDose> Valid) Count(Context c, Series series, IEnumerable<GivenDose> doses,
        Func<int, GivenDose, List<GivenDose>, NipSchedule, DoseRule?> ruleFor, Func<GivenDose, int, List<GivenDose>, string?>? extra = null,
        string complete = "全程已完成，本剂不计入")
    {
        var all = new List<DoseEvaluation>();
        var valid = new List<GivenDose>();
        foreach (var d in doses)
        {
            var n = valid.Count + 1;
            var rule = ruleFor(n, d, valid, c.ScheduleOn(d.Date));
            var reason = rule is null ? complete : c.Blocked(d) ?? extra?.Invoke(d, n, valid) ?? Check(c, d, rule, valid);
            if (reason is null)
            {
                valid.Add(d);
                var timely = rule!.CompleteBefore is { } before && d.Date < c.At(before);
                all.Add(new DoseEvaluation(d, series, n, true, $"第{n}剂有效" + (rule.CompleteBefore is { } b && !timely ? $"（未在{b.Zh}前完成，不属及时接种）" : ""), timely));
            }
            else all.Add(new DoseEvaluation(d, series, n, false, rule is null ? reason : $"第{n}剂不计入：{reason}"));
        }
        return (all, valid);
    }

    private static string? Check(Context c, GivenDose d, DoseRule rule, List<GivenDose> valid)
    {
        var minAge = c.At(rule.MinAge);
        if (d.Date < minAge) return $"早于最小接种年龄{rule.MinAge.Zh}（{Iso(minAge)}）";
        if (valid.Count > 0 && !rule.MinInterval.IsZero && d.Date < rule.MinInterval.After(valid[^1].Date))
            return $"与上一剂（{Iso(valid[^1].Date)}）间隔不足{rule.MinInterval.IntervalZh}";
        if (valid.Count > 0 && rule.MinIntervalFromFirst is { } first && d.Date < first.After(valid[0].Date))
            return $"与第1剂（{Iso(valid[0].Date)}）间隔不足{first.IntervalZh}";
        return null;
    }

    // ---------------------------------------------------------------- the next dose and its status

    private static NextDose Next(Context c, int number, string vaccine, DoseRule rule, List<GivenDose> valid, List<string> reasons,
        Span? recommendedAge = null, DateOnly? lastDay = null, Span? intervalOverride = null)
    {
        var earliest = c.At(rule.MinAge);
        var interval = intervalOverride ?? rule.MinInterval;
        if (valid.Count > 0 && !interval.IsZero) earliest = Max(earliest, interval.After(valid[^1].Date));
        if (valid.Count > 0 && rule.MinIntervalFromFirst is { } first) earliest = Max(earliest, first.After(valid[0].Date));
        var (cross, why) = c.CrossSeriesEarliest(Vaccines.Find(vaccine)!);
        if (cross > earliest) { earliest = cross; reasons.Add(why!); }
        var recommended = Max(earliest, c.At(recommendedAge ?? rule.MinAge));
        return new NextDose(number, vaccine, earliest, recommended, c.Schedule.OverdueAfter.After(recommended), lastDay ?? c.At(c.Schedule.CatchUpBefore));
    }

    private static SeriesForecast Finish(Context c, Series series, List<DoseEvaluation> doses, NextDose? next, List<string> reasons, string? cannot = null)
    {
        var name = Vaccines.SeriesZh(series);
        if (next is null)
            return new SeriesForecast(series, doses, true, null, ForecastStatus.Complete, Join([$"{name}已完成（{doses.Count(d => d.Valid)}剂有效）", .. reasons]));
        var vaccine = Vaccines.Find(next.Vaccine)!;
        var what = $"第{next.DoseNumber}剂{vaccine.Zh}";
        if (cannot is not null)
            return new SeriesForecast(series, doses, false, next, ForecastStatus.Contraindicated, Join([$"{what}暂不接种：{cannot}", .. reasons]));
        if (next.LastDay is { } last && (c.AsOf >= last || next.Earliest >= last))
            return new SeriesForecast(series, doses, false, next, ForecastStatus.AgedOut,
                Join([$"{what}须在{Iso(last)}前接种，已超过可接种年龄，不再补种", .. reasons]));
        var when = next.Earliest < next.Recommended ? $"推荐{Iso(next.Recommended)}（最早{Iso(next.Earliest)}）" : $"{Iso(next.Recommended)}起可接种";
        var (status, head) = c.AsOf < next.Recommended
            ? (ForecastStatus.NotDue, $"{what}未到期：{when}")
            : c.AsOf >= next.OverdueFrom
                ? (ForecastStatus.Overdue, $"{what}已逾期{c.AsOf.DayNumber - next.Recommended.DayNumber}天（应于{Iso(next.Recommended)}接种），请尽快补种")
                : (ForecastStatus.Due, $"{what}已到期：{when}");
        return new SeriesForecast(series, doses, false, next, status, Join([head, .. reasons]));
    }

    private static string Join(IEnumerable<string> parts) => string.Join("；", parts.Where(p => !string.IsNullOrEmpty(p)).Distinct());

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // ---------------------------------------------------------------- series

    private static SeriesForecast HepB(Context c)
    {
        var reasons = new List<string>();
        var lowWeight = c.Child.LowBirthWeight && c.Child.MotherHBsAg != HBsAgStatus.Negative;
        IReadOnlyList<DoseRule> Rules(NipSchedule s) => lowWeight ? s.HepBLowBirthWeight : s.HepB;
        if (c.Child.MotherHBsAg == HBsAgStatus.Positive)
            reasons.Add("母亲HBsAg阳性：第1剂于出生后12小时内接种，同时在不同部位注射乙肝免疫球蛋白（HBIG）100 IU；使用20 µg CHO乙肝疫苗；全程后检测乙肝表面抗原和抗体，抗-HBs<10 mIU/ml者再接种3剂");
        else if (c.Child.MotherHBsAg == HBsAgStatus.Unknown)
            reasons.Add("母亲HBsAg不详：第1剂于出生后12小时内接种");
        if (lowWeight) reasons.Add($"出生体重{c.Child.BirthWeightGrams}克（<2000克）：出生时接种1剂，满1月龄后按0、1、6月程序再接种3剂，共4剂");
        var (all, valid) = Count(c, Series.HepB, c.Of("HepB"), (n, _, _, s) => Rules(s).ElementAtOrDefault(n - 1));
        var rules = Rules(c.Schedule);
        if (valid.Count >= rules.Count) return Finish(c, Series.HepB, all, null, reasons);
        var rule = rules[valid.Count];
        return Finish(c, Series.HepB, all, Next(c, valid.Count + 1, "HepB", rule, valid, reasons), reasons, c.CannotGive("HepB"));
    }

    private static SeriesForecast Bcg(Context c)
    {
        var reasons = new List<string>();
        var noneFrom = c.At(c.Schedule.BcgNoneFrom);
        var (all, valid) = Count(c, Series.BCG, c.Of("BCG"),
            (n, _, _, _) => n == 1 ? new DoseRule(1, "BCG", default, default, c.Schedule.BcgDirectBefore) : null,
            (d, _, _) => d.Date >= noneFrom ? "满4周岁不再接种卡介苗" : null,
            complete: "卡介苗只接种1剂，不复种（未留卡痕者也不补种）");
        if (valid.Count >= 1) return Finish(c, Series.BCG, all, null, reasons);
        var directBefore = c.At(c.Schedule.BcgDirectBefore);
        if (c.AsOf >= directBefore && c.AsOf < noneFrom)
        {
            if (c.Child.Ppd == PpdResult.Positive)
                return Finish(c, Series.BCG, all, null, [$"PPD试验阳性（{(c.Child.PpdDate is { } tested ? Iso(tested) : "日期不详")}），不需补种卡介苗"]);
            reasons.Add(c.Child.Ppd == PpdResult.Negative
                ? $"PPD试验阴性（{(c.Child.PpdDate is { } p ? Iso(p) : "日期不详")}），可补种卡介苗"
                : "3月龄至3周岁补种卡介苗前须做PPD试验，阴性者方可接种");
        }
        else if (c.AsOf < directBefore) reasons.Add("3月龄内可直接接种卡介苗");
        var rule = new DoseRule(1, "BCG", default, default);
        return Finish(c, Series.BCG, all, Next(c, 1, "BCG", rule, valid, reasons, lastDay: noneFrom), reasons, c.CannotGive("BCG"));
    }

    private static SeriesForecast Polio(Context c)
    {
        var reasons = new List<string>();
        var (all, valid) = Count(c, Series.Polio, c.Of("IPV", "bOPV"), (n, _, _, s) => s.Polio.ElementAtOrDefault(n - 1));
        var ipv = valid.Count(d => d.Vaccine == "IPV");
        if (ipv >= 4) return Finish(c, Series.Polio, all, null, ["已接种4剂IPV，不再接种bOPV"]);
        if (valid.Count >= c.Schedule.Polio.Count) return Finish(c, Series.Polio, all, null, reasons);
        var rule = c.Schedule.Polio[valid.Count];
        var useIpv = ipv < 2 || c.Child.Immunodeficient || c.Contraindicated("bOPV") is not null;
        if (ipv < 2) reasons.Add("先IPV后bOPV：前2剂使用IPV");
        else if (useIpv) reasons.Add(c.Child.Immunodeficient ? "免疫缺陷：后续剂次使用IPV，不用bOPV" : "bOPV禁忌：后续剂次使用IPV");
        var age = c.At(Span.OfYears(4));
        if (valid.Count < 3 && c.AsOf < age) reasons.Add("4周岁前补齐3剂，满4周岁再接种第4剂");
        else if (c.AsOf >= age && valid.Count < 4) reasons.Add("满4周岁共需4剂，各剂间隔≥28天");
        var vaccine = useIpv ? "IPV" : "bOPV";
        return Finish(c, Series.Polio, all, Next(c, valid.Count + 1, vaccine, rule, valid, reasons), reasons, c.CannotGive(vaccine));
    }

    private static SeriesForecast Dtap(Context c)
    {
        var reasons = new List<string>();
        var dtFrom = c.At(c.Schedule.DtFrom);
        bool SixPlus(DateOnly d) => d >= dtFrom;
        // catch-up from 6 years: DT completes 3 doses (1–2 months, then 6–12 months apart); 3 doses only → 1 more ≥ 6 months later;
        // 4 DTaP and no booster by 7 years → booster ≥ 12 months after the 4th
        DoseRule? RuleFor(int n, GivenDose d, List<GivenDose> valid, NipSchedule s)
        {
            if (DtapComplete(valid)) return null;
            if (!SixPlus(d.Date)) return s.Dtap.ElementAtOrDefault(n - 1);
            return CatchUpRule(n, valid, s, d.Date);
        }
        DoseRule CatchUpRule(int n, List<GivenDose> valid, NipSchedule s, DateOnly on)
        {
            var vaccine = n >= 5 ? s.DtapBoosterVaccine : "DT";
            var interval = n switch
            {
                1 => default,
                2 => Span.OfMonths(1),
                3 => Span.OfMonths(6),
                4 => Span.OfMonths(6),
                _ => on >= c.At(Span.OfYears(7)) ? Span.OfMonths(12) : default,
            };
            return new DoseRule(n, vaccine, c.Schedule.DtFrom, interval);
        }
        bool DtapComplete(List<GivenDose> valid) =>
            valid.Count >= 5 || (valid.Count >= 3 && SixPlus(valid[^1].Date));
        var (all, valid) = Count(c, Series.DTaP, c.Of("DTaP", "DT"), RuleFor,
            (d, _, _) => d.Vaccine == "DT" && !SixPlus(d.Date) ? "白破疫苗用于6周岁及以上儿童" : null);
        if (DtapComplete(valid))
        {
            if (valid.Count < 5) reasons.Add($"6周岁后补种完成（共{valid.Count}剂）");
            return Finish(c, Series.DTaP, all, null, reasons);
        }
        var n = valid.Count + 1;
        NextDose next;
        string vaccine;
        if (n <= 4 && !SixPlus(c.AsOf))
        {
            var rule = c.Schedule.Dtap[n - 1];
            vaccine = rule.Vaccine;
            next = Next(c, n, vaccine, rule, valid, reasons);
            if (SixPlus(next.Earliest)) { vaccine = "DT"; next = Next(c, n, vaccine, CatchUpRule(n, valid, c.Schedule, next.Earliest), valid, reasons); }
        }
        else if (n == 5)
        {
            var rule = CatchUpRule(5, valid, c.Schedule, c.AsOf);
            vaccine = rule.Vaccine;
            if (!rule.MinInterval.IsZero) reasons.Add("4剂百白破后满7周岁仍未加强：与第4剂间隔≥12个月");
            next = Next(c, n, vaccine, rule, valid, reasons, recommendedAge: c.Schedule.Dtap[4].MinAge);
        }
        else
        {
            var rule = CatchUpRule(n, valid, c.Schedule, c.AsOf);
            vaccine = rule.Vaccine;
            reasons.Add(valid.Count == 3 ? "≥6周岁已接种3剂：再用白破疫苗加强1剂（与第3剂间隔≥6个月）" : "≥6周岁百白破/白破累计不足3剂：用白破疫苗补齐3剂（第1、2剂间隔1–2个月，第2、3剂间隔6–12个月）");
            next = Next(c, n, vaccine, rule, valid, reasons);
        }
        if (vaccine == "DT")
            reasons.Add(Max(next.Recommended, c.AsOf) >= c.At(c.Schedule.DtAdultFormulationFrom) ? "使用成人及青少年用白破疫苗" : "使用儿童用白破疫苗（6–11周岁）");
        return Finish(c, Series.DTaP, all, next, reasons, c.CannotGive(vaccine));
    }

    private static SeriesForecast Mmr(Context c)
    {
        var reasons = new List<string>();
        var (all, valid) = Count(c, Series.MMR, c.Of("MMR"), (n, _, _, s) => s.Mmr.ElementAtOrDefault(n - 1));
        if (valid.Count >= c.Schedule.Mmr.Count) return Finish(c, Series.MMR, all, null, reasons);
        return Finish(c, Series.MMR, all, Next(c, valid.Count + 1, "MMR", c.Schedule.Mmr[valid.Count], valid, reasons), reasons, c.CannotGive("MMR"));
    }

    /// <summary>JE: 2 doses of the live vaccine, or 4 of the inactivated one; the first dose given decides the series.</summary>
    private static SeriesForecast Je(Context c)
    {
        var reasons = new List<string>();
        var first = c.Of("JE-L", "JE-I").FirstOrDefault(d => c.Blocked(d) is null)?.Vaccine;
        var product = first ?? (c.CannotGive("JE-L") is null ? "JE-L" : "JE-I");
        if (first is null && product == "JE-I") reasons.Add($"不宜用乙脑减毒活疫苗（{c.CannotGive("JE-L")}），改用乙脑灭活疫苗4剂程序");
        var other = product == "JE-L" ? "JE-I" : "JE-L";
        IReadOnlyList<DoseRule> Rules(NipSchedule s) => product == "JE-L" ? s.JeLive : s.JeInactivated;
        var (all, valid) = Count(c, Series.JE, c.Of("JE-L", "JE-I"), (n, _, _, s) => Rules(s).ElementAtOrDefault(n - 1),
            (d, _, _) => d.Vaccine == other ? $"本儿童按{Vaccines.Find(product)!.Zh}程序接种，{Vaccines.Find(other)!.Zh}剂次不计入" : null);
        var rules = Rules(c.Schedule);
        if (valid.Count >= rules.Count) return Finish(c, Series.JE, all, null, reasons);
        if (product == "JE-L" && valid.Count == 1) reasons.Add("乙脑减毒活疫苗2剂间隔≥12个月");
        return Finish(c, Series.JE, all, Next(c, valid.Count + 1, product, rules[valid.Count], valid, reasons), reasons, c.CannotGive(product));
    }

    private static SeriesForecast MenA(Context c)
    {
        var reasons = new List<string>();
        var noneFrom = c.At(c.Schedule.MenANoneFrom);
        var (all, valid) = Count(c, Series.MenA, c.Of("MPSV-A"), (n, _, _, s) => s.MenA.ElementAtOrDefault(n - 1),
            (d, _, _) => d.Date >= noneFrom ? "满24月龄不再接种A群流脑多糖疫苗" : null);
        if (valid.Count >= c.Schedule.MenA.Count) return Finish(c, Series.MenA, all, null, reasons);
        reasons.Add("满24月龄未完成者不再接种A群流脑疫苗，改种A群C群流脑疫苗");
        return Finish(c, Series.MenA, all, Next(c, valid.Count + 1, "MPSV-A", c.Schedule.MenA[valid.Count], valid, reasons, lastDay: noneFrom), reasons, c.CannotGive("MPSV-A"));
    }

    /// <summary>
    /// MPSV-AC: after 2 A doses, at 3 years and ≥ 12 months after the 2nd A dose; after 1 A dose, from 24 months and
    /// ≥ 3 months after it; with no A dose, from 24 months. The 2nd AC dose ≥ 3 years after the 1st (routinely 6 years).
    /// </summary>
    private static SeriesForecast MenAC(Context c)
    {
        var reasons = new List<string>();
        var aDoses = Count(c, Series.MenA, c.Of("MPSV-A"), (n, _, _, s) => s.MenA.ElementAtOrDefault(n - 1),
            (d, _, _) => d.Date >= c.At(c.Schedule.MenANoneFrom) ? "" : null).Valid;
        DoseRule First() => aDoses.Count switch
        {
            >= 2 => new DoseRule(1, "MPSV-AC", Span.OfYears(3), default, Span.OfYears(4)),
            _ => new DoseRule(1, "MPSV-AC", Span.OfMonths(24), default, Span.OfYears(4)),
        };
        var afterA = aDoses.Count >= 2 ? Span.OfMonths(12) : Span.OfMonths(3);
        var second = new DoseRule(2, "MPSV-AC", Span.OfMonths(24), Span.OfYears(3), Span.OfYears(7));
        var (all, valid) = Count(c, Series.MenAC, c.Of("MPSV-AC"), (n, _, _, _) => n switch { 1 => First(), 2 => second, _ => null },
            (d, n, _) => n == 1 && aDoses.Count > 0 && d.Date < afterA.After(aDoses[^1].Date)
                ? $"与A群流脑疫苗（{Iso(aDoses[^1].Date)}）间隔不足{afterA.IntervalZh}" : null);
        if (valid.Count >= 2) return Finish(c, Series.MenAC, all, null, reasons);
        NextDose next;
        if (valid.Count == 0)
        {
            var rule = First();
            if (aDoses.Count == 1) reasons.Add("仅接种1剂A群流脑疫苗：满24月龄后接种A群C群流脑疫苗，与A群间隔≥3个月");
            else if (aDoses.Count == 0 && c.AsOf >= c.At(c.Schedule.MenANoneFrom)) reasons.Add("未接种A群流脑疫苗：满24月龄后接种2剂A群C群流脑疫苗，间隔≥3年");
            var afterADate = aDoses.Count > 0 ? afterA.After(aDoses[^1].Date) : c.Birth;
            next = Next(c, 1, "MPSV-AC", rule, valid, reasons,
                recommendedAge: aDoses.Count >= 2 || c.AsOf < c.At(c.Schedule.MenANoneFrom) ? Span.OfYears(3) : rule.MinAge);
            if (afterADate > next.Earliest) next = next with { Earliest = afterADate, Recommended = Max(next.Recommended, afterADate), OverdueFrom = c.Schedule.OverdueAfter.After(Max(next.Recommended, afterADate)) };
        }
        else next = Next(c, 2, "MPSV-AC", second, valid, reasons, recommendedAge: Span.OfYears(6));
        return Finish(c, Series.MenAC, all, next, reasons, c.CannotGive("MPSV-AC"));
    }

    /// <summary>HepA: 1 live dose, or 2 inactivated doses ≥ 6 months apart; a live dose may complete an inactivated series.</summary>
    private static SeriesForecast HepA(Context c)
    {
        var reasons = new List<string>();
        var live = new DoseRule(1, "HepA-L", Span.OfMonths(18), default, Span.OfMonths(24));
        var (all, valid) = Count(c, Series.HepA, c.Of("HepA-L", "HepA-I"),
            (n, d, v, s) => v.Any(x => x.Vaccine == "HepA-L") ? null
                : d.Vaccine == "HepA-L" ? live with { Number = n }
                : s.HepAInactivated.ElementAtOrDefault(n - 1),
            complete: "甲肝疫苗已完成，本剂不计入");
        if (valid.Any(d => d.Vaccine == "HepA-L") || valid.Count(d => d.Vaccine == "HepA-I") >= c.Schedule.HepAInactivated.Count)
            return Finish(c, Series.HepA, all, null, reasons);
        if (valid.Count == 1)
        {
            reasons.Add("已接种1剂甲肝灭活疫苗：第2剂间隔≥6个月（也可用1剂甲肝减毒活疫苗完成）");
            return Finish(c, Series.HepA, all, Next(c, 2, "HepA-I", c.Schedule.HepAInactivated[1], valid, reasons), reasons, c.CannotGive("HepA-I"));
        }
        var cannotLive = c.CannotGive("HepA-L");
        if (cannotLive is null) return Finish(c, Series.HepA, all, Next(c, 1, "HepA-L", live, valid, reasons), reasons);
        reasons.Add($"不宜用甲肝减毒活疫苗（{cannotLive}），改用甲肝灭活疫苗2剂");
        return Finish(c, Series.HepA, all, Next(c, 1, "HepA-I", c.Schedule.HepAInactivated[0], valid, reasons), reasons, c.CannotGive("HepA-I"));
    }
}
