using System.Net.Http.Json;
using CommunityHealth.Data.WorkList;
using CommunityHealth.Web.Platform.WorkList;
using CommunityHealth.Web.Tests.Immunization;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityHealth.Web.Tests.WorkList;

/// <summary>
/// The daily job re-evaluates what changes with time alone. Its own fixture: run for a later day, it re-judges every child
/// whose review day has come, which would make another test's population differ from a recomputation as of today.
/// </summary>
public abstract class WorkListJobTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task The_daily_job_closes_a_dose_that_aged_out()
    {
        var nurse = await app.ClientAsync("nurse2");
        var birth = Today.AddMonths(-23);
        var (_, child, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        var given = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "MPSV-A", givenAt = ImmunizationApiTests<TApp>.At(birth.AddMonths(6)), lotNumber = "EXT" } } });
        Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
        await using var db = app.SystemDb();
        Assert.True(await db.WorkItems.AnyAsync(i => i.SourceId == Guid.Parse(child) && i.Code == "MPSV-A-2" && i.Status == WorkItemStatus.Open));
        await WorkListJob.RunAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, birth.AddMonths(24), NullLogger.Instance, default);
        var item = await db.WorkItems.AsNoTracking().SingleAsync(i => i.SourceId == Guid.Parse(child) && i.Code == "MPSV-A-2");
        Assert.Equal((WorkItemStatus.Closed, birth.AddMonths(24)), (item.Status, item.ClosedOn));
    }
}

public sealed class WorkListJobTestsSqlite(SqliteApp app) : WorkListJobTests<SqliteApp>(app);
public sealed class WorkListJobTestsPostgres(PostgresApp app) : WorkListJobTests<PostgresApp>(app);
