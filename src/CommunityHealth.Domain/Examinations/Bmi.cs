namespace CommunityHealth.Domain.Examinations;

/// <summary>Body-mass index, kg/m², one decimal (rounded half away from zero), from height in cm and weight in kg.</summary>
public static class Bmi
{
    public static decimal? Compute(decimal? heightCm, decimal? weightKg)
    {
        if (heightCm is not { } h || weightKg is not { } w || h <= 0 || w <= 0) return null;
        var m = h / 100m;
        return Math.Round(w / (m * m), 1, MidpointRounding.AwayFromZero);
    }
}

/// <summary>
/// 老年人生活自理能力评估表 (standards §1.6): points per item and level; the "—" cells (eating and
/// dressing at 轻度依赖) score 0. Total 0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥19 不能自理.
/// </summary>
public static class SelfCare
{
    // [item][level-1]: level 1 可自理, 2 轻度依赖, 3 中度依赖, 4 不能自理
    private static readonly int[][] Points =
    [
        [0, 0, 3, 5],  // eating
        [0, 1, 3, 7],  // grooming
        [0, 0, 3, 5],  // dressing
        [0, 1, 5, 10], // toileting
        [0, 1, 5, 10], // mobility
    ];

    public static int? Score(SelfCareItems? items)
    {
        if (items is null) return null;
        int?[] levels = [items.Eating, items.Grooming, items.Dressing, items.Toileting, items.Mobility];
        if (levels.Any(l => l is null)) return null;
        return levels.Select((l, i) => Points[i][l!.Value - 1]).Sum();
    }

    public static string? Band(int? score) => score switch
    {
        null => null,
        <= 3 => "可自理",
        <= 8 => "轻度依赖",
        <= 18 => "中度依赖",
        _ => "不能自理",
    };
}
