using CommunityHealth.Domain.Immunization;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>
/// The vaccine catalogue and the forecast in the user's language: pages show names and reasons from the codes and the
/// stored Chinese reason, so the API's DTOs keep one (Chinese) text and the screen follows the culture switch.
/// </summary>
public static class VaccineText
{
    public static string Name(string? code) => Vaccines.Find(code) is { } v ? Vaccines.Name(v, Text.IsEnglish) : code ?? "";

    public static string Series(string? series) =>
        Enum.TryParse<Domain.Immunization.Series>(series, out var s) ? Vaccines.SeriesName(s, Text.IsEnglish) : series ?? "";

    /// <summary>"麻腮风疫苗第1剂" / "MMR vaccine, dose 1".</summary>
    public static string Dose(string? code, int number) => Vaccines.Find(code) is { } v ? Vaccines.DoseText(v, number, Text.IsEnglish) : $"{code} {number}";

    /// <summary>A forecast or validity reason (stored in Chinese) in the user's language.</summary>
    public static string Reason(string? zh) => Text.IsEnglish ? ForecastReasons.En(zh) : zh ?? "";

    public static string Route(string? code) =>
        code is null ? "" : (Text.IsEnglish ? Vaccines.RoutesEn : Vaccines.Routes).GetValueOrDefault(code, code);

    /// <summary>An injection site as stored (the catalogue's default sites have English; a site typed by the nurse stays as typed).</summary>
    public static string Site(string? site) => Text.IsEnglish && site is not null && Vaccines.SitesEn.TryGetValue(site, out var en) ? en : site ?? "";

    public static string Schedule(NipSchedule schedule) => Text.IsEnglish && schedule.NameEn.Length > 0 ? schedule.NameEn : schedule.Name;

    public static string Schedule(string name) =>
        Text.IsEnglish && NipSchedules.All.FirstOrDefault(s => s.Name == name) is { NameEn.Length: > 0 } s ? s.NameEn : name;
}
