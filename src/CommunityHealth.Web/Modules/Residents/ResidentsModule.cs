using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Residents.Fhir;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>居民健康档案: resident records and households, search, import/export, duplicates and merges; FHIR Patient.</summary>
public sealed class ResidentsModule : IModule
{
    public string Name => "Residents";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IResidentReads, ResidentReads>();
        services.AddScoped<ResidentHandlers>();
        services.AddScoped<SearchResidents>();
        services.AddScoped<MergeResidents>();
        services.AddScoped<ImportResidents>();
        services.AddScoped<ResidentExport>();
        services.AddSingleton<IDemoSeeder, DemoResidents>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapGroup("").RequirePermissions(Permission.ResidentsRead, Permission.ResidentsWrite).MapResidents();

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermissions(Permission.ResidentsRead, Permission.ResidentsWrite).MapPatients();

    public IEnumerable<FhirResourceCapability> FhirResources =>
        [new("Patient", ["read", "search-type", "create", "update"], ["identifier", "name", "birthdate", "gender", "_count"])];

    public IEnumerable<MenuEntry> Menu => [new("", "居民档案", "residents", Permission.ResidentsRead, 100, "nav-residents")];
}
