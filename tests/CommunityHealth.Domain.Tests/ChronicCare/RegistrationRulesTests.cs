using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Domain.Tests.ChronicCare;

/// <summary>Registration and referral dates (§1.7/§1.8: residents 35+, follow-up within 2 weeks).</summary>
public class RegistrationRulesTests
{
    private static readonly ChronicRuleSet Rules = ChronicRuleSet.Spec2017;

    [Theory]
    [InlineData("1991-03-10", "2026-03-10", true)]  // the 35th birthday
    [InlineData("1991-03-11", "2026-03-10", false)]
    [InlineData("1940-01-01", "2026-03-10", true)]
    public void Registration_needs_the_screening_age(string birth, string on, bool expected) =>
        Assert.Equal(expected, RegistrationRules.OldEnough(DateOnly.Parse(birth), DateOnly.Parse(on), Rules));

    [Theory]
    [InlineData("2026-03-10", "2026-03-24")]
    [InlineData("2026-12-25", "2027-01-08")]
    public void The_first_visit_and_a_referrals_follow_up_are_due_in_two_weeks(string from, string due)
    {
        Assert.Equal(DateOnly.Parse(due), RegistrationRules.FirstVisitDue(DateOnly.Parse(from), Rules));
        Assert.Equal(DateOnly.Parse(due), ReferralRules.FollowUpBy(DateOnly.Parse(from), Rules));
    }

    [Theory]
    [InlineData("1", ReferralStatus.Arrived)]
    [InlineData("2", ReferralStatus.NotArrived)]
    [InlineData("cancel", ReferralStatus.Cancelled)]
    public void A_referral_result_sets_its_status(string result, ReferralStatus expected) =>
        Assert.Equal(expected, ReferralRules.StatusFor(result));
}
