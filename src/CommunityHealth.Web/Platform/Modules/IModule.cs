using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Platform.Modules;

/// <summary>
/// What a module brings to the host. Each module has one implementation (<c>Modules/&lt;Name&gt;/&lt;Name&gt;Module.cs</c>) and
/// <c>Program.cs</c> lists them; the host calls these in order: services at build time, then the routes.
/// </summary>
public interface IModule
{
    /// <summary>The module's folder name (Residents, Immunization …), also the OpenAPI tag of its routes.</summary>
    string Name { get; }

    /// <summary>Handlers, stores, jobs, work-list sources, indicators and the demo seeder.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>JSON routes under <c>/api</c> (the group already requires a signed-in user).</summary>
    void MapApi(RouteGroupBuilder api) { }

    /// <summary>Routes outside <c>/api</c> and <c>/fhir</c> (form posts, downloads for pages).</summary>
    void MapEndpoints(IEndpointRouteBuilder app) { }

    /// <summary>FHIR R4 routes under <c>/fhir</c>.</summary>
    void MapFhir(RouteGroupBuilder fhir) { }

    /// <summary>The FHIR resources the module serves, for the CapabilityStatement.</summary>
    IEnumerable<FhirResourceCapability> FhirResources => [];

    /// <summary>Side-menu entries, shown to users holding the entry's permission.</summary>
    IEnumerable<MenuEntry> Menu => [];
}

/// <summary>One resource type of the CapabilityStatement.</summary>
public sealed record FhirResourceCapability(string Type, string[] Interactions, string[] SearchParams);

/// <summary>A side-menu link: its group heading and label are text keys, <paramref name="Order"/> sorts groups and links.</summary>
public sealed record MenuEntry(string Group, string Label, string Href, Permission Permission, int Order, string? Id = null);
