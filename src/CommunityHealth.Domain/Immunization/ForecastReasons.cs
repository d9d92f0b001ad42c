using System.Text.RegularExpressions;

namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// The English of the forecaster's reasons. The forecaster writes its reasons in Chinese (the nurse's language, and what
/// is stored with each dose as its validity reason); each Chinese template here has its English beside it, so a reason
/// stored years ago reads in English too. Placeholders: {n} {k} {g} numbers, {d} {e} dates, {v} {w} vaccine names,
/// {S} a series, {a} an age, {i} an interval, {r} a nested reason (translated in turn), {x} free text (kept as written).
/// A part no template matches stays Chinese; <see cref="IsTranslated"/> tells, and a test keeps every reason covered.
/// </summary>
public static partial class ForecastReasons
{
    private static readonly (string Zh, string En)[] Templates =
    [
        ("未知疫苗代码“{x}”，不计入任何程序", "Unknown vaccine code “{x}”: counted in no series"),
        ("接种日期早于出生日期", "Given before the date of birth"),
        ("与注射用减毒活疫苗{v}（{d}）非同日接种且间隔不足28天", "Less than 28 days after the injectable live vaccine {v} ({d}), not on the same day"),
        ("注射免疫球蛋白（{d}）后未满{i}", "Less than {i} after immunoglobulin ({d})"),
        ("距上次注射用减毒活疫苗（{d}）须满28天", "28 days must pass after the last injectable live vaccine ({d})"),
        ("注射免疫球蛋白（{d}）后须满{i}", "{i} must pass after immunoglobulin ({d})"),
        ("免疫缺陷或HIV感染/暴露：禁用减毒活疫苗（{v}）", "Immunodeficiency or HIV infection/exposure: no live vaccines ({v})"),
        ("{v}禁忌（{x}，{d}起至{e}）", "{v} contraindicated ({x}, from {d} until {e})"),
        ("{v}禁忌（{x}，{d}起）", "{v} contraindicated ({x}, from {d})"),
        ("全程已完成，本剂不计入", "Series already complete: this dose does not count"),
        ("第{n}剂有效（未在{a}前完成，不属及时接种）", "Dose {n} valid (not given before {a}: not timely)"),
        ("第{n}剂有效", "Dose {n} valid"),
        ("第{n}剂不计入：{r}", "Dose {n} does not count: {r}"),
        ("早于最小接种年龄{a}（{d}）", "Before the minimum age of {a} ({d})"),
        ("与上一剂（{d}）间隔不足{i}", "Less than {i} after the previous dose ({d})"),
        ("与第1剂（{d}）间隔不足{i}", "Less than {i} after dose 1 ({d})"),
        ("{S}已完成（{n}剂有效）", "{S} complete (valid doses: {n})"),
        ("第{n}剂{v}暂不接种：{r}", "Dose {n} of {v} not to be given for now: {r}"),
        ("第{n}剂{v}须在{d}前接种，已超过可接种年龄，不再补种", "Dose {n} of {v} had to be given before {d}: past the age limit, no catch-up"),
        ("第{n}剂{v}未到期：{r}", "Dose {n} of {v} not yet due: {r}"),
        ("第{n}剂{v}已逾期{k}天（应于{d}接种），请尽快补种", "Dose {n} of {v} overdue by {k} days (due {d}): catch up soon"),
        ("第{n}剂{v}已到期：{r}", "Dose {n} of {v} due: {r}"),
        ("推荐{d}（最早{e}）", "recommended {d} (earliest {e})"),
        ("{d}起可接种", "may be given from {d}"),
        ("母亲HBsAg阳性：第1剂于出生后12小时内接种，同时在不同部位注射乙肝免疫球蛋白（HBIG）100 IU；使用20 µg CHO乙肝疫苗；全程后检测乙肝表面抗原和抗体，抗-HBs<10 mIU/ml者再接种3剂",
            "Mother HBsAg positive: dose 1 within 12 hours of birth, with hepatitis B immunoglobulin (HBIG) 100 IU at another site; use 20 µg CHO hepatitis B vaccine; after the series test HBsAg and anti-HBs, and give 3 more doses if anti-HBs < 10 mIU/ml"),
        ("母亲HBsAg不详：第1剂于出生后12小时内接种", "Mother's HBsAg unknown: dose 1 within 12 hours of birth"),
        ("出生体重{g}克（<2000克）：出生时接种1剂，满1月龄后按0、1、6月程序再接种3剂，共4剂",
            "Birth weight {g} g (< 2000 g): one dose at birth, then 3 doses on the 0-1-6 month schedule from 1 month of age, 4 in all"),
        ("满4周岁不再接种卡介苗", "No BCG from 4 years of age"),
        ("卡介苗只接种1剂，不复种（未留卡痕者也不补种）", "BCG is one dose only and never repeated (not even without a scar)"),
        ("PPD试验阳性（{r}），不需补种卡介苗", "PPD test positive ({r}): no BCG catch-up needed"),
        ("PPD试验阴性（{r}），可补种卡介苗", "PPD test negative ({r}): BCG catch-up may be given"),
        ("日期不详", "date unknown"),
        ("3月龄至3周岁补种卡介苗前须做PPD试验，阴性者方可接种", "From 3 months to 3 years a PPD test comes before BCG catch-up; only a negative child is vaccinated"),
        ("3月龄内可直接接种卡介苗", "Under 3 months BCG may be given directly"),
        ("已接种4剂IPV，不再接种bOPV", "4 IPV doses given: no bOPV"),
        ("先IPV后bOPV：前2剂使用IPV", "IPV first, then bOPV: the first 2 doses are IPV"),
        ("免疫缺陷：后续剂次使用IPV，不用bOPV", "Immunodeficiency: later doses IPV, not bOPV"),
        ("bOPV禁忌：后续剂次使用IPV", "bOPV contraindicated: later doses IPV"),
        ("4周岁前补齐3剂，满4周岁再接种第4剂", "Complete 3 doses before 4 years; dose 4 from 4 years"),
        ("满4周岁共需4剂，各剂间隔≥28天", "From 4 years 4 doses are needed, each ≥ 28 days apart"),
        ("白破疫苗用于6周岁及以上儿童", "DT is for children aged 6 years and over"),
        ("6周岁后补种完成（共{n}剂）", "Catch-up after 6 years complete ({n} doses in all)"),
        ("4剂百白破后满7周岁仍未加强：与第4剂间隔≥12个月", "No booster by 7 years after 4 DTaP doses: ≥ 12 months after dose 4"),
        ("≥6周岁已接种3剂：再用白破疫苗加强1剂（与第3剂间隔≥6个月）", "6 years or older with 3 doses: one DT booster (≥ 6 months after dose 3)"),
        ("≥6周岁百白破/白破累计不足3剂：用白破疫苗补齐3剂（第1、2剂间隔1–2个月，第2、3剂间隔6–12个月）",
            "6 years or older with fewer than 3 DTaP/DT doses: complete 3 doses with DT (doses 1 and 2 1–2 months apart, doses 2 and 3 6–12 months apart)"),
        ("使用成人及青少年用白破疫苗", "Use the adult and adolescent DT formulation"),
        ("使用儿童用白破疫苗（6–11周岁）", "Use the children's DT formulation (6–11 years)"),
        ("不宜用乙脑减毒活疫苗（{r}），改用乙脑灭活疫苗4剂程序", "Live JE vaccine not suitable ({r}): the 4-dose inactivated JE schedule instead"),
        ("本儿童按{v}程序接种，{w}剂次不计入", "This child follows the {v} schedule: {w} doses do not count"),
        ("乙脑减毒活疫苗2剂间隔≥12个月", "The 2 live JE doses ≥ 12 months apart"),
        ("满24月龄不再接种A群流脑多糖疫苗", "No MPSV-A from 24 months of age"),
        ("满24月龄未完成者不再接种A群流脑疫苗，改种A群C群流脑疫苗", "Not complete by 24 months: no more MPSV-A, MPSV-AC instead"),
        ("与A群流脑疫苗（{d}）间隔不足{i}", "Less than {i} after MPSV-A ({d})"),
        ("仅接种1剂A群流脑疫苗：满24月龄后接种A群C群流脑疫苗，与A群间隔≥3个月", "Only 1 MPSV-A dose: MPSV-AC from 24 months, ≥ 3 months after MPSV-A"),
        ("未接种A群流脑疫苗：满24月龄后接种2剂A群C群流脑疫苗，间隔≥3年", "No MPSV-A given: 2 doses of MPSV-AC from 24 months, ≥ 3 years apart"),
        ("甲肝疫苗已完成，本剂不计入", "Hepatitis A series complete: this dose does not count"),
        ("已接种1剂甲肝灭活疫苗：第2剂间隔≥6个月（也可用1剂甲肝减毒活疫苗完成）", "1 inactivated HepA dose given: dose 2 ≥ 6 months later (or complete with 1 live HepA dose)"),
        ("不宜用甲肝减毒活疫苗（{r}），改用甲肝灭活疫苗2剂", "Live HepA vaccine not suitable ({r}): 2 inactivated HepA doses instead"),
        ("{d}", "{d}"),
    ];

