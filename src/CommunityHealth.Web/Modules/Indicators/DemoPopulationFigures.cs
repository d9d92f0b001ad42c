using CommunityHealth.Data;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Web.Modules.ChronicCare;
using CommunityHealth.Web.Platform.Indicators;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>
/// The population figures a bureau statistician enters for the demo district: per station and year (this year and the five
/// before), each group's figure a believable margin above what the records hold — 常住人口 and the age groups about 10–25 %
/// more (not every resident has a record yet), the estimated hypertension and diabetes patients about 1.5–2 × the registered
/// ones (many patients are not yet found) — so 建档率 and 患者管理率 show real, unequal values. Entered through the slice, as
/// bureau1, so the rules and the audit apply.
/// </summary>
internal sealed class DemoPopulationFigures : IDemoSeeder
{
    public int Order => 900; // after every programme's history

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var set = scope.ServiceProvider.GetRequiredService<SetPopulationFigureHandler>();
        var catalogue = scope.ServiceProvider.GetRequiredService<IndicatorCatalogue>();
        var staff = await demo.StaffAsync("bureau1", ct);
        var today = ChinaTime.ToChinaDate(demo.Now);
        await using var db = demo.Factory.Create(DataScope.District(demo.Bureau.DistrictId));
        var stations = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Station && o.IsActive).OrderBy(o => o.DivisionCode).Select(o => o.Id).ToListAsync(ct);
        if (stations.Count == 0 || !await db.Residents.AnyAsync(ct)) return;
        var entered = 0;
        for (var year = today.Year - 5; year <= today.Year; year++)
        {
            var asOf = year < today.Year ? new DateOnly(year, 12, 31) : today;
            foreach (var group in catalogue.PopulationGroups)
            {
                var held = await ListPopulationFigures.RecordsHeldAsync(db, group, asOf, ct);
                for (var i = 0; i < stations.Count; i++)
                {
                    var records = held.GetValueOrDefault(stations[i]);
                    if (records == 0) continue;
                    // a steady margin per station (some stations have built more records than others), shrinking a little each year
                    var spread = (i * 37 % 16) / 100m;
                    var factor = group.Code is ChronicIndicators.HtnEstimate or ChronicIndicators.DmEstimate
                        ? 1.5m + spread * 3 + (today.Year - year) * 0.05m
                        : 1.08m + spread + (today.Year - year) * 0.02m;
                    var outcome = await set.HandleAsync(staff, new SetPopulationFigure(stations[i], year, group.Code, (int)Math.Ceiling(records * factor),
                        group.Code is ChronicIndicators.HtnEstimate or ChronicIndicators.DmEstimate ? "按辖区成人患病率估算（演示数据）" : "街道人口统计年报（演示数据）", null), ct);
                    if (!outcome.IsSuccess) throw new InvalidOperationException($"Demo population figure refused: {outcome.Error}");
                    entered++;
                }
            }
        }
        DatabaseInitializer.Print($"[CommunityHealth] Demo population figures: {entered} (per station, group and year).");
    }
}
