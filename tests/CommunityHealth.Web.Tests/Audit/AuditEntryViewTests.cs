using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Modules.Audit;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Audit;

/// <summary>
/// The audit page's reading of an entry (issue 19): the resident's name for its id, a change of a health record as
/// "field: old → new", a list read as its page and the people's names, and an id nobody can resolve shortened with the
/// full id kept for the tooltip.
/// </summary>
public abstract class AuditEntryViewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task A_resident_update_reads_with_the_name_and_each_changed_field()
    {
        var doctor = await app.ClientAsync("doctor1");
        var station = (await doctor.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var number = IdCardNumber.Compose("330106", new DateOnly(1971, 5, 6), Random.Shared.Next(100, 999));
        var record = new { name = "审计林", documentType = "01", documentNumber = number, residenceType = "1", phone = "13900000011" };
        var created = await (await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record })).ReadJsonAsync();
        var id = created.Str("id");
        var update = await doctor.PutAsJsonAsync($"/api/residents/{id}", record with { phone = "13900000022" });
        Assert.True(update.IsSuccessStatusCode, await update.Content.ReadAsStringAsync());
        var other = new { name = "审计何", documentType = "01", documentNumber = IdCardNumber.Compose("330106", new DateOnly(1972, 5, 6), Random.Shared.Next(100, 999)), residenceType = "1" };
        Assert.True((await doctor.PostAsJsonAsync("/api/residents", new { organizationId = station, record = other })).IsSuccessStatusCode);
        Assert.True((await doctor.GetAsync("/api/residents?q=审计")).IsSuccessStatusCode); // a list read naming both
        await app.FlushAuditAsync();

        var admin = await AdminAsync();
        var rows = (await (await app.ClientAsync("admin")).GetFromJsonAsync<AuditResultPage>("/api/audit?pageSize=200", Json))!.Items;
        var views = await DescribeAsync(admin, rows);

        var updated = rows.First(r => r.Entity == "Resident" && r.EntityId == id && r.Action == "update");
        var view = views[updated.Id];
        Assert.Equal("审计林", view.Subject.Text);
        Assert.Equal(id, view.Subject.Title);
        Assert.Contains(view.Changes, c => c.Contains("13900000011 → 13900000022", StringComparison.Ordinal));
        Assert.DoesNotContain(view.Changes, c => c.Contains("name", StringComparison.Ordinal)); // only what changed, by its label

        var listed = rows.First(r => r.Action == "view" && r.EntityId == "list" && r.Detail?.Contains(id, StringComparison.Ordinal) == true);
        var pieces = views[listed.Id].Detail;
        Assert.Contains(pieces, p => p.Text == "审计林" && p.Title == id);
        Assert.DoesNotContain(pieces, p => p.Text.Contains(id, StringComparison.Ordinal)); // no bare 36-character id on the page
    }

    [Fact]
    public async Task An_id_that_names_nothing_is_shortened_with_the_full_id_for_the_tooltip()
    {
        var admin = await AdminAsync();
        var unknown = Guid.NewGuid().ToString();
        var row = new AuditRow(Guid.NewGuid(), DateTime.UtcNow, "doctor1", "doctor", null, "Measurement", unknown, "create", null, $"resident {unknown} BloodPressure");
        var view = (await DescribeAsync(admin, [row]))[row.Id];
        Assert.Equal(unknown[..DescribeAuditEntries.ShortId] + "…", view.Subject.Text);
        Assert.Equal(unknown, view.Subject.Title);
        Assert.Equal(["resident ", unknown[..8] + "…", " BloodPressure"], view.Detail.Select(p => p.Text));
    }

    private async Task<StaffContext> AdminAsync()
    {
        var me = await (await app.ClientAsync("admin")).GetStringAsync("/api/me");
        return JsonSerializer.Deserialize<StaffContext>(me, Json)!;
    }

    private async Task<IReadOnlyDictionary<Guid, AuditEntryView>> DescribeAsync(StaffContext staff, IReadOnlyList<AuditRow> rows)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DescribeAuditEntries>().HandleAsync(staff, rows);
    }
}

public sealed class AuditEntryViewTestsSqlite(SqliteApp app) : AuditEntryViewTests<SqliteApp>(app);
public sealed class AuditEntryViewTestsPostgres(PostgresApp app) : AuditEntryViewTests<PostgresApp>(app);
