using System.Globalization;

namespace CommunityHealth.Domain.Immunization;

/// <summary>An age or an interval in calendar years, months and days ("X月龄" = completed months).</summary>
public readonly record struct Span(int Years = 0, int Months = 0, int Days = 0)
{
    public static Span OfDays(int d) => new(0, 0, d);
    public static Span OfMonths(int m) => new(0, m, 0);
    public static Span OfYears(int y) => new(y, 0, 0);

    /// <summary>The date this span after <paramref name="from"/> (a child born on 31 January is 1 month old on 28/29 February).</summary>
    public DateOnly After(DateOnly from) => from.AddYears(Years).AddMonths(Months).AddDays(Days);

    public bool IsZero => Years == 0 && Months == 0 && Days == 0;

    public string Zh => IsZero ? "出生时"
        : Years > 0 && Months == 0 && Days == 0 ? $"{Years}周岁"
        : Years == 0 && Days == 0 ? $"{Months}月龄"
        : Years == 0 && Months == 0 ? $"{Days}天"
        : $"{(Years > 0 ? $"{Years}年" : "")}{(Months > 0 ? $"{Months}个月" : "")}{(Days > 0 ? $"{Days}天" : "")}";

    /// <summary>The same span read as an interval ("28天", "6个月", "3年").</summary>
    public string IntervalZh => Years > 0 && Months == 0 && Days == 0 ? $"{Years}年" : Years == 0 && Days == 0 ? $"{Months}个月" : Zh;
}

/// <summary>
/// One dose of a series: the vaccine, the minimum age (the schedule's age is the minimum age), the minimum
/// interval from the previous counted dose, an optional minimum interval from the first dose, and the age
/// before which the dose counts as timely (及时, the schedule's "complete before").
/// </summary>
public sealed record DoseRule(int Number, string Vaccine, Span MinAge, Span MinInterval, Span? CompleteBefore = null, Span? MinIntervalFromFirst = null);

/// <summary>
/// A version of the national child schedule. The rule set for a dose is the one in force on the dose's date
/// (and, for the forecast, on the evaluation date) for the child's birth cohort: see <see cref="NipSchedules.For"/>.
/// </summary>
public sealed record NipSchedule(
    string Id,
    string Name,
    DateOnly EffectiveFrom,
    IReadOnlyList<DoseRule> HepB,
    IReadOnlyList<DoseRule> HepBLowBirthWeight,
    IReadOnlyList<DoseRule> Polio,
    IReadOnlyList<DoseRule> Dtap,
    string DtapBoosterVaccine,
    IReadOnlyList<DoseRule> Mmr,
    IReadOnlyList<DoseRule> JeLive,
    IReadOnlyList<DoseRule> JeInactivated,
    IReadOnlyList<DoseRule> MenA,
    IReadOnlyList<DoseRule> HepAInactivated)
{
    /// <summary>Injectable live vaccines not given the same day must be at least this far apart.</summary>
    public Span LiveVaccineInterval { get; init; } = Span.OfDays(28);
    /// <summary>BCG: given directly before 3 months; from 3 months to before 4 years only after a negative PPD; none from 4 years.</summary>
    public Span BcgDirectBefore { get; init; } = Span.OfMonths(3);
    public Span BcgNoneFrom { get; init; } = Span.OfYears(4);
    /// <summary>MPSV-A only before 24 months; from then MPSV-AC.</summary>
    public Span MenANoneFrom { get; init; } = Span.OfMonths(24);
    /// <summary>Catch-up of NIP doses is for children under 18 years.</summary>
    public Span CatchUpBefore { get; init; } = Span.OfYears(18);
    /// <summary>Age from which DTaP doses are replaced by DT in catch-up (≥ 6 years).</summary>
    public Span DtFrom { get; init; } = Span.OfYears(6);
    /// <summary>DT: child formulation 6–11 years, adult formulation from 12.</summary>
    public Span DtAdultFormulationFrom { get; init; } = Span.OfYears(12);
    /// <summary>After immunoglobulin: wait before MMR, JE-L, HepA-L; and before JE-I.</summary>
    public Span ImmunoglobulinBeforeLive { get; init; } = Span.OfMonths(3);
    public Span ImmunoglobulinBeforeJeInactivated { get; init; } = Span.OfMonths(1);
    /// <summary>
    /// When a due dose counts as overdue on the work list: this long after its recommended date. The national
    /// text sets "complete before" ages for coverage but no work-list threshold (unverified; configurable).
    /// </summary>
    public Span OverdueAfter { get; init; } = Span.OfMonths(1);

    /// <summary>The rule set's name in English.</summary>
    public string NameEn { get; init; } = "";

    public override string ToString() => Name;
}

