using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>The AEFI case-report card's rules (全国疑似预防接种异常反应监测方案).</summary>
public class AefiCardTests
{
    private static DateTime T(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-06-01 09:00", "2026-06-01 10:00", null)]
    [InlineData("2026-06-01 10:04", "2026-06-01 10:00", null)]               // clock slack
    [InlineData("2026-06-01 14:00", "2026-06-01 10:00", "error.time_future")] // today, a later hour: the time is wrong
    [InlineData("2026-06-02 08:00", "2026-06-01 10:00", "error.date_future")] // a later day: the date is wrong
    [InlineData("2026-06-02 00:02", "2026-06-01 23:59", "error.date_future")]
    public void FutureProblem_tells_a_future_time_from_a_future_date(string at, string now, string? expected) =>
        Assert.Equal(expected, AefiCard.FutureProblem(T(at), T(now)));

    [Theory]
    [InlineData(false, null, "recovered", "fever", false)]
    [InlineData(true, null, null, "", true)]
    [InlineData(false, true, "improved", "fever", true)]
    [InlineData(false, false, "death", "", true)]
    [InlineData(false, false, "sequelae", "", true)]
    [InlineData(false, false, "recovered", "rash,anaphylaxis", true)]
    public void Serious_when_marked_or_hospitalised_or_fatal_or_anaphylaxis(bool marked, bool? hospitalized, string? outcome, string reactions, bool expected) =>
        Assert.Equal(expected, AefiCard.Serious(marked, hospitalized, outcome, reactions.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Fact]
    public void The_card_lists_the_national_codes()
    {
        Assert.Equal(["发热", "局部红肿", "局部硬结", "皮疹", "过敏性休克", "晕厥", "惊厥", "其他"], AefiCard.Reactions.Entries.Select(e => e.Zh));
        Assert.Equal(["一般反应", "异常反应", "偶合症", "接种事故", "心因性反应", "待定"], AefiCard.Classifications.Entries.Select(e => e.Zh));
        Assert.Equal(["痊愈", "好转", "未愈", "后遗症", "死亡", "不详"], AefiCard.Outcomes.Entries.Select(e => e.Zh));
    }
}
