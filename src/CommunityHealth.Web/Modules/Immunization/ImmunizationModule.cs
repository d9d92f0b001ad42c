using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Immunization.Fhir;
using CommunityHealth.Web.Platform.Indicators;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;
using CommunityHealth.Web.Platform.WorkList;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>预防接种: vaccinees, doses and the NIP forecast, work lists, coverage, vaccine stock, cold chain, reminders; FHIR
/// Immunization, ImmunizationRecommendation, ImmunizationEvaluation and the NIP vaccine CodeSystem.</summary>
public sealed class ImmunizationModule : IModule
{
    public string Name => "Immunization";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IDemoSeeder, DemoImmunization>();
        services.AddSingleton<ImmunizationIndicators>();
        services.AddSingleton<IIndicatorSource>(sp => sp.GetRequiredService<ImmunizationIndicators>());
        services.AddSingleton<IResidentActivity>(sp => sp.GetRequiredService<ImmunizationIndicators>());
        services.AddScoped<RegisterVaccinee>();
        services.AddScoped<GetVaccinee>();
        services.AddScoped<GetForecast>();
        services.AddScoped<GetVaccinationCertificate>();
        services.AddScoped<UpdateVaccineeFacts>();
        services.AddScoped<AdministerDose>();
        services.AddScoped<RecordObservation>();
        services.AddScoped<RecordContraindication>();
        services.AddScoped<EndContraindication>();
        services.AddScoped<RecordAdverseEvent>();
        services.AddScoped<RecordContact>();
        services.AddScoped<ChangeVaccineeStatus>();
        services.AddScoped<VaccinationWorkList>();
        services.AddWorkProgramme<ImmunizationWorkItems>();
        services.AddScoped<RefreshDueDates>();
        services.AddScoped<ListVaccineLots>();
        services.AddScoped<ReceiveVaccineLot>();
        services.AddScoped<AdjustStock>();
        services.AddScoped<ListStockMovements>();
        services.AddScoped<ListRefrigerators>();
        services.AddScoped<AddRefrigerator>();
        services.AddScoped<RecordTemperature>();
        services.AddScoped<ListTemperatureReadings>();
        services.AddScoped<RecordExcursionAction>();
        services.AddScoped<GenerateReminders>();
        services.AddScoped<ListReminders>();
        services.AddScoped<DispatchReminders>();
        var webhook = configuration["Reminders:WebhookUrl"];
        if (string.IsNullOrWhiteSpace(webhook)) services.AddSingleton<IReminderSender, RecordingReminderSender>();
        else
        {
            services.AddHttpClient("reminders", c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<IReminderSender>(sp => new WebhookReminderSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient("reminders"), webhook));
        }
        if (configuration.GetValue("Reminders:Enabled", true)) services.AddHostedService<ImmunizationJobs>();
    }

    public void MapApi(RouteGroupBuilder api) => api.MapGroup("").RequirePermissions(Permission.ImmunizationRead, Permission.ImmunizationWrite).MapImmunization();

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermissions(Permission.ImmunizationRead, Permission.ImmunizationWrite).MapImmunizationFhir().MapImmunizationEvaluationFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
    [
        new("Immunization", ["read", "search-type", "create"], ["patient", "date", "_count"]),
        new("ImmunizationRecommendation", ["search-type"], ["patient", "date"]),
        new("ImmunizationEvaluation", ["read", "search-type"], ["patient", "dose-status", "_count"]),
        new("CodeSystem", ["read", "search-type"], ["url"]),
    ];

    public IEnumerable<MenuEntry> Menu =>
    [
        new("预防接种", "接种通知单", "immunization/worklist", Permission.ImmunizationRead, 200, "nav-worklist"),
        new("预防接种", "疫苗库存", "immunization/stock", Permission.ImmunizationRead, 210),
        new("预防接种", "冷链温度监测", "immunization/cold-chain", Permission.ImmunizationRead, 220),
        new("预防接种", "接种提醒", "immunization/reminders", Permission.ImmunizationRead, 240),
    ];
}
