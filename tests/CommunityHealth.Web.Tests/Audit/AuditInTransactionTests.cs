using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Data;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunityHealth.Web.Tests.Audit;

/// <summary>
/// A write's audit rows are part of its transaction (docs/decisions/0013): a write that fails or rolls back leaves none,
/// a committed one has them the moment it is answered. The apps run without <see cref="AuditWriter"/>, so a row found
/// here can only have come from the write itself.
/// </summary>
public abstract class AuditInTransactionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static int _seq = 300;

    private static string NewId(DateOnly birth) => IdCardNumber.Compose("330106", birth, Interlocked.Increment(ref _seq) * 2 % 1000);

    private static readonly AuditActor Tester = new(Guid.Empty, null, "audit.test", ["SystemAdministrator"], null, "127.0.0.1");

    private async Task<Organization> StationAsync()
    {
        await using var db = app.SystemDb();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.DivisionCode == "330106001001");
    }

    private async Task<string> OrgIdAsync(string code) =>
        (await (await app.ClientAsync("admin")).GetJsonAsync("/api/organizations")).Items().Single(o => o.Str("divisionCode") == code).Str("id");

    private async Task<List<AuditEntry>> AuditOfAsync(string entityId)
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync();
    }

    private static Resident Resident(Organization station, string number) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = station.DistrictId, CenterId = station.CenterId, OrganizationId = station.Id,
        RecordNumber = number, RecordLast8 = number[9..], Name = "审计测试", NameInitials = "sjcs", DocumentType = "99", DocumentNumber = number,
        Sex = "1", BirthDate = new DateOnly(1970, 1, 1), ResidenceType = "1", Status = ResidentStatus.Active,
        CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private DataScope ScopeOf(Organization station) => DataScope.Station(station.DistrictId, station.CenterId!.Value, station.Id);

    [Fact]
    public async Task Save_rejected_by_a_constraint_after_the_audit_row_was_attached_leaves_no_audit_row()
    {
        var station = await StationAsync();
        var existing = Resident(station, "33010600100198001");
        await using (var db = app.Service<IHealthDbFactory>().Create(ScopeOf(station)))
        {
            db.Residents.Add(existing);
            await db.SaveChangesAsync();
        }

        var again = Resident(station, "33010600100198002");
        again.Id = existing.Id; // the primary key is taken: the database refuses the insert
        await using (var db = app.Service<IHealthDbFactory>().Create(ScopeOf(station)))
        {
            db.Residents.Add(again);
            db.Audit(Tester with { DistrictId = station.DistrictId }, "Resident", "rejected-" + existing.Id, AuditActions.Create);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        Assert.Empty(await AuditOfAsync("rejected-" + existing.Id));
    }

    [Fact]
    public async Task Write_transaction_rolled_back_after_its_save_leaves_no_audit_row()
    {
        var station = await StationAsync();
        var r = Resident(station, "33010600100198003");
        await using (var db = app.Service<IHealthDbFactory>().Create(ScopeOf(station)))
        await using (var tx = await db.BeginWriteAsync())
        {
            db.Residents.Add(r);
            db.Audit(Tester with { DistrictId = station.DistrictId }, "Resident", r.Id.ToString(), AuditActions.Create);
            await db.SaveChangesAsync();
            // disposed without a commit
        }
        Assert.Empty(await AuditOfAsync(r.Id.ToString()));
        await using var check = app.SystemDb();
        Assert.False(await check.Residents.AnyAsync(x => x.Id == r.Id));
    }

    [Fact]
    public async Task Commit_with_an_audit_row_attached_but_never_saved_is_refused_and_nothing_is_kept()
    {
        var station = await StationAsync();
        var marker = "unsaved-" + Guid.CreateVersion7();
        await using (var db = app.Service<IHealthDbFactory>().Create(ScopeOf(station)))
        {
            await using var tx = await db.BeginWriteAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE record_number_sequences SET \"Next\" = \"Next\" WHERE \"Prefix\" = {"none"}");
            db.Audit(Tester with { DistrictId = station.DistrictId }, "Resident", marker, AuditActions.Update);
            await Assert.ThrowsAsync<InvalidOperationException>(() => tx.CommitAsync());
        }
        Assert.Empty(await AuditOfAsync(marker));
    }

    [Fact]
    public async Task Pooled_context_leased_again_does_not_write_a_row_an_earlier_lease_attached_and_never_saved()
    {
        var station = await StationAsync();
        var factory = app.Service<IHealthDbFactory>();
        var marker = "abandoned-" + Guid.CreateVersion7();
        await using (var db = factory.Create(ScopeOf(station)))
            db.Audit(Tester with { DistrictId = station.DistrictId }, "Resident", marker, AuditActions.Update); // the handler returned an error instead of saving
        for (var i = 0; i < 4; i++) // the pool hands the same instances out again
        {
            await using var db = factory.Create(ScopeOf(station));
            db.Residents.Add(Resident(station, $"3301060010019801{i}"));
            await db.SaveChangesAsync();
        }
        Assert.Empty(await AuditOfAsync(marker));
    }

    [Fact]
    public async Task Audit_row_time_comes_from_the_time_provider()
    {
        var station = await StationAsync();
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock(at))
            .AddHealthData(app.Provider.ToString(), app.ConnectionString).BuildServiceProvider();
        var r = Resident(station, "33010600100198020");
        await using (var db = services.GetRequiredService<IHealthDbFactory>().Create(ScopeOf(station)))
        {
            db.Residents.Add(r);
            db.Audit(Tester with { DistrictId = station.DistrictId }, "Resident", r.Id.ToString(), AuditActions.Create);
            await db.SaveChangesAsync();
        }
        Assert.Equal(at, DateTime.SpecifyKind(Assert.Single(await AuditOfAsync(r.Id.ToString())).At, DateTimeKind.Utc));
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }

    [Fact]
    public async Task Committed_writes_of_each_module_have_their_audit_rows_when_answered()
    {
        var admin = await app.ClientAsync("admin");
        var doctor = await app.ClientAsync("doctor1");
        var station = await OrgIdAsync("330106001001");

        // Residents: register (inside the record-number transaction), update, close
        var idNumber = NewId(new DateOnly(1961, 2, 3));
        var registered = await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station, record = new { name = "审计即时", documentType = "01", documentNumber = idNumber, residenceType = "1" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var resident = await registered.ReadJsonAsync();
        var residentId = resident.Str("id");
        Assert.Equal([$"{AuditActions.Create} {resident.Str("recordNumber")}"], (await AuditOfAsync(residentId)).Select(a => $"{a.Action} {a.Detail}"));
        var updated = await doctor.PutAsJsonAsync($"/api/residents/{residentId}",
            new { name = "审计即时", documentType = "01", documentNumber = idNumber, residenceType = "1", phone = "13900001111" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Contains(await AuditOfAsync(residentId), a => a.Action == AuditActions.Update && a.UserName == "doctor1");

        // Examinations
        var exam = await doctor.PostAsJsonAsync($"/api/residents/{residentId}/examinations", new { examDate = "2026-11-01", doctor = "赵静", vitals = new { leftSystolic = 130, leftDiastolic = 80 } });
        Assert.True(exam.IsSuccessStatusCode, await exam.Content.ReadAsStringAsync());
        Assert.Equal([AuditActions.Create], (await AuditOfAsync((await exam.ReadJsonAsync()).Str("id"))).Select(a => a.Action));

        // Organizations and teams
        var org = await admin.PostAsJsonAsync("/api/organizations", new { kind = "Station", parentId = await OrgIdAsync("330106002"), name = "审计服务站", divisionCode = "330106002009" });
        Assert.Equal(HttpStatusCode.Created, org.StatusCode);
        var orgId = (await org.ReadJsonAsync()).Str("id");
        Assert.Equal([AuditActions.Create], (await AuditOfAsync(orgId)).Select(a => a.Action));
        var team = await admin.PostAsJsonAsync("/api/teams", new { organizationId = station, name = "审计团队" });
        Assert.True(team.IsSuccessStatusCode, await team.Content.ReadAsStringAsync());
        Assert.Equal([AuditActions.Create], (await AuditOfAsync((await team.ReadJsonAsync()).Str("id"))).Select(a => a.Action));

        // Staff, then the account signs in (a token) and fails once
        var staff = await admin.PostAsJsonAsync("/api/staff", new { userName = "audit.now", displayName = "审计即时", password = "AuditNow2026Go", organizationId = station, roles = new[] { "Nurse" } });
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
        var staffId = (await staff.ReadJsonAsync()).Str("id");
        Assert.Equal([AuditActions.Create], (await AuditOfAsync(staffId)).Select(a => a.Action));
        var anon = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anon.PostAsJsonAsync("/api/auth/token", new { username = "audit.now", password = "AuditNow2026Go" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/auth/token", new { username = "audit.now", password = "Wrong2026Pass" })).StatusCode);
        var trail = await AuditOfAsync(staffId);
        Assert.Equal([AuditActions.Create, AuditActions.SignIn, AuditActions.SignInFailed], trail.Select(a => a.Action));
        Assert.Equal("Nurse", trail[1].Roles);
    }
}

/// <summary>The application without its background audit writer: only a write's own transaction can store its audit rows.</summary>
public class WithoutAuditWriter(Provider provider) : TestApp(provider)
{
    protected override void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        foreach (var d in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AuditWriter)).ToList())
            services.Remove(d);
    });
}

public sealed class SqliteAppWithoutAuditWriter() : WithoutAuditWriter(Provider.Sqlite);
public sealed class PostgresAppWithoutAuditWriter() : WithoutAuditWriter(Provider.Postgres);

public sealed class AuditInTransactionTestsSqlite(SqliteAppWithoutAuditWriter app) : AuditInTransactionTests<SqliteAppWithoutAuditWriter>(app);
public sealed class AuditInTransactionTestsPostgres(PostgresAppWithoutAuditWriter app) : AuditInTransactionTests<PostgresAppWithoutAuditWriter>(app);
