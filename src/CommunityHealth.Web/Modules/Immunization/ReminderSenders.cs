using CommunityHealth.Data.Immunization;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>Delivers one reminder; throws on failure (the dispatcher retries with back-off).</summary>
public interface IReminderSender
{
    string Name { get; }
    Task SendAsync(ReminderMessage message, CancellationToken ct);
}

/// <summary>Only records the message as sent (for sites without an SMS gateway; the outbox is the record).</summary>
public sealed class RecordingReminderSender : IReminderSender
{
    public string Name => "record";
    public Task SendAsync(ReminderMessage message, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Posts the message as JSON to the configured gateway URL (<c>Reminders:WebhookUrl</c>). The message id goes in
/// the body and in an <c>Idempotency-Key</c> header, so a gateway can drop a retry of a message it already took.
/// </summary>
public sealed class WebhookReminderSender(HttpClient http, string url) : IReminderSender
{
    public string Name => "webhook";

    public async Task SendAsync(ReminderMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { id = message.Id, to = message.Recipient, text = message.Text }),
        };
        request.Headers.Add("Idempotency-Key", message.Id.ToString());
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Gateway answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
