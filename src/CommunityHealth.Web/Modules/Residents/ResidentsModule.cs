using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Residents;
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
        services.AddScoped<GetResident>();
        services.AddScoped<RegisterResidentHandler>();
        services.AddScoped<UpdateResident>();
        services.AddScoped<CloseResidentHandler>();
        services.AddScoped<TransferResidentHandler>();
        services.AddScoped<GetResidentHistory>();
        services.AddScoped<MoveHousehold>();
        services.AddScoped<GetHousehold>();
        services.AddScoped<SearchHouseholds>();
        services.AddScoped<SearchResidents>();
        services.AddScoped<ListDuplicates>();
        services.AddScoped<DismissDuplicate>();
        services.AddScoped<MergeResidents>();
        services.AddScoped<UndoMerge>();
        services.AddScoped<ListMerges>();
        services.AddScoped<ImportResidents>();
        services.AddScoped<ResidentExport>();
        services.AddSingleton<IDemoSeeder, DemoResidents>();
    }

    /// <summary>The module's routes under /api/residents (and /api/households, /api/resident-merges), one slice each.</summary>
    public void MapApi(RouteGroupBuilder api)
    {
        var residents = api.MapGroup("").RequirePermissions(Permission.ResidentsRead, Permission.ResidentsWrite);
        var g = residents.MapGroup("/residents").WithTags("Residents");
        SearchResidents.Map(g);
        GetResident.Map(g);
        RegisterResidentHandler.Map(g);
        UpdateResident.Map(g);
        CloseResidentHandler.Map(g);
        TransferResidentHandler.Map(g);
        MoveHousehold.Map(g);
        GetResidentHistory.Map(g);
        ImportResidents.Map(g);
        ResidentExport.Map(g);
        ListDuplicates.Map(g);
        DismissDuplicate.Map(g);
        MergeResidents.Map(g);
        ListMerges.Map(g);
        UndoMerge.Map(residents);
        GetHousehold.Map(residents);
        SearchHouseholds.Map(residents);
        residents.MapGet("/code-lists", () => TypedResults.Ok(ResidentCodes.All)).WithTags("Residents").WithSummary("The effective-dated code lists of the record forms");
    }

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermissions(Permission.ResidentsRead, Permission.ResidentsWrite).MapPatients();

    public IEnumerable<FhirResourceCapability> FhirResources =>
        [new("Patient", ["read", "search-type", "create", "update"], ["identifier", "name", "birthdate", "gender", "_count"])];

    public IEnumerable<MenuEntry> Menu => [new("", "居民档案", "residents", Permission.ResidentsRead, 100, "nav-residents")];
}