/// <summary>The schedule versions, as data; the birth cohort and the date select one.</summary>
public static class NipSchedules
{
    private static Span M(int m) => Span.OfMonths(m);
    private static Span Y(int y) => Span.OfYears(y);
    private static readonly Span D28 = Span.OfDays(28);
    private static readonly Span None = default;

    /// <summary>国家免疫规划疫苗儿童免疫程序及说明（2021年版）.</summary>
    public static readonly NipSchedule V2021 = new(
        "NIP-2021", "国家免疫规划疫苗儿童免疫程序（2021年版）", new DateOnly(2021, 3, 1),
        HepB: [new(1, "HepB", None, None, Span.OfDays(2)), new(2, "HepB", M(1), D28, M(12)), new(3, "HepB", M(6), Span.OfDays(60), M(12), MinIntervalFromFirst: M(4))],
        // <2000 g with an HBsAg-positive or unknown mother: birth dose, then 0-1-6 from 1 month (birth, 1, 2, 7 months)
        HepBLowBirthWeight: [new(1, "HepB", None, None, Span.OfDays(2)), new(2, "HepB", M(1), D28, M(12)), new(3, "HepB", M(2), D28, M(12)), new(4, "HepB", M(7), Span.OfDays(60), M(12), MinIntervalFromFirst: M(4))],
        Polio: [new(1, "IPV", M(2), None, M(12)), new(2, "IPV", M(3), D28, M(12)), new(3, "bOPV", M(4), D28, M(12)), new(4, "bOPV", Y(4), D28, Y(5))],
        Dtap: [new(1, "DTaP", M(3), None, M(12)), new(2, "DTaP", M(4), D28, M(12)), new(3, "DTaP", M(5), D28, M(12)), new(4, "DTaP", M(18), M(6), M(24)), new(5, "DT", Y(6), None, Y(7))],
        DtapBoosterVaccine: "DT",
        Mmr: [new(1, "MMR", M(8), None, M(12)), new(2, "MMR", M(18), D28, M(24))],
        JeLive: [new(1, "JE-L", M(8), None, M(12)), new(2, "JE-L", Y(2), M(12), Y(3))],
        JeInactivated: [new(1, "JE-I", M(8), None, M(12)), new(2, "JE-I", M(8), Span.OfDays(7), M(12)), new(3, "JE-I", Y(2), M(1), Y(3)), new(4, "JE-I", Y(6), Y(3), Y(7))],
        MenA: [new(1, "MPSV-A", M(6), None, M(18)), new(2, "MPSV-A", M(9), M(3), M(18))],
        HepAInactivated: [new(1, "HepA-I", M(18), None, M(24)), new(2, "HepA-I", M(24), M(6), Y(3))])
    {
        NameEn = "National immunization programme child schedule (2021)",
    };

    /// <summary>
    /// From 2025-01-01 DTaP is 5 doses at 2, 4, 6, 18 months and 6 years, the 6-year DTaP replacing DT (2024-12
    /// notice, standards §2). The transitional rules are unverified: doses already given keep the rules of their
    /// day; the remaining doses follow this set; catch-up from 6 years with fewer than 3 doses still uses DT.
    /// </summary>
    public static readonly NipSchedule V2025 = V2021 with
    {
        Id = "NIP-2025",
        Name = "国家免疫规划疫苗儿童免疫程序（2021年版，2025年百白破调整）",
        NameEn = "National immunization programme child schedule (2021, DTaP change of 2025)",
        EffectiveFrom = new DateOnly(2025, 1, 1),
        Dtap = [new(1, "DTaP", M(2), None, M(12)), new(2, "DTaP", M(4), D28, M(12)), new(3, "DTaP", M(6), D28, M(12)), new(4, "DTaP", M(18), M(6), M(24)), new(5, "DTaP", Y(6), None, Y(7))],
        DtapBoosterVaccine = "DTaP",
    };

    /// <summary>
    /// The 2025 change applies to children still due a DTaP-series dose: those born on or after this date
    /// (under 7 on 2025-01-01). Unverified in the national text; configurable here as data.
    /// </summary>
    public static DateOnly V2025CohortFrom { get; } = new(2018, 1, 1);

    public static IReadOnlyList<NipSchedule> All { get; } = [V2021, V2025];

    /// <summary>The rule set in force on <paramref name="date"/> for a child born on <paramref name="birthDate"/>.</summary>
    public static NipSchedule For(DateOnly birthDate, DateOnly date) =>
        date >= V2025.EffectiveFrom && birthDate >= V2025CohortFrom ? V2025 : V2021;

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
