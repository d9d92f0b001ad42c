namespace CommunityHealth.Web.Modules.Audit;

/// <summary>
/// The kinds of record the audit log names (<c>AuditEntry.Entity</c>), in the order the audit page offers them, each with
/// its text <c>entity.&lt;Name&gt;</c>. A module that audits a new kind adds it here (a test scans the sources for
/// <c>db.Audit(…, "Name", …)</c> and fails on a kind without its text).
/// </summary>
public static class AuditEntities
{
    public static readonly IReadOnlyList<string> Names =
    [
        "Resident", "Examination", "Encounter", "Vaccinee", "VaccinationDose", "AdverseEvent", "VaccineLot", "Refrigerator", "TemperatureReading",
        "ReminderMessage", "ChronicRegistration", "ChronicVisit", "Measurement", "Referral", "Organization", "Team", "Staff", "PopulationFigure",
    ];

    /// <summary>The kind's name in the user's language; an unknown kind shows as stored.</summary>
    public static string Display(string entity) => Text.All.ContainsKey("entity." + entity) ? Text.Get("entity." + entity) : entity;

    /// <summary>
    /// An entry's detail as the auditor reads it: the sign-in door (cookie = the web page, bearer = an API token) and the
    /// lock-out note in words; any other detail as stored (it is the module's own text).
    /// </summary>
    public static string? Detail(string action, string? detail) => detail is not null && action.StartsWith("sign-in", StringComparison.Ordinal)
        && Text.All.ContainsKey("audit.detail." + detail) ? Text.Get("audit.detail." + detail) : detail;
}
