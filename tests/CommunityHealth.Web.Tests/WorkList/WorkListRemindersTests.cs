using System.Net;
using System.Net.Http.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.ChronicCare;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Tests.WorkList;

/// <summary>Reminders come from the home list's items for every programme, in the programme's own text, never twice, and not to a resident who opted out.</summary>
public abstract class WorkListRemindersTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static DateOnly Today => TestClock.Today;
    private static int _seq;

    private static async Task<string> PatientAsync(HttpClient doctor, string phone)
    {
        var station = (await doctor.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var n = Interlocked.Increment(ref _seq);
        var r = await doctor.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station,
            record = new { name = "提醒" + (char)('甲' + n), documentType = "01", documentNumber = IdCardNumber.Compose("330106", Today.AddYears(-60).AddDays(-n), 700 + n * 2 + 1), residenceType = "1", phone },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var resident = (await r.ReadJsonAsync()).Str("id");
        await ChronicCareApiTests<TApp>.RegisterAsync(doctor, resident, "Hypertension", Today.AddYears(-1), Today.AddDays(-10)); // first visit due within the week
        return resident;
    }

    [Fact]
    public async Task A_follow_up_due_this_week_is_reminded_once_in_the_programmes_words_and_an_opted_out_resident_is_not()
    {
        var doctor = await app.ClientAsync("doctor5");
        var reminded = await PatientAsync(doctor, "13800138021");
        var declined = await PatientAsync(doctor, "13800138022");
        var put = await doctor.PutAsJsonAsync($"/api/residents/{declined}/reminders", new { optOut = true, reason = "本人不愿接收短信" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var state = await doctor.GetJsonAsync($"/api/residents/{declined}/reminders");
        Assert.True(state.GetProperty("optedOut").GetBoolean());
        Assert.Equal("本人不愿接收短信", state.Str("reason"));
        await ProblemAssert.FieldErrorAsync(await doctor.PutAsJsonAsync($"/api/residents/{declined}/reminders", new { reason = "x" }), "optOut");

        var first = await (await doctor.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 7, programme = "hypertension" })).ReadJsonAsync();
        Assert.True(first.GetProperty("created").GetInt32() >= 1);
        Assert.True(first.GetProperty("optedOut").GetInt32() >= 1);
        await using var db = app.SystemDb();
        var message = await db.ReminderMessages.AsNoTracking().SingleAsync(m => m.ResidentId == Guid.Parse(reminded));
        Assert.Equal(("hypertension", "13800138021", (Guid?)null), (message.Programme, message.Recipient, message.VaccineeId));
        Assert.Contains("高血压随访", message.Text);
        Assert.Contains(Today.AddDays(4).ToString("yyyy-MM-dd"), message.Text);
        Assert.False(await db.ReminderMessages.AnyAsync(m => m.ResidentId == Guid.Parse(declined)));

        var again = await (await doctor.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 7 })).ReadJsonAsync();
        Assert.Equal(1, await db.ReminderMessages.CountAsync(m => m.ResidentId == Guid.Parse(reminded)));
        Assert.True(again.GetProperty("alreadyQueued").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 7, programme = "dental" })).StatusCode);

        // opted back in: the next generation reminds them too
        await doctor.PutAsJsonAsync($"/api/residents/{declined}/reminders", new { optOut = false });
        await doctor.PostAsJsonAsync("/api/reminders/generate", new { daysAhead = 7 });
        Assert.True(await db.ReminderMessages.AnyAsync(m => m.ResidentId == Guid.Parse(declined)));
    }
}

public sealed class WorkListRemindersTestsSqlite(SqliteApp app) : WorkListRemindersTests<SqliteApp>(app);
public sealed class WorkListRemindersTestsPostgres(PostgresApp app) : WorkListRemindersTests<PostgresApp>(app);
