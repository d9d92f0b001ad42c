using CommunityHealth.Data;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>The demo residents (<c>Demo:Residents</c>, default 5,000) in households over the stations, each with its team and grid.</summary>
internal sealed class DemoResidents : IDemoSeeder
{
    public int Order => 200;

    /// <summary>Spreads <paramref name="count"/> residents in households over the stations, each with its team and grids.</summary>
    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var count = demo.Config.GetValue("Demo:Residents", 5000);
        if (count <= 0) return;
        var (factory, districtId, now) = (demo.Factory, demo.Bureau.DistrictId, demo.Now);
        await using var db = factory.Create(DataScope.System);
        var stations = await db.Organizations.Where(o => o.DistrictId == districtId && o.Kind == OrganizationKind.Station).OrderBy(o => o.DivisionCode).ToListAsync(ct);
        var teams = await db.Teams.Include(t => t.Grids).Where(t => t.DistrictId == districtId).ToListAsync(ct);
        var population = new DemoPopulation(seed: 2026, today: ChinaTime.ToChinaDate(now));
        var made = 0;
        for (var i = 0; i < stations.Count && made < count; i++)
        {
            var station = stations[i];
            var quota = (count - made) / (stations.Count - i);
            var team = teams.First(t => t.OrganizationId == station.Id);
            var prefix = Domain.Residents.HealthRecordNumber.PrefixFor(station.DivisionCode);
            var sequence = await db.RecordNumberSequences.SingleAsync(s => s.Prefix == prefix, ct);
            var target = made + quota;
            while (made < target)
            {
                var grid = team.Grids[made % team.Grids.Count].Name;
                var family = population.NextHousehold(station, team.Id, grid, () => Domain.Residents.HealthRecordNumber.Compose(prefix, sequence.Next++), now);
                db.Households.Add(family.Household);
                foreach (var m in family.Members.Take(target - made))
                {
                    db.Residents.Add(m.Resident);
                    db.HouseholdMembers.Add(new HouseholdMember
                    {
                        Id = Guid.CreateVersion7(), DistrictId = districtId, CenterId = station.CenterId, OrganizationId = station.Id,
                        HouseholdId = family.Household.Id, ResidentId = m.Resident.Id, Relationship = m.Relationship,
                        From = DateOnly.FromDateTime(now),
                    });
                    made++;
                }
                if (made % 2000 < family.Members.Count) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); db.Attach(sequence); }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        DatabaseInitializer.Print($"[CommunityHealth] Demo population: {made} residents in households.");
    }

}
