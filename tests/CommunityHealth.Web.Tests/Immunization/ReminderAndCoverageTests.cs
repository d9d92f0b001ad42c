using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CommunityHealth.Web.Tests.Immunization;

/// <summary>A local SMS gateway stand-in: records every POST; answers 500 to the first <see cref="FailFirst"/> requests.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    public WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/sms", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            Received.Enqueue((request.Headers["Idempotency-Key"].ToString(), body));
            return Interlocked.Increment(ref _seen) <= FailFirst ? Results.StatusCode(500) : Results.Ok();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/sms";
    }

    public string Url { get; }
    public int FailFirst { get; set; } = 1;
    public ConcurrentQueue<(string Key, JsonElement Body)> Received { get; } = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public class ReminderApp(Provider provider) : TestApp(provider)
{
    public WebhookReceiver Receiver { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Reminders:WebhookUrl", Receiver.Url);
        builder.UseSetting("Reminders:IntervalSeconds", "1");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class SqliteReminderApp() : ReminderApp(Provider.Sqlite);
public sealed class PostgresReminderApp() : ReminderApp(Provider.Postgres);

public abstract class ReminderAndCoverageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ReminderApp
{
    private static DateOnly Today => ImmunizationApiTests<TApp>.Today;

    private static async Task Given(HttpClient nurse, string child, params (string Vaccine, DateOnly On)[] doses)
    {
        var r = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = doses.Select(d => new { vaccine = d.Vaccine, givenAt = ImmunizationApiTests<TApp>.At(d.On), lotNumber = "EXT" }) });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reminders_are_queued_once_sent_through_the_webhook_with_retry_and_never_twice()
    {
        var nurse = await app.ClientAsync("nurse2");
        var birth = Today.AddMonths(-2).AddDays(3); // IPV 1 and DTaP 1 due in 3 days
        var (_, child, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        await Given(nurse, child, ("HepB", birth), ("BCG", birth), ("HepB", birth.AddMonths(1)));

        var first = await (await nurse.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 7 })).ReadJsonAsync();
        Assert.True(first.GetProperty("created").GetInt32() >= 1);
        var second = await (await nurse.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 7 })).ReadJsonAsync();
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        var bad = await nurse.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 90 });
        await ProblemAssert.FieldErrorAsync(bad, "daysAhead");

        await using var db = app.SystemDb();
        var message = await db.ReminderMessages.SingleAsync(m => m.VaccineeId == Guid.Parse(child));
        Assert.Contains($"{birth.AddMonths(2):yyyy-MM-dd}", message.Text);
        Assert.Contains("脊灰灭活疫苗第1剂", message.Text);

        // the gateway fails the first attempt: recorded with the error, retried later
        var failed = await WaitAsync(app, db, message.Id, m => m.Attempts >= 1);
        Assert.Equal(ReminderStatus.Pending, failed.Status);
        Assert.Contains("500", failed.LastError);
        Assert.True(failed.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30)); // back-off
        await db.ReminderMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)));
        var sent = await WaitAsync(app, db, message.Id, m => m.Status == ReminderStatus.Sent);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal("webhook", sent.Sender);
        await Task.Delay(2500); // the dispatcher keeps running: nothing is sent again
        var deliveries = app.Receiver.Received.Where(r => r.Key == message.Id.ToString()).ToList();
        Assert.Equal(2, deliveries.Count); // one failed, one accepted
        Assert.Equal(message.Recipient, deliveries[^1].Body.GetProperty("to").GetString());
        var outbox = await nurse.GetJsonAsync("/api/reminders?status=Sent");
        Assert.Contains(outbox.Items(), m => m.Str("id") == message.Id.ToString());
    }

    // the dispatcher waits on the app's fake clock: each poll moves it on by the dispatch interval (1 s), well inside the back-off
    private static async Task<ReminderMessage> WaitAsync(TApp app, Data.HealthDbContext db, Guid id, Func<ReminderMessage, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var m = await db.ReminderMessages.AsNoTracking().SingleAsync(x => x.Id == id);
            if (done(m)) return m;
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
        }
        throw new TimeoutException("The reminder dispatcher did not get there in 20 s");
    }

    [Fact]
    public async Task Coverage_per_dose_and_certificate_rate_drill_down_to_the_children()
    {
        var nurse = await app.ClientAsync("nurse3");
        var cohort = Today.Year - 2;
        // three children of the cohort at nurse3's station: on time, late, none
        var births = new[] { new DateOnly(cohort, 2, 1), new DateOnly(cohort, 3, 1), new DateOnly(cohort, 4, 1) };
        var (_, onTime, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, births[0]);
        var (_, late, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, births[1]);
        var (noneResident, _, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, births[2]);
        await Given(nurse, onTime, ("HepB", births[0]), ("MMR", births[0].AddMonths(8)));
        await Given(nurse, late, ("HepB", births[1].AddDays(20)), ("MMR", births[1].AddMonths(13)));

        // the catalogue's 接种率 of the year in which the cohort reached each dose's age (MMR 1 at 8 months: October–December)
        var station = (await nurse.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var period = cohort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task<Dictionary<string, bool>> People(string code) =>
            (await nurse.GetJsonAsync($"/api/indicators/{code}/people?org={station}&period={period}&set=denominator&pageSize=500")).GetProperty("items").Items()
                .ToDictionary(p => p.Str("residentId"), p => p.GetProperty("inNumerator").GetBoolean());
        var mmr1 = await People("imm.coverage.MMR-1");
        var ids = await Task.WhenAll(new[] { onTime, late }.Select(async v => (await nurse.GetJsonAsync($"/api/vaccinees/{v}")).Str("residentId")));
        Assert.True(mmr1[ids[0]]);
        Assert.False(mmr1[ids[1]]); // given at 13 months: after the end of the year in which it was due
        Assert.False(mmr1[noneResident]);
        var value = await nurse.GetJsonAsync($"/api/indicators/imm.coverage.MMR-1?org={station}&period={period}");
        Assert.Equal(mmr1.Count, value.GetProperty("denominator").GetInt32());
        Assert.Equal(mmr1.Count(p => p.Value), value.GetProperty("numerator").GetInt32());
        Assert.Equal(Math.Round(100m * mmr1.Count(p => p.Value) / mmr1.Count, 2), value.GetProperty("value").GetDecimal());
        Assert.True((await People("imm.coverage.HepB-1"))[ids[1]]); // a late dose is still a dose
        Assert.Contains(noneResident, (await People("imm.certificate")).Keys);
        Assert.Empty((await People("imm.coverage.MMR-2")).Keys.Intersect([noneResident, .. ids])); // MMR 2 is due at 18 months: the next year

        var xlsx = await nurse.GetAsync($"/api/indicators/board/export?period={period}&programme=immunization");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["指标"] == "麻腮风疫苗第1剂接种率");

        // moving away takes a child out of the denominator
        await nurse.PostAsJsonAsync($"/api/vaccinees/{late}/status", new { status = "MovedAway" });
        Assert.DoesNotContain(ids[1], (await People("imm.coverage.MMR-1")).Keys);
        await ProblemAssert.FieldErrorAsync(await nurse.GetAsync("/api/indicators/imm.coverage.MMR-1?period=1890"), "period");
    }
}

public sealed class ReminderAndCoverageTestsSqlite(SqliteReminderApp app) : ReminderAndCoverageTests<SqliteReminderApp>(app);
public sealed class ReminderAndCoverageTestsPostgres(PostgresReminderApp app) : ReminderAndCoverageTests<PostgresReminderApp>(app);
