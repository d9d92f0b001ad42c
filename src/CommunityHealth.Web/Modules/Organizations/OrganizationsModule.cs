using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Organizations.Fhir;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>The district's organisation tree (bureau, centers, stations) and the family-doctor teams.</summary>
public sealed class OrganizationsModule : IModule
{
    public string Name => "Organizations";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ListOrganizations>();
        services.AddScoped<GetOrganization>();
        services.AddScoped<CreateOrganizationHandler>();
        services.AddScoped<UpdateOrganizationHandler>();
        services.AddScoped<ListTeams>();
        services.AddScoped<GetTeam>();
        services.AddScoped<CreateTeam>();
        services.AddScoped<UpdateTeam>();
        services.AddSingleton<IDemoSeeder, DemoOrganizations>();
    }

    /// <summary>The module's routes under /api/organizations and /api/teams, one slice each.</summary>
    public void MapApi(RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("").RequirePermissions(Permission.OrganizationsRead, Permission.OrganizationsManage)
            .MapGroup("/organizations").WithTags("Organizations");
        ListOrganizations.Map(organizations);
        GetOrganization.Map(organizations);
        CreateOrganizationHandler.Map(organizations);
        UpdateOrganizationHandler.Map(organizations);

        var teams = api.MapGroup("").RequirePermissions(Permission.OrganizationsRead, Permission.TeamsManage).MapGroup("/teams").WithTags("Teams");
        ListTeams.Map(teams);
        GetTeam.Map(teams);
        CreateTeam.Map(teams);
        UpdateTeam.Map(teams);
    }

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermission(Permission.OrganizationsRead).MapOrganizationFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
        [new("Organization", ["read", "search-type"], ["_id", "name", "identifier", "partof", "active"])];

    public IEnumerable<MenuEntry> Menu =>
    [
        new("系统管理", "机构管理", "admin/organizations", Permission.OrganizationsRead, 910),
        new("系统管理", "家庭医生团队", "admin/teams", Permission.OrganizationsRead, 920),
    ];
}
