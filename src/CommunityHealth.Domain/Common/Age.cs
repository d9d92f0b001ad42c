namespace CommunityHealth.Domain.Common;

/// <summary>
/// Age in completed calendar years and months (周岁, 月龄), as the national specification counts it:
/// a child born on 31 January is one month old on the last day of February.
/// </summary>
public static class Age
{
    public static int CompletedYears(DateOnly birthDate, DateOnly asOf)
    {
        var years = asOf.Year - birthDate.Year;
        if (asOf < birthDate.AddYears(years)) years--;
        return Math.Max(years, 0);
    }

    public static int CompletedMonths(DateOnly birthDate, DateOnly asOf)
    {
        var months = (asOf.Year - birthDate.Year) * 12 + asOf.Month - birthDate.Month;
        if (asOf < birthDate.AddMonths(months)) months--;
        return Math.Max(months, 0);
    }
}
