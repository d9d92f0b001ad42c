using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Domain.Tests.Immunization;

/// <summary>入托入学查验 from the forecast on the day of the check (国家免疫规划疫苗儿童免疫程序及说明 2021, 补种).</summary>
public class EntryCheckTests
{
    // A child born 2022-03-10, every dose on time up to 6 months (HepB ×3, BCG, IPV ×2, bOPV, DTaP ×3, MPSV-A 1)
    private const string OnTime = "HepB@2022-03-10, BCG@2022-03-10, HepB@2022-04-10, IPV@2022-05-10, IPV@2022-06-10, DTaP@2022-06-10, bOPV@2022-07-10, DTaP@2022-07-10, DTaP@2022-08-10, HepB@2022-09-10, MPSV-A@2022-09-10";

    [Theory]
    [InlineData(Series.HepB, EntryCheckConclusion.Complete, null)]
    [InlineData(Series.BCG, EntryCheckConclusion.Complete, null)]
    [InlineData(Series.Polio, EntryCheckConclusion.UpToDate, null)] // bOPV 4 at 4 years
    [InlineData(Series.MMR, EntryCheckConclusion.CatchUp, "MMR-1")] // checked at 3 years with nothing after 6 months
    [InlineData(Series.DTaP, EntryCheckConclusion.CatchUp, "DTaP-4")]
    [InlineData(Series.MenA, EntryCheckConclusion.AgedOut, null)] // ≥24 months: no more A, AC instead
    public void Of_concludes_each_series_and_names_the_dose_to_catch_up(Series series, EntryCheckConclusion expected, string? dose)
    {
        var lines = EntryCheck.Of(ForecasterTests.Run("2022-03-10", OnTime, "2025-03-20"));
        var line = lines.Single(l => l.Series == series);
        Assert.Equal(expected, line.Conclusion);
        Assert.Equal(dose, line.CatchUpDose is { } n ? $"{n.Vaccine}-{n.DoseNumber}" : null);
        Assert.False(EntryCheck.Complete(lines));
    }

    [Fact]
    public void A_contraindicated_series_is_not_a_missing_dose()
    {
        var lines = EntryCheck.Of(ForecasterTests.Run("2024-01-01", "HepB@2024-01-01", "2024-01-02", "ci:BCG"));
        Assert.Equal(EntryCheckConclusion.Contraindicated, lines.Single(l => l.Series == Series.BCG).Conclusion);
    }

    [Fact]
    public void A_child_with_every_dose_given_by_age_needs_no_catch_up() =>
        Assert.True(EntryCheck.Complete(EntryCheck.Of(ForecasterTests.Run("2022-03-10", OnTime, "2022-10-01"))));
}
