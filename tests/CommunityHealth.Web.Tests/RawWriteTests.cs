using System.Text.Json;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests;

/// <summary>
/// The hand-written writes (docs/decisions/0012) against EF Core on the same rows: what they store reads back through EF
/// Core column for column (value converters, JSON, GUIDs), updates touch only the named columns, the scope refuses rows
/// outside it, and a failing statement leaves nothing of the write behind.
/// </summary>
public abstract class RawWriteTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private async Task<(Organization Station, Organization Sibling)> StationsAsync()
    {
        await using var db = app.SystemDb();
        var orgs = await db.Organizations.AsNoTracking().ToListAsync();
        return (orgs.Single(o => o.DivisionCode == "330106001001"), orgs.Single(o => o.DivisionCode == "330106001002"));
    }

    private static Resident Full(Organization station, string number) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = station.DistrictId, CenterId = station.CenterId, OrganizationId = station.Id, RecordNumber = number,
        RecordLast8 = number[9..], Name = "手写写入", NameInitials = "sxxr", DocumentType = "01", DocumentNumber = "33010619580615" + number[^4..],
        IdNumber = "33010619580615" + number[^4..], IdLast4 = number[^4..], IdLast6 = "15" + number[^4..], Sex = "2", BirthDate = new DateOnly(1958, 6, 15),
        Phone = "139" + number[^8..], ResidenceType = "1", Payments = ["1", "3"], DrugAllergies = ["2"], Exposures = [],
        Surgeries = [new DatedItem("阑尾切除术", new DateOnly(1990, 5, 1))], FamilyHistory = new FamilyHistory(["2"], [], null, [], "外祖母糖尿病"),
        Living = new LivingEnvironment("2", "3", "1", "1", "1"), Disabilities = ["1"], Status = ResidentStatus.Active, PossibleDuplicate = true,
        CreatedAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 2, 3, 4, 5, 6, 789, DateTimeKind.Utc),
    };

    private async Task<Resident?> ReadAsync(Guid id)
    {
        await using var db = app.SystemDb();
        return await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
    }

    [Fact]
    public async Task Inserted_updated_and_deleted_rows_read_back_through_EF_Core_column_for_column()
    {
        var (station, _) = await StationsAsync();
        var row = Full(station, "33010600100197001");
        var twin = Full(station, "33010600100197011"); // the same values, stored by SaveChanges
        var factory = app.Service<IHealthDbFactory>();
        var scope = DataScope.Station(station.DistrictId, station.CenterId!.Value, station.Id);
        await using (var db = factory.Create(scope))
        await using (var tx = await db.BeginWriteAsync())
        {
            await new RawWrite(db).Insert(row).ExecuteAsync();
            await tx.CommitAsync();
        }
        await using (var db = factory.Create(scope)) { db.Residents.Add(twin); await db.SaveChangesAsync(); }
        var viaRaw = await ReadAsync(row.Id);
        var viaEf = await ReadAsync(twin.Id);
        foreach (var r in new[] { viaRaw!, viaEf! }) (r.Id, r.RecordNumber, r.RecordLast8, r.DocumentNumber, r.IdNumber, r.IdLast4, r.IdLast6, r.Phone) = (default, "", "", "", "", "", "", "");
        Assert.Equal(JsonSerializer.Serialize(viaEf, Json), JsonSerializer.Serialize(viaRaw, Json));
        Assert.Equal((row.Name, row.BirthDate, row.FamilyHistory!.Other), (viaRaw!.Name, viaRaw.BirthDate, viaRaw.FamilyHistory!.Other));

        // an update sets the named columns only
        var changed = Full(station, "33010600100197001");
        changed.Id = row.Id;
        (changed.Name, changed.Payments, changed.Living, changed.Phone) = ("手写更新", ["2"], new LivingEnvironment("1", "1", "1", "1", "2"), "13800000000");
        await using (var db = factory.Create(scope))
        await using (var tx = await db.BeginWriteAsync())
        {
            await new RawWrite(db).Update(changed, [nameof(Resident.Name), nameof(Resident.Payments), nameof(Resident.Living)]).ExecuteAsync();
            await tx.CommitAsync();
        }
        var read = await ReadAsync(row.Id);
        Assert.Equal(("手写更新", "2", "2", row.Phone), (read!.Name, string.Join(',', read.Payments), read.Living!.Livestock, read.Phone));

        await using (var db = factory.Create(scope))
        await using (var tx = await db.BeginWriteAsync())
        {
            await new RawWrite(db).Delete(changed).ExecuteAsync();
            await tx.CommitAsync();
        }
        Assert.Null(await ReadAsync(row.Id));
    }

    [Fact]
    public async Task Rows_outside_the_scope_are_refused_and_a_failing_statement_leaves_nothing_behind()
    {
        var (station, sibling) = await StationsAsync();
        var factory = app.Service<IHealthDbFactory>();
        var scope = DataScope.Station(station.DistrictId, station.CenterId!.Value, station.Id);
        await using (var db = factory.Create(scope))
        {
            Assert.Throws<InvalidOperationException>(() => new RawWrite(db).Insert(Full(sibling, "33010600100297002")));
            var nowhere = Full(station, "33010600100197003");
            nowhere.DistrictId = Guid.Empty;
            Assert.Throws<InvalidOperationException>(() => new RawWrite(db).Insert(nowhere));
            // outside a write transaction nothing is sent
            await Assert.ThrowsAsync<InvalidOperationException>(() => new RawWrite(db).Insert(Full(station, "33010600100197004")).ExecuteAsync());
        }
        Assert.Null(await ReadAsync(Full(station, "33010600100197004").Id));

        // the second statement repeats the first one's key: the command fails and the first row is rolled back with it
        var first = Full(station, "33010600100197005");
        var again = Full(station, "33010600100197006");
        again.Id = first.Id;
        await using (var db = factory.Create(scope))
        {
            await using var tx = await db.BeginWriteAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => new RawWrite(db).Insert(first).Insert(again).ExecuteAsync());
        }
        Assert.Null(await ReadAsync(first.Id));
        await using (var check = app.SystemDb())
            Assert.False(await check.Residents.AnyAsync(r => r.RecordNumber == "33010600100197005" || r.RecordNumber == "33010600100197006"));
    }
}

public sealed class RawWriteTestsSqlite(SqliteApp app) : RawWriteTests<SqliteApp>(app);
public sealed class RawWriteTestsPostgres(PostgresApp app) : RawWriteTests<PostgresApp>(app);
