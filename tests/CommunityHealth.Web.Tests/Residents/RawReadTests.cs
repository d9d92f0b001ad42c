using System.Text.Json;
using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.Residents;

/// <summary>
/// The hand-written look-ups (docs/decisions/0008) against EF Core on the same rows: every column reads back as EF Core
/// reads it, and every scope level sees exactly what the query filters let it see.
/// </summary>
public abstract class RawReadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private async Task<(Organization Station, Organization OtherStationSameCenter, Organization OtherCenterStation)> StationsAsync()
    {
        await using var db = app.SystemDb();
        var orgs = await db.Organizations.AsNoTracking().ToListAsync();
        return (orgs.Single(o => o.DivisionCode == "330106001001"), orgs.Single(o => o.DivisionCode == "330106001002"), orgs.Single(o => o.DivisionCode == "330106002001"));
    }

    /// <summary>A resident with every column set to something other than its default.</summary>
    private static Resident Full(Organization station, string name, string initials, string number)
    {
        var id = Guid.CreateVersion7();
        return new Resident
        {
            Id = id, DistrictId = station.DistrictId, CenterId = station.CenterId, OrganizationId = station.Id, TeamId = null, HouseholdId = null,
            RecordNumber = number, RecordLast8 = number[9..], Name = name, NameInitials = initials, DocumentType = "01",
            DocumentNumber = "33010619580615" + number[^4..], IdNumber = "33010619580615" + number[^4..], IdLast4 = number[^4..], IdLast6 = "15" + number[^4..],
            Sex = "1", BirthDate = new DateOnly(1958, 6, 15), WorkUnit = "西湖区环卫所", Phone = "139" + number[^8..], ContactName = "李四",
            ContactPhone = "13700000000", ResidenceType = "1", Ethnicity = "01", Abo = "3", Rh = "2", Education = "6", Occupation = "8", Marital = "2",
            Payments = ["1", "3"], PaymentOther = "商业保险", DrugAllergies = ["2", "5"], DrugAllergyOther = "头孢类", Exposures = ["2"],
            Surgeries = [new DatedItem("阑尾切除术", new DateOnly(1990, 5, 1))], Traumas = [new DatedItem("骨折", null)],
            Transfusions = [new DatedItem("车祸", new DateOnly(2001, 2, 3))],
            FamilyHistory = new FamilyHistory(["2", "7"], ["3"], null, [], "外祖母糖尿病"), GeneticDisease = "无", Disabilities = ["1", "4"],
            DisabilityOther = "听力", Living = new LivingEnvironment("2", "3", "1", "1", "1"), Address = "宝石二路 8 号", Status = ResidentStatus.Closed,
            ClosedOn = new DateOnly(2026, 3, 1), CloseReason = "moved", CloseNote = "迁往外省", MergedIntoId = Guid.CreateVersion7(), PossibleDuplicate = true,
            CreatedAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc),
            Conditions =
            [
                new ResidentCondition { Id = Guid.CreateVersion7(), DistrictId = station.DistrictId, CenterId = station.CenterId, OrganizationId = station.Id, ResidentId = id, Code = "2", DiagnosedOn = new DateOnly(2015, 3, 1), Note = "原发性" },
                new ResidentCondition { Id = Guid.CreateVersion7(), DistrictId = station.DistrictId, CenterId = station.CenterId, OrganizationId = station.Id, ResidentId = id, Code = "3" },
            ],
        };
    }

    private static IEnumerable<(string Name, DataScope Scope, bool Sees)> Scopes(Organization station, Organization sibling, Organization otherCenter) =>
    [
        ("system", DataScope.System, true),
        ("district", DataScope.District(station.DistrictId), true),
        ("own center", DataScope.Center(station.DistrictId, station.CenterId!.Value), true),
        ("own station", DataScope.Station(station.DistrictId, station.CenterId!.Value, station.Id), true),
        ("sibling station", DataScope.Station(sibling.DistrictId, sibling.CenterId!.Value, sibling.Id), false),
        ("other center", DataScope.Center(otherCenter.DistrictId, otherCenter.CenterId!.Value), false),
        ("other district", DataScope.District(Guid.CreateVersion7()), false),
        ("nothing", DataScope.Nothing, false),
    ];

    [Fact]
    public async Task The_profile_read_returns_what_EF_Core_reads_column_for_column_in_every_scope()
    {
        var (station, sibling, otherCenter) = await StationsAsync();
        var resident = Full(station, "全字段甲", "qzdj", "33010600100198761");
        await using (var db = app.SystemDb()) { db.Residents.Add(resident); await db.SaveChangesAsync(); }

        var factory = app.Service<IHealthDbFactory>();
        foreach (var (name, scope, sees) in Scopes(station, sibling, otherCenter))
        {
            await using var efDb = factory.Create(scope);
            var expected = await efDb.Residents.AsNoTracking().Include(r => r.Conditions.OrderBy(c => c.Id)).FirstOrDefaultAsync(r => r.Id == resident.Id);
            await using var rawDb = factory.Create(scope);
            var actual = await new ResidentReads().ReadProfileAsync(rawDb, resident.Id, CancellationToken.None);
            Assert.True((expected is not null) == sees, $"EF Core, scope {name}");
            Assert.True((actual is not null) == sees, $"hand-written read, scope {name}");
            Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual, Json));
            // the context stays usable for EF Core afterwards, with its connection closed again
            Assert.Equal(System.Data.ConnectionState.Closed, rawDb.Database.GetDbConnection().State);
            Assert.Equal(sees, await rawDb.Residents.AnyAsync(r => r.Id == resident.Id));
        }
        Assert.Equal(2, (await new ResidentReads().ReadProfileAsync(factory.Create(DataScope.System), resident.Id, CancellationToken.None))!.Conditions.Count);
    }

    [Fact]
    public async Task Searches_see_exactly_the_scope_and_keep_closed_and_merged_rules()
    {
        var (station, sibling, otherCenter) = await StationsAsync();
        var active = Full(station, "范围检索甲", "fwjsj", "33010600100198771");
        active.Status = ResidentStatus.Active; active.ClosedOn = null; active.CloseReason = null; active.MergedIntoId = null;
        var closed = Full(station, "范围检索乙", "fwjsy", "33010600100198772");
        var merged = Full(station, "范围检索丙", "fwjsb", "33010600100198773");
        merged.Status = ResidentStatus.Merged;
        await using (var db = app.SystemDb()) { db.Residents.AddRange(active, closed, merged); await db.SaveChangesAsync(); }

        var search = new SearchResidents(app.Service<ScopedDb>(), new ResidentReads(), app.Clock);
        // staff see the district, a center or a station; the system and empty scopes are not a member of staff's
        foreach (var (name, scope, sees) in Scopes(station, sibling, otherCenter).Where(s => s.Scope.Level != ScopeLevel.System && s.Scope != DataScope.Nothing))
        {
            var staff = scope switch
            {
                { OrganizationId: { } org } => new StaffContext(Guid.Empty, "t", "t", [], org, OrganizationKind.Station, scope.CenterId, scope.DistrictId!.Value, null),
                { CenterId: { } center } => new StaffContext(Guid.Empty, "t", "t", [], center, OrganizationKind.Center, null, scope.DistrictId!.Value, null),
                _ => new StaffContext(Guid.Empty, "t", "t", [], Guid.Empty, OrganizationKind.Bureau, null, scope.DistrictId!.Value, null),
            };
            Assert.Equal(scope, staff.Scope);
            foreach (var q in new[] { "范围检索", "fwjs", active.IdNumber!, active.Phone!, active.RecordNumber, active.RecordLast8, active.IdLast4! })
            {
                var all = (await search.HandleAsync(staff, q)).Value.Items.Select(s => s.RecordNumber).ToList();
                var open = (await search.HandleAsync(staff, q, includeClosed: false)).Value.Items.Select(s => s.RecordNumber).ToList();
                Assert.True(all.Contains(active.RecordNumber) == sees, $"{q} in scope {name}");
                Assert.True(open.Contains(active.RecordNumber) == sees, $"{q} (active only) in scope {name}");
                Assert.DoesNotContain(merged.RecordNumber, all);
                Assert.DoesNotContain(closed.RecordNumber, open);
            }
            var prefix = (await search.HandleAsync(staff, "范围检索")).Value.Items;
            Assert.Equal(sees ? [active.RecordNumber, closed.RecordNumber] : [], prefix.Select(s => s.RecordNumber).Order().ToArray());
            if (sees)
            {
                var hit = prefix.Single(s => s.RecordNumber == active.RecordNumber);
                Assert.Equal((active.Id, "范围检索甲", "1", new DateOnly(1958, 6, 15), station.Id, "Active"), (hit.Id, hit.Name, hit.Sex, hit.BirthDate, hit.OrganizationId, hit.Status));
                Assert.Equal("330106********" + active.IdNumber![^4..], hit.MaskedDocument);
            }
        }
    }
}

public sealed class RawReadTestsSqlite(SqliteApp app) : RawReadTests<SqliteApp>(app);
public sealed class RawReadTestsPostgres(PostgresApp app) : RawReadTests<PostgresApp>(app);
