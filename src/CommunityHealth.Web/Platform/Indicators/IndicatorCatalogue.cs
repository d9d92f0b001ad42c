using System.Globalization;

namespace CommunityHealth.Web.Platform.Indicators;

/// <summary>
/// Every indicator, as the modules declare them (<see cref="IIndicatorSource"/>), in one catalogue. Targets are data: a
/// module's declared targets (the national text or the centers' plans) are replaced per indicator from configuration,
/// <c>Indicators:Targets:&lt;code&gt;:&lt;fromYear&gt;=&lt;percent&gt;</c> (e.g. <c>Indicators:Targets:records.coverage:2027=85</c>), since each
/// year's NHC notice and each district's plan set them anew.
/// </summary>
public sealed class IndicatorCatalogue
{
    private readonly Dictionary<string, (IndicatorInfo Info, IIndicatorSource Source)> _byCode;

    public IndicatorCatalogue(IEnumerable<IIndicatorSource> sources, IConfiguration configuration)
    {
        _byCode = new(StringComparer.OrdinalIgnoreCase);
        var groups = new Dictionary<string, PopulationGroupInfo>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var info in source.Indicators)
            {
                var configured = configuration.GetSection($"Indicators:Targets:{info.Code}").GetChildren()
                    .Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                        && decimal.TryParse(c.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
                            ? new IndicatorTarget(year, v)
                            : throw new InvalidOperationException($"Indicators:Targets:{info.Code}:{c.Key} must be a year and a percentage, not '{c.Value}'."))
                    .ToList();
                var effective = configured.Count > 0 ? info with { Targets = configured, TargetSource = "configuration" } : info;
                if (!_byCode.TryAdd(info.Code, (effective, source))) throw new InvalidOperationException($"Indicator {info.Code} is declared twice.");
            }
            foreach (var g in source.PopulationGroups) groups.TryAdd(g.Code, g);
        }
        PopulationGroups = groups.Values.OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        foreach (var (code, (info, _)) in _byCode)
            if (info.Population is { } p && !groups.ContainsKey(p)) throw new InvalidOperationException($"Indicator {code} needs population group {p}, which no module declares.");
    }

    /// <summary>The catalogue in display order: programme order, then the module's order.</summary>
    public IReadOnlyList<IndicatorInfo> All => _byCode.Values.Select(v => v.Info).OrderBy(i => i.Order).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();

    public IReadOnlyList<PopulationGroupInfo> PopulationGroups { get; }

    public PopulationGroupInfo? Group(string code) => PopulationGroups.FirstOrDefault(g => g.Code == code);

    public (IndicatorInfo Info, IIndicatorSource Source)? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var e) ? e : null;

    /// <summary>The programmes that have indicators, in catalogue order.</summary>
    public IReadOnlyList<string> Programmes => All.Select(i => i.Programme).Distinct().ToList();
}
