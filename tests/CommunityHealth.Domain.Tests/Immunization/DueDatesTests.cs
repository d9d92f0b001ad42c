using System.Globalization;
using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>What the work lists store from a forecast: only series with a next dose that is due, overdue or not yet due count.</summary>
public class DueDatesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A series line "Series:Status:vaccine-number:recommended:overdueFrom[:lastDay]", or "Series:Complete".</summary>
    private static SeriesForecast Line(string line)
    {
        var p = line.Split(':');
        var series = Enum.Parse<Series>(p[0]);
        var status = Enum.Parse<ForecastStatus>(p[1]);
        if (p.Length == 2) return new SeriesForecast(series, [], true, null, status, "");
        var dash = p[2].LastIndexOf('-');
        var next = new NextDose(int.Parse(p[2][(dash + 1)..], CultureInfo.InvariantCulture), p[2][..dash], D(p[3]), D(p[3]), D(p[4]), p.Length > 5 ? D(p[5]) : null);
        return new SeriesForecast(series, [], false, next, status, "");
    }

    [Theory]
    [InlineData("HepB:Complete BCG:Complete", null, null, null, null)]
    [InlineData("HepB:Due:HepB-1:2024-06-01:2024-06-03 BCG:Due:BCG-1:2024-06-01:2024-09-01:2028-06-01", "2024-06-01", "2024-06-03", "2028-06-01", "HepB-1,BCG-1")]
    [InlineData("MMR:NotDue:MMR-1:2022-11-10:2022-12-10 JE:NotDue:JE-L-1:2022-11-10:2022-12-10 MenA:NotDue:MPSV-A-2:2022-12-10:2023-01-10:2024-03-10",
        "2022-11-10", "2022-12-10", "2024-03-10", "MMR-1,JE-L-1")]
    [InlineData("HepB:Overdue:HepB-2:2022-02-01:2022-03-01 DTaP:NotDue:DTaP-1:2022-04-01:2022-02-15", "2022-02-01", "2022-02-15", null, "HepB-2")] // earliest overdue from any series
    [InlineData("MMR:Contraindicated:MMR-1:2022-09-01:2022-10-01 BCG:AgedOut:BCG-1:2020-05-20:2020-06-20:2024-05-20", null, null, null, null)] // closed lines do not count
    [InlineData("MMR:Contraindicated:MMR-1:2022-09-01:2022-10-01 JE:Due:JE-I-1:2022-09-01:2022-10-01", "2022-09-01", "2022-10-01", null, "JE-I-1")]
    public void Of_takes_the_earliest_dates_of_the_open_series(string lines, string? nextDue, string? overdue, string? review, string? doses)
    {
        var forecast = new Forecast(D("2022-01-01"), NipSchedules.V2021, lines.Split(' ').Select(Line).ToList(), []);
        var dates = DueDates.Of(forecast);
        Assert.Equal(new DueDates(nextDue is null ? null : D(nextDue), overdue is null ? null : D(overdue), review is null ? null : D(review), doses), dates);
        Assert.Equal(forecast.NextDueDate, dates.NextDueDate);
    }

    [Theory]
    // an overdue child owes doses of several dates: the stored next-due codes name only the earliest, the list shows all
    [InlineData("HepB:Overdue:HepB-3:2022-02-01:2022-03-01 MMR:Overdue:MMR-1:2022-03-10:2022-04-10 JE:NotDue:JE-L-2:2023-03-10:2023-04-10", "2022-05-01", "HepB-3,MMR-1")]
    [InlineData("HepB:Overdue:HepB-3:2022-02-01:2022-03-01 MMR:NotDue:MMR-1:2022-05-05:2022-06-05", "2022-05-01", "HepB-3")]
    [InlineData("HepB:Overdue:HepB-3:2022-02-01:2022-03-01 MMR:NotDue:MMR-1:2022-05-05:2022-06-05", "2022-05-08", "HepB-3,MMR-1")] // a week's list
    [InlineData("MMR:Contraindicated:MMR-1:2022-03-01:2022-04-01 BCG:AgedOut:BCG-1:2020-05-20:2020-06-20 HepB:Complete", "2022-05-01", "")] // closed lines are never due
    public void DueBy_lists_every_open_dose_recommended_by_the_day_in_schedule_order(string lines, string by, string expected)
    {
        var forecast = new Forecast(D("2022-05-01"), NipSchedules.V2021, lines.Split(' ').Select(Line).ToList(), []);
        Assert.Equal(expected, DueDates.Codes(DueDates.DueBy(forecast, D(by))));
    }
}
