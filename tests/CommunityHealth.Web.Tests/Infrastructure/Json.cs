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
