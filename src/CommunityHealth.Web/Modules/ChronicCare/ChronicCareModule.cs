using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare.Fhir;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.ChronicCare;

/// <summary>慢病管理: hypertension and type 2 diabetes registration, follow-ups, referrals, screening, work lists and
/// indicators; FHIR Condition and Observation.</summary>
public sealed class ChronicCareModule : IModule
{
    public string Name => "ChronicCare";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IFollowUpStore, FollowUpStore>();
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
        services.AddScoped<GetIndicatorReport>();
        services.AddScoped<ListIndicatorPatients>();
        services.AddScoped<GetIndicatorTrend>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapGroup("").RequirePermissions(Permission.ChronicCareRead, Permission.ChronicCareWrite).MapChronicCare();

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermission(Permission.ChronicCareRead).MapChronicFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
    [
        new("Condition", ["read", "search-type"], ["patient", "code", "onset-date", "recorded-date", "clinical-status", "_count"]),
        new("Observation", ["read", "search-type"], ["patient", "code", "date", "_count"]),
    ];

    public IEnumerable<MenuEntry> Menu =>
    [
        new("慢病管理", "慢病随访清单", "chronic/worklist", Permission.ChronicCareRead, 300, "nav-chronic-worklist"),
        new("慢病管理", "慢病管理指标", "chronic/indicators", Permission.IndicatorsRead, 310),
    ];
}
