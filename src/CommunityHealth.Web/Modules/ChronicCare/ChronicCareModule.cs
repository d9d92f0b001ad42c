using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare.Fhir;
using CommunityHealth.Web.Platform.Indicators;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;
using CommunityHealth.Web.Platform.WorkList;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>慢病管理: hypertension and type 2 diabetes registration, follow-ups, referrals, screening, work lists and
/// indicators; FHIR Condition and Observation.</summary>
public sealed class ChronicCareModule : IModule
{
    public string Name => "ChronicCare";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IFollowUpStore, FollowUpStore>();
        services.AddSingleton<IDemoSeeder, DemoChronicCare>();
        services.AddSingleton<IIndicatorSource, ChronicIndicators>();
        services.AddSingleton<IResidentActivity, ChronicActivity>();
        services.AddScoped<RegisterPatient>();
        services.AddScoped<DeregisterPatient>();
        services.AddScoped<GetChronicPatient>();
        services.AddScoped<GetChronicTimeline>();
        services.AddScoped<RecordFollowUp>();
        services.AddScoped<GetFollowUp>();
        services.AddScoped<RecordMeasurementHandler>();
        services.AddScoped<CreateReferralHandler>();
        services.AddScoped<RecordReferralResultHandler>();
        services.AddScoped<ChronicWorkList>();
        services.AddWorkProgramme<HypertensionWorkItems>();
        services.AddWorkProgramme<DiabetesWorkItems>();
    }

    /// <summary>The module's routes under /api/chronic, one slice each.</summary>
    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequirePermissions(Permission.ChronicCareRead, Permission.ChronicCareWrite).MapGroup("/chronic").WithTags("ChronicCare");
        RegisterPatient.Map(g);
        DeregisterPatient.Map(g);
        GetChronicPatient.Map(g);
        RecordFollowUp.Map(g);
        GetFollowUp.Map(g);
        RecordMeasurementHandler.Map(g);
        CreateReferralHandler.Map(g);
        RecordReferralResultHandler.Map(g);
        ChronicWorkList.Map(g);
        g.MapGet("/codes", () => TypedResults.Ok(ChronicCodes.All.ToDictionary(c => c.Id, c => c.Entries)))
            .WithSummary("The code lists of the follow-up forms (symptoms, urgent signs, sources, reasons …)");
    }

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermissions(Permission.ChronicCareRead, Permission.ChronicCareWrite).MapChronicFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
    [
        new("Condition", ["read", "search-type"], ["patient", "code", "onset-date", "recorded-date", "clinical-status", "_count"]),
        new("Observation", ["read", "search-type", "create"], ["patient", "code", "date", "_count"]),
    ];

    public IEnumerable<MenuEntry> Menu =>
    [
        new("慢病管理", "慢病随访清单", "chronic/worklist", Permission.ChronicCareRead, 300, "nav-chronic-worklist"),
    ];
}
