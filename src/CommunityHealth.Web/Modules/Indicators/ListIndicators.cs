using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Indicators;

namespace CommunityHealth.Web.Modules.Indicators;

/// <summary>One catalogue entry as the API shows it.</summary>
public sealed record IndicatorDto(
    string Code, string Name, string Programme, string ProgrammeName, string PeriodType, string PeriodExample, bool HigherIsBetter, string Numerator,
    string Denominator, string? Population, decimal? Target, string TargetSource, IReadOnlyList<IndicatorTarget> Targets);

/// <summary>The catalogue: every indicator the modules declare, optionally one programme's.</summary>
public sealed class ListIndicators(IndicatorCatalogue catalogue, TimeProvider clock)
{
    public static void Map(RouteGroupBuilder g) =>
        g.MapGet("", (string? programme, ListIndicators h) => h.Handle(programme).ToResult(TypedResults.Ok))
            .WithSummary("The indicator catalogue (code, names, programme, period type, numerator and denominator, target); programme= filters")
            .Produces<IReadOnlyList<IndicatorDto>>().ProducesProblem(404);

    public Outcome<IReadOnlyList<IndicatorDto>> Handle(string? programme)
    {
        if (programme is { Length: > 0 } && !catalogue.Programmes.Contains(programme)) return new NotFound("programme", programme);
        var year = clock.Today().Year;
        return catalogue.All.Where(i => programme is not { Length: > 0 } || i.Programme == programme).Select(i => ToDto(i, year)).ToList();
    }

    public static IndicatorDto ToDto(IndicatorInfo i, int year) => new(i.Code, i.Name, i.Programme, ProgrammeName(i.Programme), i.PeriodType.ToString(),
        IndicatorEngine.Shape(i.PeriodType), i.HigherIsBetter, i.Numerator, i.Denominator, i.Population, i.TargetFor(year), i.TargetSource, i.Targets);

    public static string ProgrammeName(string programme) => Text.Get("indicator.programme." + programme);
}
