using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// The coded items of the AEFI case-report card (疑似预防接种异常反应个案报告卡, 全国疑似预防接种异常反应监测方案 2022):
/// the main clinical signs, the case classification and the outcome. The report's dates are judged here too.
/// </summary>
public static class AefiCard
{
    private static readonly DateOnly Scheme = new(2022, 1, 1);
    private const string Source = "全国疑似预防接种异常反应监测方案";

    /// <summary>主要临床经过: the common reactions; "other" asks for the free-text description.</summary>
    public static readonly CodeList Reactions = CodeList.Of("aefi-reaction", Source, Scheme,
        "fever|发热|Fever", "redness|局部红肿|Local redness and swelling", "induration|局部硬结|Local induration", "rash|皮疹|Rash",
        "anaphylaxis|过敏性休克|Anaphylactic shock", "syncope|晕厥|Syncope", "convulsion|惊厥|Convulsion", "other|其他|Other");

    /// <summary>病例分类: what the investigation concluded (待定 until it has).</summary>
    public static readonly CodeList Classifications = CodeList.Of("aefi-classification", Source, Scheme,
        "common|一般反应|Common reaction", "rare|异常反应|Adverse reaction", "coincidental|偶合症|Coincidental event",
        "programme-error|接种事故|Programme error", "anxiety|心因性反应|Immunization anxiety reaction", "pending|待定|Pending");

    /// <summary>转归.</summary>
    public static readonly CodeList Outcomes = CodeList.Of("aefi-outcome", Source, Scheme,
        "recovered|痊愈|Recovered", "improved|好转|Improving", "not-recovered|未愈|Not recovered", "sequelae|后遗症|Sequelae",
        "death|死亡|Death", "unknown|不详|Unknown");

    /// <summary>
    /// Why an onset (China time) cannot be accepted at <paramref name="now"/>: a later day is a future date, a later time
    /// today a future time (the nurse typed the hour wrong, not the day); null when acceptable. Five minutes of slack for clocks.
    /// </summary>
    public static string? FutureProblem(DateTime at, DateTime now) =>
        DateOnly.FromDateTime(at) > DateOnly.FromDateTime(now) ? "error.date_future"
        : at > now.AddMinutes(5) ? "error.time_future"
        : null;

    /// <summary>A serious AEFI (严重疑似预防接种异常反应): death, hospitalisation, sequelae or anaphylactic shock, whatever was ticked.</summary>
    public static bool Serious(bool marked, bool? hospitalized, string? outcome, IEnumerable<string> reactions) =>
        marked || hospitalized == true || outcome is "death" or "sequelae" || reactions.Contains("anaphylaxis");
}
