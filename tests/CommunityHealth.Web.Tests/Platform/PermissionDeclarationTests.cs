using System.Reflection;
using CommunityHealth.Web.Platform;
using CommunityHealth.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Tests.Platform;

/// <summary>Every route under /api and /fhir and every page declares its permission from the one table, or is explicitly anonymous.</summary>
public sealed class PermissionDeclarationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Every_api_and_fhir_route_declares_a_permission_or_is_anonymous()
    {
        var routes = Doors.MachineRoutes(app);
        Assert.True(routes.Count > 50, $"only {routes.Count} routes found: is the endpoint data source the app's?");
        var undeclared = routes
            .Where(e => e.Metadata.GetMetadata<PermissionMetadata>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])} {Doors.Pattern(e)}")
            .ToList();
        Assert.True(undeclared.Count == 0, "no permission declared: " + string.Join("; ", undeclared));
    }

    [Fact]
    public void Every_page_declares_a_permission_or_is_anonymous()
    {
        var pages = Doors.Pages();
        Assert.True(pages.Count > 20, $"only {pages.Count} pages found");
        var undeclared = pages.Where(p => !Doors.DeclaresPermission(p) && !Doors.IsAnonymous(p))
            .Select(p => $"{p.Name} ({string.Join(", ", p.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))})").ToList();
        Assert.True(undeclared.Count == 0, "no permission declared: " + string.Join("; ", undeclared));
    }

    [Fact]
    public void Anonymous_doors_are_only_the_sign_in_and_public_ones()
    {
        var routes = Doors.MachineRoutes(app).Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Doors.Pattern).Order().ToList();
        Assert.Equal(["/api/auth/token", "/fhir/metadata"], routes);
        var pages = Doors.Pages().Where(Doors.IsAnonymous).Select(p => p.Name).Order().ToList();
        Assert.Equal(["Error", "Login", "NotFound"], pages);
    }
}
