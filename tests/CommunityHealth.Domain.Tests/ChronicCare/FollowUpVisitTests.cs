using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Domain.Tests.ChronicCare;

/// <summary>A whole follow-up visit for one or both programmes (§1.7, §1.8): programmes, combined decision, re-judging, the unsatisfactory run.</summary>
public class FollowUpVisitTests
{
    private static readonly ChronicRuleSet Rules = ChronicRuleSet.Spec2017;
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly DateTime Entered = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    // neither given: every programme the patient is on
    [InlineData(null, null, true, true, true, true)]
    [InlineData(null, null, true, false, true, false)]
    [InlineData(null, null, false, true, false, true)]
    [InlineData(null, null, false, false, false, false)]
    // one given: the other is left out unless asked for
    [InlineData(true, null, true, true, true, false)]
    [InlineData(null, true, true, true, false, true)]
    [InlineData(false, null, true, true, false, false)]
    // asked for a programme the patient is not on: asked (the handler refuses it)
    [InlineData(true, true, false, false, true, true)]
    public void Programmes_default_to_the_registrations_when_neither_is_given(bool? htn, bool? dm, bool onHtn, bool onDm, bool forHtn, bool forDm) =>
        Assert.Equal((forHtn, forDm), FollowUpVisit.Programmes(htn, dm, onHtn, onDm));

    [Fact]
    public void An_urgent_sign_both_programmes_list_is_reported_once()
    {
        // BP satisfactory, glucose 8.0 not; a sign both programmes list (1 意识改变): both refer and recheck in 2 weeks
        var outcome = FollowUpVisit.Decide(true, true, Day, 60, new VisitMeasures(130, 80, 8.0m), new VisitObservations(UrgentSigns: ["1"]), [], Rules);
        Assert.Equal(VisitClass.Satisfactory, outcome.Hypertension!.Class);
        Assert.Equal(VisitClass.Unsatisfactory, outcome.Diabetes!.Class);
        Assert.Equal(Day.AddDays(14), outcome.ProposedNextVisit);
        Assert.True(outcome.Urgent);
        Assert.Single(outcome.UrgentReasons);
        Assert.True(outcome.ReferralAdvised);
        Assert.Equal((true, false), (outcome.BpControlled, outcome.GlucoseControlled));
        Assert.Equal(2, outcome.Decisions.Count);
    }

    [Fact]
    public void Both_programmes_propose_the_earlier_next_visit()
    {
        // BP satisfactory (routine: 3 months), glucose 8.0 unsatisfactory for the first time (recheck in 2 weeks)
        var outcome = FollowUpVisit.Decide(true, true, Day, 60, new VisitMeasures(130, 80, 8.0m), new VisitObservations(), [], Rules);
        Assert.Equal((Day.AddMonths(3), Day.AddDays(14)), (outcome.Hypertension!.NextVisit, outcome.Diabetes!.NextVisit));
        Assert.Equal(Day.AddDays(14), outcome.ProposedNextVisit);
        Assert.False(outcome.Urgent);
        Assert.False(outcome.ReferralAdvised);
    }

    [Theory]
    [InlineData(130, 80, "6.0", true, true)]
    [InlineData(145, 80, "7.0", false, false)]
    [InlineData(145, 80, null, false, null)]
    public void Control_is_recorded_for_both_values_whichever_programme_the_visit_serves(int sbp, int dbp, string? fpg, bool? bp, bool? glucose)
    {
        var outcome = FollowUpVisit.Decide(false, true, Day, 50, new VisitMeasures(sbp, dbp, fpg is null ? null : decimal.Parse(fpg)), new VisitObservations(), [], Rules);
        Assert.Null(outcome.Hypertension);
        Assert.Equal((bp, glucose), (outcome.BpControlled, outcome.GlucoseControlled));
    }

    [Fact]
    public void An_override_keeps_the_computed_class_beside_it()
    {
        var outcome = FollowUpVisit.Decide(true, false, Day, 50, new VisitMeasures(150, 95), new VisitObservations(), [], Rules, VisitClass.Satisfactory);
        Assert.Equal(VisitClass.Satisfactory, outcome.Hypertension!.Class);
        Assert.Equal(VisitClass.Unsatisfactory, outcome.HypertensionComputed);
        Assert.Contains(outcome.Hypertension.Reasons, r => r.Code == "chronic.reason.overridden");
    }

    [Fact]
    public void The_chain_counts_earlier_visits_of_the_same_programme_only()
    {
        ChainVisit[] history = [new(Day.AddMonths(-3), Entered, VisitClass.Unsatisfactory, null), new(Day.AddMonths(-2), Entered, null, VisitClass.Unsatisfactory)];
        var outcome = FollowUpVisit.Decide(true, true, Day, 50, new VisitMeasures(150, 95, 9m), new VisitObservations(), history, Rules);
        Assert.Equal(2, outcome.Hypertension!.ConsecutiveUnsatisfactory);
        Assert.Equal(2, outcome.Diabetes!.ConsecutiveUnsatisfactory);
        Assert.True(outcome.ReferralAdvised);
    }

