using System.Reflection;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>
/// A page a clinical or indicator permission opens shows people, so it takes <see cref="ReadAudit"/> to record what it
/// showed (<c>ReadAudit.Page</c>); the few that show no one are listed here by name, so a new page is a decision.
/// </summary>
public sealed class PageReadAuditTests
{
    private static readonly Permission[] ShowPeople =
    [
        Permission.ResidentsRead, Permission.ResidentsWrite, Permission.ResidentsExport, Permission.ExaminationsRead,
        Permission.ImmunizationRead, Permission.ChronicCareRead, Permission.IndicatorsRead,
    ];

    // stock and the cold chain name lots and refrigerators; the import page shows the rows of the file being uploaded; the indicator
    // board and the population figures show counts per organisation (the people behind a number are on the indicator page)
    private static readonly string[] ShowNoOne = ["StockPage", "ColdChainPage", "ResidentImportPage", "IndicatorBoardPage", "PopulationPage"];

    [Fact]
    public void Every_page_that_can_show_people_records_its_reads()
    {
        var pages = Doors.Pages().Where(p => p.GetCustomAttribute<RequirePermissionAttribute>() is { } a && ShowPeople.Contains(a.Permission)).ToList();
        Assert.True(pages.Count >= 15, $"only {pages.Count} pages found");
        var silent = pages.Where(p => !ShowNoOne.Contains(p.Name))
            .Where(p => !p.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .Any(x => x.PropertyType == typeof(ReadAudit) && x.GetCustomAttribute<InjectAttribute>() is not null))
            .Select(p => p.Name).ToList();
        Assert.True(silent.Count == 0, "pages that show people without ReadAudit: " + string.Join(", ", silent));
    }
}