    private static readonly (Regex Zh, string En)[] Compiled = Templates.Select(t => (Compile(t.Zh), t.En)).ToArray();

    private static readonly Dictionary<string, Vaccine> VaccinesByZh = Vaccines.All.ToDictionary(v => v.Zh, StringComparer.Ordinal);

    private static readonly Dictionary<string, Series> SeriesByZh = Enum.GetValues<Series>().ToDictionary(Vaccines.SeriesZh, StringComparer.Ordinal);

    /// <summary>The reason in English; parts (separated by "；") no template matches stay as written.</summary>
    public static string En(string? zh)
    {
        if (string.IsNullOrEmpty(zh)) return zh ?? "";
        var parts = zh.Split('；');
        var result = new List<string>();
        for (var i = 0; i < parts.Length;)
        {
            // a template may itself hold "；" (the HBsAg-positive advice): try the longest joins last
            var taken = 0;
            for (var len = 1; len <= Math.Min(3, parts.Length - i) && taken == 0; len++)
                if (TryOne(string.Join('；', parts, i, len)) is { } en) { result.Add(en); taken = len; }
            if (taken == 0) { result.Add(parts[i]); taken = 1; }
            i += taken;
        }
        return string.Join("; ", result);
    }

    /// <summary>Whether every part of the reason has an English template (free text inside a template excepted).</summary>
    public static bool IsTranslated(string zh) => Untranslated(zh).Count == 0;