    [Theory]
    // the clinician's date (not the proposal) stays; a date that was the proposal follows the new proposal
    [InlineData("2026-06-10", "2026-06-10", "2026-03-24")]
    [InlineData("2026-05-01", "2026-06-10", "2026-05-01")]
    public void Rejudging_a_later_visit_keeps_a_date_the_clinician_chose(string next, string proposed, string expected)
    {
        // the later visit was the first unsatisfactory one (routine proposal); an earlier unsatisfactory visit now precedes it
        ChainVisit[] others = [new(Day.AddDays(-20), Entered, VisitClass.Unsatisfactory, null)];
        var j = FollowUpVisit.Rejudge(true, false, Day, 50, new VisitMeasures(150, 95), new VisitObservations(), VisitClass.Unsatisfactory, VisitClass.Unsatisfactory,
            null, null, DateOnly.Parse(next), DateOnly.Parse(proposed), others, Rules);
        Assert.Equal(DateOnly.Parse(expected), j.NextVisitOn);
        Assert.Equal(Day.AddDays(14), j.ProposedNextVisit);
        Assert.True(j.ReferralAdvised);
        Assert.Contains(j.HypertensionReasons!, r => r.Code == "chronic.reason.refer_consecutive");
        Assert.Null(j.DiabetesReasons);
    }

    [Fact]
    public void Rejudging_keeps_an_overridden_class()
    {
        ChainVisit[] others = [new(Day.AddDays(-20), Entered, VisitClass.Unsatisfactory, null)];
        var j = FollowUpVisit.Rejudge(true, false, Day, 50, new VisitMeasures(150, 95), new VisitObservations(), VisitClass.Satisfactory, VisitClass.Unsatisfactory,
            null, null, null, null, others, Rules);
        Assert.False(j.ReferralAdvised); // judged satisfactory by the clinician: no run of two
        Assert.Equal(Day.AddMonths(3), j.ProposedNextVisit);
        Assert.Contains(j.HypertensionReasons!, r => r.Code == "chronic.reason.overridden");
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2 }, 3)]
    [InlineData(new[] { 2, 1, 2 }, 1)]    // newest first: the run ends at the first other class
    [InlineData(new[] { 1, 2, 2 }, 0)]
    [InlineData(new[] { 0, 2, 2 }, 2)]    // a visit without this programme's class does not break the run
    [InlineData(new int[0], 0)]
    public void The_unsatisfactory_run_counts_back_from_the_latest_visit(int[] newestFirst, int expected)
    {
        var visits = newestFirst.Select((c, i) => (Day.AddDays(-30 * i), Entered, c == 0 ? (VisitClass?)null : (VisitClass)c)).Reverse();
        Assert.Equal(expected, FollowUpVisit.ConsecutiveUnsatisfactory(visits));
    }

    [Fact]
    public void Visits_on_one_day_are_ordered_by_entry()
    {
        (DateOnly, DateTime, VisitClass?)[] visits = [(Day, Entered.AddHours(1), VisitClass.Satisfactory), (Day, Entered, VisitClass.Unsatisfactory)];
        Assert.Equal(0, FollowUpVisit.ConsecutiveUnsatisfactory(visits));
    }

    [Theory]
    [InlineData(3, VisitClass.Unsatisfactory, 4)]
    [InlineData(3, VisitClass.Satisfactory, 0)]
    [InlineData(3, VisitClass.AdverseReaction, 0)]
    [InlineData(0, null, 0)]
    public void One_more_latest_visit_extends_or_ends_the_run(int before, VisitClass? latest, int expected) =>
        Assert.Equal(expected, FollowUpVisit.ConsecutiveUnsatisfactory(before, latest));

    [Theory]
    [InlineData("chronic.reason.urgent_referral", true)]
    [InlineData("chronic.reason.refer_complication", true)]
    [InlineData("chronic.reason.refer_consecutive", true)]
    [InlineData("chronic.reason.recheck_first", false)]
    [InlineData("chronic.reason.routine", false)]
    public void Referral_is_advised_by_the_referral_reasons(string code, bool expected) =>
        Assert.Equal(expected, FollowUpVisit.AdvisesReferral([new Finding("chronic.reason.bp_controlled"), new Finding(code)]));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void The_work_list_notes_a_referral_from_two_unsatisfactory_visits(int run, bool noted)
    {
        var finding = FollowUpVisit.ReferralForRun(run, Rules);
        Assert.Equal(noted, finding is not null);
        if (finding is not null) Assert.Equal(new Finding("chronic.reason.refer_consecutive", run, 14).ToString(), finding.ToString());
    }

    [Theory]
    [InlineData("2026-06-15", "2026-03-15")]
    [InlineData("2026-05-31", "2026-02-28")] // a month end: the last day of the shorter month
    public void Not_seen_for_three_months_is_counted_back_by_calendar_month(string today, string since) =>
        Assert.Equal(DateOnly.Parse(since), FollowUpVisit.NotSeenSince(DateOnly.Parse(today), Rules));
}
