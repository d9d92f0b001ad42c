using System.Globalization;
using CommunityHealth.Data;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform.Fhir;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization.Fhir;

/// <summary>
/// FHIR R4 ImmunizationEvaluation: the forecaster's judgement of each recorded dose (valid or not, the dose number it
/// counts as, and why), one per dose with the dose's id, evaluated today against the NIP schedule in force on the dose's day.
/// Read by id and searched by patient (and dose-status); the same judgement the child's page and the forecast use.
/// </summary>
public static class ImmunizationEvaluationFhir
{
    public const string DoseStatusSystem = "http://terminology.hl7.org/CodeSystem/immunization-evaluation-dose-status";

    public static RouteGroupBuilder MapImmunizationEvaluationFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/ImmunizationEvaluation/{id}", async (string id, CurrentUser user, ScopedDb dbs, TimeProvider clock, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var doseId)) return FhirJson.Outcome(new NotFound("ImmunizationEvaluation", id));
            await using var db = dbs.For(await user.GetAsync());
            var residentId = await db.VaccinationDoses.AsNoTracking().Where(d => d.Id == doseId).Select(d => (Guid?)d.ResidentId).FirstOrDefaultAsync(ct);
            if (residentId is null || await EvaluateAsync(db, residentId.Value, clock.Today(), ct) is not { } judged)
                return FhirJson.Outcome(new NotFound("ImmunizationEvaluation", id));
            var evaluation = judged.Forecast.Series.SelectMany(s => s.Doses).FirstOrDefault(e => e.Dose.Id == doseId);
            return evaluation is null
                ? FhirJson.Outcome(new NotFound("ImmunizationEvaluation", id))
                : FhirJson.Ok(ToFhir(evaluation, residentId.Value, judged.Forecast.AsOf, judged.BirthDate));
        });

        fhir.MapGet("/ImmunizationEvaluation", async (HttpContext http, CurrentUser user, ScopedDb dbs, TimeProvider clock, CancellationToken ct) =>
        {
            var query = http.Request.Query;
            var patient = query["patient"].ToString();
            if (patient.Length == 0)
                return FhirJson.Ok(OperationOutcomes.FromFields([new FieldError("patient", "error.required")]), 400);
            string? status = null;
            if (query["dose-status"].ToString() is { Length: > 0 } token)
            {
                status = FhirEndpoints.TokenValue(token, DoseStatusSystem);
                if (status is not ("valid" or "notvalid"))
                    return FhirJson.Ok(OperationOutcomes.FromFields([new FieldError("dose-status", "error.code_unknown")]), 400);
            }
            var reference = patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient[8..] : patient;
            await using var db = dbs.For(await user.GetAsync());
            // an unknown patient (or one outside the caller's scope: never say which) is a 404
            if (!Guid.TryParse(reference, out var residentId) || await EvaluateAsync(db, residentId, clock.Today(), ct) is not { } judged)
                return FhirJson.Outcome(new NotFound("Patient", patient));
            var all = judged.Forecast.Series.SelectMany(s => s.Doses)
                .Where(e => e.Dose.Id is not null && (status is null || e.Valid == (status == "valid")))
                .OrderBy(e => e.Dose.Date).ThenBy(e => e.Dose.Id)
                .Select(e => (Resource)ToFhir(e, residentId, judged.Forecast.AsOf, judged.BirthDate)).ToList();
            return FhirEndpoints.Search(http, "ImmunizationEvaluation", all);
        });
        return fhir;
    }

    /// <summary>
    /// The resident's doses judged as of <paramref name="today"/> by the forecaster over the stored history (the judgement
    /// <see cref="VaccinationHistory.Recompute"/> stores on every change); null when the resident is not in scope.
    /// </summary>
    private static async Task<(DateOnly BirthDate, Forecast Forecast)?> EvaluateAsync(HealthDbContext db, Guid residentId, DateOnly today, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.Status != ResidentStatus.Merged)
            .Select(r => new { r.BirthDate }).FirstOrDefaultAsync(ct);
        if (resident is null) return null;
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(v => v.ResidentId == residentId, ct);
        if (child is null) return (resident.BirthDate, Forecaster.Evaluate(new ChildFacts(resident.BirthDate), [], today));
        var (doses, cis) = await VaccinationHistory.ReadAsync(db, child, tracked: false, ct);
        return (child.BirthDate, Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(ImmunizationMapping.Given), today));
    }

    /// <summary>
    /// One dose's judgement: doseStatus valid/notvalid with the reason in Chinese, the series, the dose number it was
    /// judged as, and the NIP schedule in force on the dose's day as the authority.
    /// </summary>
    public static ImmunizationEvaluation ToFhir(DoseEvaluation e, Guid residentId, DateOnly evaluatedOn, DateOnly birthDate)
    {
        var status = e.Valid ? "valid" : "notvalid";
        return new ImmunizationEvaluation
        {
            Id = e.Dose.Id.ToString(),
            Status = ImmunizationEvaluation.ImmunizationEvaluationStatusCodes.Completed,
            Patient = new ResourceReference($"Patient/{residentId}"),
            Date = evaluatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Authority = new ResourceReference { Display = NipSchedules.For(birthDate, e.Dose.Date).Name },
            TargetDisease = new CodeableConcept { Text = TargetDiseaseZh(e.Series) },
            ImmunizationEvent = new ResourceReference($"Immunization/{e.Dose.Id}"),
            DoseStatus = new CodeableConcept(DoseStatusSystem, status, e.Valid ? "Valid" : "Not valid", e.Valid ? "有效" : "无效"),
            DoseStatusReason = [new CodeableConcept { Text = e.Reason }],
            Description = $"{Vaccines.Find(e.Dose.Vaccine)?.Zh ?? e.Dose.Vaccine}（{e.Dose.Date:yyyy-MM-dd}）：{e.Reason}",
            Series = Vaccines.SeriesZh(e.Series),
            DoseNumber = new PositiveInt(e.DoseNumber),
        };
    }

    /// <summary>
    /// The diseases a series protects against, as text: the vaccine catalogue carries no disease codes (no SNOMED CT
    /// licence here), so no coding is invented.
    /// </summary>
    public static string TargetDiseaseZh(Series s) => s switch
    {
        Series.HepB => "乙型病毒性肝炎",
        Series.BCG => "结核病",
        Series.Polio => "脊髓灰质炎",
        Series.DTaP => "百日咳、白喉、破伤风",
        Series.MMR => "麻疹、流行性腮腺炎、风疹",
        Series.JE => "流行性乙型脑炎",
        Series.MenA => "A群流行性脑脊髓膜炎",
        Series.MenAC => "A群、C群流行性脑脊髓膜炎",
        _ => "甲型病毒性肝炎",
    };
}
