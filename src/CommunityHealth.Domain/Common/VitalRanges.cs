namespace CommunityHealth.Domain.Common;

/// <summary>
/// The blood-pressure values a form can carry: outside them the entry is a typing error (refused at the field, and no
/// clinical advice is drawn from it). Plausibility bounds of this project, not of the national text (local): a diastolic
/// below 30 mmHg is not measured on a living patient at a community clinic; 300/200 are the sphygmomanometer's scale.
/// </summary>
public static class VitalRanges
{
    public const int SystolicMin = 50, SystolicMax = 300, DiastolicMin = 30, DiastolicMax = 200;

    public static bool PlausibleSystolic(int value) => value is >= SystolicMin and <= SystolicMax;

    public static bool PlausibleDiastolic(int value) => value is >= DiastolicMin and <= DiastolicMax;
}
