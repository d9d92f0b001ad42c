using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Tests.ChronicCare;

/// <summary>Classification, urgent referral and next visits from 国家基本公共卫生服务规范 第三版 §高血压/2型糖尿病.</summary>
public class FollowUpRulesTests
{
    private static readonly ChronicRuleSet Rules = ChronicRuleSet.Spec2017;
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Theory]
    // under 65: both values must be under 140/90
    [InlineData(139, 89, 64, VisitClass.Satisfactory)]
    [InlineData(140, 89, 64, VisitClass.Unsatisfactory)]
    [InlineData(139, 90, 64, VisitClass.Unsatisfactory)]
    [InlineData(120, 95, 50, VisitClass.Unsatisfactory)] // the diastolic alone fails
    [InlineData(145, 70, 50, VisitClass.Unsatisfactory)] // the systolic alone fails
    // from 65 the systolic target is 150, the diastolic stays 90
    [InlineData(149, 89, 65, VisitClass.Satisfactory)]
    [InlineData(150, 89, 65, VisitClass.Unsatisfactory)]
    [InlineData(149, 90, 65, VisitClass.Unsatisfactory)]
    [InlineData(145, 85, 64, VisitClass.Unsatisfactory)] // the day before the 65th birthday the 140 target applies
    [InlineData(145, 85, 80, VisitClass.Satisfactory)]
    public void Hypertension_control_needs_both_values_under_the_age_target(int sbp, int dbp, int age, VisitClass expected)
    {
        var (cls, _) = FollowUpRules.Classify(Programme.Hypertension, new VisitMeasures(sbp, dbp), new VisitObservations(), age, Rules);
        Assert.Equal(expected, cls);
    }

    [Theory]
    [InlineData("6.9", VisitClass.Satisfactory)]
    [InlineData("6.99", VisitClass.Satisfactory)]
    [InlineData("7.0", VisitClass.Unsatisfactory)] // controlled means strictly under 7.0
    [InlineData("7.1", VisitClass.Unsatisfactory)]
    [InlineData("4.5", VisitClass.Satisfactory)]
    public void Diabetes_control_is_fasting_glucose_strictly_under_7(string fpg, VisitClass expected)
    {
        var (cls, _) = FollowUpRules.Classify(Programme.Diabetes, new VisitMeasures(120, 80, decimal.Parse(fpg)), new VisitObservations(), 60, Rules);
        Assert.Equal(expected, cls);
    }

    [Theory]
    [InlineData(false, false, VisitClass.Satisfactory)]
    [InlineData(true, false, VisitClass.AdverseReaction)]
    [InlineData(false, true, VisitClass.Complication)]
    [InlineData(true, true, VisitClass.Complication)] // a complication outranks an adverse reaction
    public void Complication_then_adverse_reaction_outrank_a_controlled_value(bool adr, bool complication, VisitClass expected)
    {
        var (cls, _) = FollowUpRules.Classify(Programme.Hypertension, new VisitMeasures(120, 80), new VisitObservations(adr, complication), 50, Rules);
        Assert.Equal(expected, cls);
    }

    [Fact]
    public void A_missing_value_is_never_satisfactory()
    {
        Assert.Equal(VisitClass.Unsatisfactory, FollowUpRules.Classify(Programme.Hypertension, new VisitMeasures(null, null), new VisitObservations(), 50, Rules).Class);
        Assert.Equal(VisitClass.Unsatisfactory, FollowUpRules.Classify(Programme.Diabetes, new VisitMeasures(120, 80), new VisitObservations(), 50, Rules).Class);
    }

    [Theory]
    [InlineData(179, 109, null, null, null, false)]
    [InlineData(180, 80, null, null, null, true)]   // SBP ≥ 180
    [InlineData(150, 110, null, null, null, true)]  // or DBP ≥ 110
    [InlineData(150, 109, "16.6", null, null, false)]
    [InlineData(150, 100, "16.7", null, null, true)] // glucose ≥ 16.7
    [InlineData(150, 100, "3.9", null, null, true)]  // or ≤ 3.9
    [InlineData(150, 100, "4.0", null, null, false)]
    [InlineData(120, 80, "6.0", 100, null, false)]   // heart rate > 100, not ≥
    [InlineData(120, 80, "6.0", 101, null, true)]
    [InlineData(120, 80, "6.0", 80, "39.0", false)]  // temperature > 39 °C
    [InlineData(120, 80, "6.0", 80, "39.1", true)]
    public void Diabetes_urgent_referral_thresholds(int sbp, int dbp, string? fpg, int? hr, string? temp, bool urgent)
    {
        var m = new VisitMeasures(sbp, dbp, fpg is null ? null : decimal.Parse(fpg), hr, temp is null ? null : decimal.Parse(temp));
        Assert.Equal(urgent, FollowUpRules.UrgentReasons(Programme.Diabetes, m, new VisitObservations(), Rules).Count > 0);
    }

    [Theory]
    [InlineData(400, 80, null, null, false)]   // a systolic of 400 is a typing error: refused at the field, no urgent advice
    [InlineData(120, 250, null, null, false)]
    [InlineData(120, 80, "80", null, false)]   // nor a glucose of 80
    [InlineData(400, 115, null, null, true)]   // the plausible diastolic still counts
    [InlineData(400, 80, null, "1", true)]     // and so does a sign the doctor ticked (1 意识改变)
    public void An_impossible_value_draws_no_clinical_advice(int sbp, int dbp, string? fpg, string? sign, bool urgent)
    {
        var m = new VisitMeasures(sbp, dbp, fpg is null ? null : decimal.Parse(fpg));
        var o = new VisitObservations(UrgentSigns: sign is null ? null : [sign]);
        Assert.Equal(urgent, FollowUpRules.UrgentReasons(Programme.Diabetes, m, o, Rules).Count > 0);
    }

    [Theory]
    [InlineData(179, 109, false)]
    [InlineData(180, 109, true)]
    [InlineData(179, 110, true)]
    [InlineData(185, 95, true)]
    public void Hypertension_urgent_referral_is_sbp_180_or_dbp_110(int sbp, int dbp, bool urgent)
    {
        var d = FollowUpRules.Decide(Programme.Hypertension, Day, 60, new VisitMeasures(sbp, dbp), new VisitObservations(), [], Rules);
        Assert.Equal(urgent, d.Urgent);
        if (urgent)
        {
            Assert.True(d.ReferralAdvised);
            Assert.Equal(Day.AddDays(14), d.NextVisit);
        }
    }

    [Theory]
    [InlineData("2", Programme.Hypertension, true)]  // severe headache: a hypertension sign
    [InlineData("2", Programme.Diabetes, false)]
    [InlineData("8", Programme.Diabetes, true)]      // ketotic breath: a diabetes sign
    [InlineData("8", Programme.Hypertension, false)]
    [InlineData("1", Programme.Diabetes, true)]      // altered consciousness: both
    [InlineData("7", Programme.Hypertension, true)]  // pregnancy or lactation: both
    public void Ticked_signs_apply_to_the_programmes_that_list_them(string sign, Programme p, bool urgent)
    {
        var reasons = FollowUpRules.UrgentReasons(p, new VisitMeasures(120, 80, 6m), new VisitObservations(UrgentSigns: [sign]), Rules);
        Assert.Equal(urgent, reasons.Count > 0);
    }

    [Fact]
    public void Satisfactory_visits_come_back_next_quarter()
    {
        var d = FollowUpRules.Decide(Programme.Hypertension, Day, 60, new VisitMeasures(130, 80), new VisitObservations(), [], Rules);
        Assert.Equal((VisitClass.Satisfactory, false, new DateOnly(2026, 6, 10)), (d.Class, d.ReferralAdvised, d.NextVisit));
        Assert.True(d.Controlled);
    }

    [Fact]
    public void The_first_unsatisfactory_visit_and_an_adverse_reaction_recheck_in_two_weeks_without_referral()
    {
        var first = FollowUpRules.Decide(Programme.Hypertension, Day, 60, new VisitMeasures(150, 85), new VisitObservations(), [new PriorVisit(Day.AddMonths(-3), VisitClass.Satisfactory)], Rules);
        Assert.Equal((VisitClass.Unsatisfactory, false, Day.AddDays(14), 1), (first.Class, first.ReferralAdvised, first.NextVisit, first.ConsecutiveUnsatisfactory));
        var adr = FollowUpRules.Decide(Programme.Hypertension, Day, 60, new VisitMeasures(120, 80), new VisitObservations(AdverseReaction: true), [], Rules);
        Assert.Equal((VisitClass.AdverseReaction, false, Day.AddDays(14)), (adr.Class, adr.ReferralAdvised, adr.NextVisit));
    }

    [Fact]
    public void Two_consecutive_unsatisfactory_visits_refer_counting_across_a_year_end()
    {
        var december = new PriorVisit(new DateOnly(2025, 12, 20), VisitClass.Unsatisfactory);
        var january = new DateOnly(2026, 1, 3);
        var d = FollowUpRules.Decide(Programme.Diabetes, january, 60, new VisitMeasures(120, 80, 8.2m), new VisitObservations(), [december], Rules);
        Assert.Equal((true, 2, january.AddDays(14)), (d.ReferralAdvised, d.ConsecutiveUnsatisfactory, d.NextVisit));
    }

    [Fact]
    public void The_chain_is_counted_in_visit_order_and_broken_by_any_other_class()
    {
        VisitDecision At(DateOnly date, params PriorVisit[] before) =>
            FollowUpRules.Decide(Programme.Hypertension, date, 60, new VisitMeasures(160, 95), new VisitObservations(), before, Rules);
        var u = VisitClass.Unsatisfactory;
        // prior visits given out of order: the latest before the visit is what counts
        Assert.Equal(2, At(Day, new(Day.AddDays(-30), VisitClass.Satisfactory), new(Day.AddDays(-14), u)).ConsecutiveUnsatisfactory);
        Assert.Equal(1, At(Day, new(Day.AddDays(-14), VisitClass.Satisfactory), new(Day.AddDays(-30), u)).ConsecutiveUnsatisfactory);
        Assert.Equal(1, At(Day, new(Day.AddDays(-14), VisitClass.AdverseReaction), new(Day.AddDays(-30), u)).ConsecutiveUnsatisfactory);
        Assert.Equal(3, At(Day, new(Day.AddDays(-14), u), new(Day.AddDays(-30), u)).ConsecutiveUnsatisfactory);
        // a visit later than this one does not count
        Assert.Equal(1, At(Day, new PriorVisit(Day.AddDays(14), u)).ConsecutiveUnsatisfactory);
    }

    [Fact]
    public void A_complication_refers_and_an_override_is_what_counts()
    {
        var c = FollowUpRules.Decide(Programme.Hypertension, Day, 60, new VisitMeasures(120, 80), new VisitObservations(NewOrWorseComplication: true), [], Rules);
        Assert.True(c.ReferralAdvised);
        var o = FollowUpRules.Decide(Programme.Hypertension, Day, 60, new VisitMeasures(142, 80), new VisitObservations(), [], Rules, VisitClass.Satisfactory);
        Assert.Equal((VisitClass.Satisfactory, Day.AddMonths(3)), (o.Class, o.NextVisit));
        Assert.Contains(o.Reasons, r => r.Code == "chronic.reason.overridden");
        Assert.False(o.Controlled); // the indicator still reads the values
    }

    [Theory]
    [InlineData(20, 10, null, "systolic")]
    [InlineData(400, 80, null, "systolic")]
    [InlineData(120, 130, null, "diastolic")]
    [InlineData(120, 120, null, "diastolic")]
    [InlineData(120, 10, null, "diastolic")]
    [InlineData(120, 20, null, "diastolic")]
    [InlineData(120, 29, null, "diastolic")]
    [InlineData(120, 80, "0", "fastingGlucose")]
    [InlineData(120, 80, "80", "fastingGlucose")]
    [InlineData(120, 80, "0.9", "fastingGlucose")]
    public void Impossible_values_are_refused_at_the_field(int sbp, int dbp, string? fpg, string field)
    {
        var v = new Validation();
        FollowUpRules.Validate(v, new VisitMeasures(sbp, dbp, fpg is null ? null : decimal.Parse(fpg)));
        var error = v.ToError();
        Assert.NotNull(error);
        Assert.Contains(error!.Errors, f => f.Field == field);
    }

    [Theory]
    [InlineData(120, 80, "3.9")]
    [InlineData(300, 200, "50")]
    [InlineData(50, 30, "1.0")]
    public void Extreme_but_possible_values_are_accepted(int sbp, int dbp, string fpg)
    {
        var v = new Validation();
        FollowUpRules.Validate(v, new VisitMeasures(sbp, dbp, decimal.Parse(fpg)));
        Assert.False(v.HasErrors);
    }

    [Theory]
    [InlineData(4, true, true)]
    [InlineData(3, true, false)]
    [InlineData(5, false, false)] // the yearly examination is part of the specification
    public void Managed_per_specification_needs_four_face_to_face_visits_and_an_exam(int visits, bool exam, bool expected) =>
        Assert.Equal(expected, FollowUpRules.StandardManaged(visits, exam, Rules));
}