    /// <summary>The parts of a reason no template matches.</summary>
    public static IReadOnlyList<string> Untranslated(string zh)
    {
        var parts = zh.Split('；');
        var missing = new List<string>();
        for (var i = 0; i < parts.Length;)
        {
            var taken = 0;
            for (var len = 1; len <= Math.Min(3, parts.Length - i) && taken == 0; len++)
                if (TryOne(string.Join('；', parts, i, len)) is not null) taken = len;
            if (taken == 0) { missing.Add(parts[i]); taken = 1; }
            i += taken;
        }
        return missing;
    }

    /// <summary>An age or interval as <see cref="Span.Zh"/>/<see cref="Span.IntervalZh"/> write it, in English.</summary>
    public static string SpanEn(string zh)
    {
        if (zh == "出生时") return "birth";
        var m = SpanPattern().Match(zh);
        if (!m.Success) return zh;
        var bits = new List<string>();
        void Add(Group g, string unit) { if (g.Success) bits.Add($"{g.Value} {unit}{(g.Value == "1" ? "" : "s")}"); }
        Add(m.Groups["y"], "year");
        Add(m.Groups["m"], "month");
        Add(m.Groups["d"], "day");
        return bits.Count == 0 ? zh : string.Join(" ", bits);
    }

    private static string? TryOne(string zh)
    {
        if (zh.Length == 0) return "";
        foreach (var (regex, en) in Compiled)
        {
            var m = regex.Match(zh);
            if (!m.Success) continue;
            return Placeholder().Replace(en, p =>
            {
                var name = p.Groups[1].Value;
                var value = m.Groups[name].Value;
                return name switch
                {
                    "v" or "w" => VaccinesByZh.TryGetValue(value, out var v) ? v.En : value,
                    "S" => SeriesByZh.TryGetValue(value, out var s) ? Vaccines.SeriesEn(s) : value,
                    "a" or "i" => SpanEn(value),
                    "r" => value.Length == 0 ? "" : En(value),
                    _ => value,
                };
            });
        }
        return null;
    }

    private static Regex Compile(string template)
    {
        var vaccines = string.Join('|', Vaccines.All.Select(v => v.Zh).OrderByDescending(z => z.Length).Select(Regex.Escape));
        var series = string.Join('|', Enum.GetValues<Series>().Select(Vaccines.SeriesZh).Distinct().OrderByDescending(z => z.Length).Select(Regex.Escape));
        var pattern = string.Concat(Placeholder().Split(template).Select((piece, i) => i % 2 == 0 ? Regex.Escape(piece) : piece switch
        {
            "n" or "k" or "g" => $"(?<{piece}>\\d+)",
            "d" or "e" => $"(?<{piece}>\\d{{4}}-\\d{{2}}-\\d{{2}})",
            "v" or "w" => $"(?<{piece}>{vaccines})",
            "S" => $"(?<S>{series})",
            "a" or "i" => $"(?<{piece}>出生时|\\d+周岁|\\d+月龄|(?:\\d+年)?(?:\\d+个月)?(?:\\d+天)?)",
            "r" => "(?<r>.*)",
            _ => $"(?<{piece}>.+?)",
        }));
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(\w)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?:(?<y>\d+)(?:周岁|年))?(?:(?<m>\d+)(?:个月|月龄))?(?:(?<d>\d+)天)?$")]
    private static partial Regex SpanPattern();
}
