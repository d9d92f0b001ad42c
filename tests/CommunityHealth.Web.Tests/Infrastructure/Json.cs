using System.Net.Http.Json;
using System.Text.Json;

namespace CommunityHealth.Web.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        Assert.True(r.IsSuccessStatusCode, $"GET {url}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.ReadJsonAsync();
    }

    public static IEnumerable<JsonElement> Items(this JsonElement array) => array.EnumerateArray();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}

public static class ProblemAssert
{
    /// <summary>A 400 (or <paramref name="status"/>, e.g. 409 for a conflict) ProblemDetails whose errors name <paramref name="field"/> with a Chinese message; returns that message.</summary>
    public static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.GetRawText());
        var message = messages[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        return message;
    }
}
