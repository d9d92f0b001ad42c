using System.Reflection;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>Every door into the application, discovered rather than listed: the routes under /api and /fhir, and the pages.</summary>
internal static class Doors
{
    public static IReadOnlyList<RouteEndpoint> MachineRoutes(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/fhir", StringComparison.Ordinal)))
            .ToList();

    public static IReadOnlyList<RouteEndpoint> Gets(TestApp app) =>
        MachineRoutes(app).Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true).ToList();

    public static string Pattern(RouteEndpoint e) => e.RoutePattern.RawText!;

    public static IReadOnlyList<Type> Pages() =>
        typeof(PermissionEndpoints).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any()).ToList();

    public static bool DeclaresPermission(Type page) => page.GetCustomAttribute<RequirePermissionAttribute>() is not null;

    public static bool IsAnonymous(Type page) => page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
}
