using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.ChronicCare;

/// <summary>Registration on a programme (建立专案, standards §1.7/§1.8). Pure: the dates are passed in.</summary>
public static class RegistrationRules
{
    /// <summary>The programmes serve residents from the screening age (35) on the given date.</summary>
    public static bool OldEnough(DateOnly birthDate, DateOnly asOf, ChronicRuleSet rules) => Age.CompletedYears(birthDate, asOf) >= rules.ScreeningAge;

    /// <summary>A newly registered patient is followed up within 2 weeks (the first visit often happens the same day).</summary>
    public static DateOnly FirstVisitDue(DateOnly registeredOn, ChronicRuleSet rules) => registeredOn.AddDays(rules.RecheckDays);
}

/// <summary>Referrals (上转) from the follow-up services (standards §1.7/§1.8: follow up within 2 weeks).</summary>
public static class ReferralRules
{
    /// <summary>The referral's follow-up is due 2 weeks after it was issued.</summary>
    public static DateOnly FollowUpBy(DateOnly issuedOn, ChronicRuleSet rules) => issuedOn.AddDays(rules.RecheckDays);

    /// <summary>The result code (1 到位, 2 不到位; anything else, i.e. "cancel", cancels) as the referral's status.</summary>
    public static ReferralStatus StatusFor(string? result) => result switch
    {
        "1" => ReferralStatus.Arrived,
        "2" => ReferralStatus.NotArrived,
        _ => ReferralStatus.Cancelled,
    };
}
