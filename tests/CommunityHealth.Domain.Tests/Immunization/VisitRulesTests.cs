using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>
/// Judging a visit's doses before they are saved: a dose that would not count or is contraindicated needs the nurse's
/// reason, a claimed dose number that differs from the counted one is reported, and the 30-minute observation.
/// </summary>
public class VisitRulesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<GivenDose> Doses(string doses) => doses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => new GivenDose(d[..d.IndexOf('@')], D(d[(d.IndexOf('@') + 1)..]), Guid.NewGuid())).ToList();

    [Theory]
    // birth, history, the visit's doses, the claimed number of the first visit dose, facts → first dose: counted number, warned, mismatched claim
    [InlineData("on time: HepB 2 at 1 month", "2022-03-10", "HepB@2022-03-10", "HepB@2022-04-10", null, "", 2, false, null)]
    [InlineData("claimed number agrees", "2022-03-10", "HepB@2022-03-10", "HepB@2022-04-10", 2, "", 2, false, null)]
    [InlineData("claimed number differs: reported", "2022-03-10", "HepB@2022-03-10", "HepB@2022-04-10", 3, "", 2, false, 3)]
    [InlineData("HepB 2 a day before 1 month: would not count", "2022-03-10", "HepB@2022-03-10", "HepB@2022-04-09", null, "", 2, true, null)]
    [InlineData("a warning wins over a claimed number", "2022-03-10", "HepB@2022-03-10", "HepB@2022-04-09", 5, "", 2, true, null)]
    [InlineData("MMR for an immunodeficient child: contraindicated", "2022-01-01", "", "MMR@2022-09-01", null, "immuno", 1, true, null)]
    [InlineData("MMR and JE-L the same day: both count", "2022-03-10", "", "MMR@2022-11-10, JE-L@2022-11-10", null, "", 1, false, null)]
    [InlineData("JE-L 20 days after MMR of an earlier visit: would not count", "2022-03-10", "MMR@2022-11-10", "JE-L@2022-11-30", null, "", 1, true, null)]
    public void Check_judges_each_visit_dose_against_the_history(string name, string birth, string history, string visit, int? claimed, string facts,
        int number, bool warned, int? mismatch)
    {
        var child = facts == "immuno" ? new ChildFacts(D(birth)) { Immunodeficient = true } : new ChildFacts(D(birth));
        var doses = Doses(visit).Select((d, i) => new VisitDose(d, Vaccines.Find(d.Vaccine)!.Series, i == 0 ? claimed : null)).ToList();
        var checks = VisitRules.Check(child, Doses(history), doses);
        Assert.Equal(doses.Count, checks.Count);
        Assert.True(number == checks[0].DoseNumber, name);
        Assert.True(warned == checks[0].Warning is not null, name);
        Assert.True(mismatch == checks[0].MismatchedClaim, name);
    }

    [Fact]
    public void Check_counts_the_doses_of_one_visit_together()
    {
        // two HepB doses in one visit: the second is 0 days after the first and does not count
        var doses = Doses("HepB@2022-03-10, HepB@2022-03-10").Select(d => new VisitDose(d, Series.HepB, null)).ToList();
        var checks = VisitRules.Check(new ChildFacts(D("2022-03-10")), [], doses);
        Assert.Null(checks[0].Warning);
        Assert.Equal(1, checks[0].DoseNumber);
        Assert.NotNull(checks[1].Warning);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(45, true)]
    public void ObservationComplete_after_30_minutes(int minutes, bool expected)
    {
        var given = new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, VisitRules.ObservationComplete(given, given.AddMinutes(minutes)));
    }

    [Theory]
    // born 2024-01-01, nothing given, seen at 2 months: HepB 1 (overdue) is proposed first, then BCG, then polio
    [InlineData("", "", "HepB")]
    [InlineData("", "HepB", "BCG")]
    [InlineData("", "HepB,BCG", "IPV")]
    [InlineData("", "HepB,BCG,IPV", null)] // nothing else is due at 2 months (born 2024: DTaP at 3 months, 2021 schedule)
    [InlineData("HepB@2024-01-01, BCG@2024-01-01, HepB@2024-02-01", "", "IPV")]
    [InlineData("HepB@2024-01-01, BCG@2024-01-01, HepB@2024-02-01", "bOPV", null)] // a polio vaccine on the visit covers the polio series
    public void Propose_takes_the_first_due_series_in_schedule_order_not_yet_on_the_visit(string history, string onVisit, string? expected)
    {
        var forecast = Forecaster.Evaluate(new ChildFacts(D("2024-01-01")), Doses(history), D("2024-03-01"));
        Assert.Equal(expected, VisitRules.Propose(forecast, onVisit.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }
}
