using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Indicators.Fhir;
using CommunityHealth.Web.Platform.Indicators;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>
/// 指标: the one indicator catalogue every module declares into (<see cref="IIndicatorSource"/>), the value of any indicator
/// for any organisation node and period, the people behind it (numerator, denominator, gap), its trend and the ranking of
/// the child organisations, the board of all indicators × organisations, the population figures that serve as denominators,
/// and FHIR Measure / MeasureReport.
/// </summary>
public sealed class IndicatorsModule : IModule
{
    public string Name => "Indicators";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IndicatorCatalogue>();
        services.AddSingleton<IndicatorCache>();
        services.AddScoped<IndicatorEngine>();
        services.AddScoped<ListIndicators>();
        services.AddScoped<GetIndicator>();
        services.AddScoped<GetIndicatorTrend>();
        services.AddScoped<GetIndicatorRanking>();
        services.AddScoped<GetIndicatorBoard>();
        services.AddScoped<ListIndicatorPeople>();
        services.AddScoped<ListPopulationFigures>();
        services.AddScoped<SetPopulationFigureHandler>();
        services.AddSingleton<IDemoSeeder, DemoPopulationFigures>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/indicators").RequirePermission(Permission.IndicatorsRead).WithTags("Indicators");
        ListIndicators.Map(g);
        GetIndicatorBoard.Map(g); // before /{code}: "board" is not an indicator code
        GetIndicator.Map(g);
        GetIndicatorTrend.Map(g);
        GetIndicatorRanking.Map(g);
        ListIndicatorPeople.Map(g);
        var population = api.MapGroup("/population").RequirePermission(Permission.IndicatorsRead).WithTags("Indicators");
        ListPopulationFigures.Map(population);
        SetPopulationFigureHandler.Map(population);
    }

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapIndicatorFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
    [
        new("Measure", ["read", "search-type"], ["_id", "name", "topic"]),
        new("MeasureReport", ["search-type"], ["measure", "reporter", "subject", "period"]),
    ];

    public IEnumerable<MenuEntry> Menu =>
    [
        new("统计指标", "指标总览", "indicators", Permission.IndicatorsRead, 800, "nav-indicators"),
        new("统计指标", "人口基数", "indicators/population", Permission.IndicatorsRead, 810, "nav-population"),
    ];
}
