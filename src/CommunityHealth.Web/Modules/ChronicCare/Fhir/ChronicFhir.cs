using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Web.Platform.Fhir;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.ChronicCare.Fhir;

/// <summary>
/// FHIR R4 Condition (the hypertension and type 2 diabetes registrations) and Observation (every blood pressure —
/// LOINC 85354-9 with 8480-6/8462-4 in mm[Hg] — and fasting glucose — LOINC 1558-6 in mmol/L): read, and search by
/// patient, code and date; create for a BP or fasting glucose (a reading, e.g. from a home device).
/// </summary>
public static class ChronicFhir
{
    public const string Loinc = "http://loinc.org";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Snomed = "http://snomed.info/sct";
    private const string Ucum = "http://unitsofmeasure.org";

    public static RouteGroupBuilder MapChronicFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Condition/{id}", async (string id, CurrentUser user, ScopedDb dbs, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new Domain.Common.NotFound("Condition", id));
            await using var db = dbs.For(await user.GetAsync());
            var reg = await db.ChronicRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == guid, ct);
            return reg is null ? FhirJson.Outcome(new Domain.Common.NotFound("Condition", id)) : FhirJson.Ok(ToFhir(reg));
        });
        fhir.MapGet("/Condition", async (HttpContext http, CurrentUser user, ScopedDb dbs, CancellationToken ct) =>
        {
            await using var db = dbs.For(await user.GetAsync());
            var query = http.Request.Query;
            var q = db.ChronicRegistrations.AsNoTracking();
            if (query["patient"].ToString() is { Length: > 0 } patient)
            {
                if (PatientId(patient) is not { } residentId) return FhirEndpoints.SearchPage(http, "Condition", [], 0, 0, 0);
                q = q.Where(r => r.ResidentId == residentId);
            }
            if (query["code"].ToString() is { Length: > 0 } code)
            {
                var programmes = code.Split(',').Select(ConditionProgramme).Where(p => p is not null).Select(p => p!.Value).ToList();
                q = q.Where(r => programmes.Contains(r.Programme));
            }
            if (query["clinical-status"].ToString() is { Length: > 0 } status)
                q = status == "active" ? q.Where(r => r.Status == RegistrationStatus.Active) : status is "inactive" or "resolved" ? q.Where(r => r.Status != RegistrationStatus.Active) : q.Where(r => false);
            if (FhirDateSearch.Apply(q, query["onset-date"], r => r.DiagnosedOn) is not { } byOnset
                || FhirDateSearch.Apply(byOnset, query["recorded-date"], r => r.RegisteredOn) is not { } dated)
                return FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.fhir.full_date"), "onset-date"), 400);
            return await PageAsync(http, "Condition", dated.OrderBy(r => r.RegisteredOn).ThenBy(r => r.Id), r => ToFhir(r), ct);
        });

        fhir.MapGet("/Observation/{id}", async (string id, CurrentUser user, ScopedDb dbs, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new Domain.Common.NotFound("Observation", id));
            await using var db = dbs.For(await user.GetAsync());
            var m = await db.Measurements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == guid, ct);
            return m is null ? FhirJson.Outcome(new Domain.Common.NotFound("Observation", id)) : FhirJson.Ok(ToFhir(m));
        });
        fhir.MapGet("/Observation", async (HttpContext http, CurrentUser user, ScopedDb dbs, CancellationToken ct) =>
        {
            await using var db = dbs.For(await user.GetAsync());
            var query = http.Request.Query;
            var q = db.Measurements.AsNoTracking();
            if (query["patient"].ToString() is { Length: > 0 } patient)
            {
                if (PatientId(patient) is not { } residentId) return FhirEndpoints.SearchPage(http, "Observation", [], 0, 0, 0);
                q = q.Where(m => m.ResidentId == residentId);
            }
            if (query["code"].ToString() is { Length: > 0 } code)
            {
                var kinds = code.Split(',').Select(ObservationKind).Where(k => k is not null).Select(k => k!.Value).ToList();
                q = q.Where(m => kinds.Contains(m.Kind));
            }
            if (FhirDateSearch.Apply(q, query["date"], m => m.On) is not { } dated)
                return FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.fhir.full_date"), "date"), 400);
            return await PageAsync(http, "Observation", dated.OrderBy(m => m.On).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id), m => ToFhir(m), ct);
        });
        fhir.MapPost("/Observation", async (HttpRequest request, CurrentUser user, RecordMeasurementHandler record, ScopedDb dbs, CancellationToken ct) =>
        {
            var (o, readError) = await FhirBody.ReadAsync<Observation>(request, "error.fhir.not_observation", ct);
            if (o is null) return readError!;
            var (residentId, cmd, invalid) = FromFhir(o);
            if (invalid is not null) return invalid;
            var staff = await user.GetAsync();
            var outcome = await record.HandleAsync(staff, residentId, cmd!, ct, source: "fhir");
            if (!outcome.IsSuccess)
                return outcome.Error is Domain.Common.Invalid bad
                    ? FhirJson.Ok(OperationOutcomes.FromFields(bad.Errors.Select(e => e with { Field = ObservationElement(e.Field, cmd!.Kind) })), 400)
                    : FhirJson.Outcome(outcome.Error!);
            await using var db = dbs.For(staff);
            var stored = await db.Measurements.AsNoTracking().FirstAsync(m => m.Id == outcome.Value.Id, ct);
            request.HttpContext.Response.Headers.Location = $"{FhirEndpoints.BaseUrl(request.HttpContext)}/Observation/{stored.Id}";
            return FhirJson.Ok(ToFhir(stored), 201);
        });
        return fhir;
    }

    private static async Task<IResult> PageAsync<T>(HttpContext http, string type, IQueryable<T> q, Func<T, Resource> map, CancellationToken ct)
    {
        var query = http.Request.Query;
        var count = int.TryParse(query["_count"], out var c) ? Math.Clamp(c, 0, 500) : 50;
        var offset = int.TryParse(query["_offset"], out var o) ? Math.Max(o, 0) : 0;
        var total = await q.CountAsync(ct);
        var rows = await q.Skip(offset).Take(count).ToListAsync(ct);
        return FhirEndpoints.SearchPage(http, type, rows.Select(map).ToList(), total, offset, count);
    }

    /// <summary>
    /// A blood pressure (LOINC 85354-9 with components 8480-6 and 8462-4 in mm[Hg]) or a fasting glucose (1558-6 in mmol/L,
    /// or mg/dL converted at 18 mg/dL per mmol/L) of a patient, measured on the effective day (China date), as a reading
    /// for the resident's measurement history: the trend and the screening read it; it is not a follow-up.
    /// </summary>
    private static (Guid ResidentId, RecordMeasurement? Cmd, IResult? Error) FromFhir(Observation o)
    {
        static (Guid, RecordMeasurement?, IResult?) Bad(string element, string code) =>
            (Guid.Empty, null, FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get(code), element), 400));
        if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected)) return Bad("Observation.status", "error.fhir.observation_status");
        if (o.Subject?.Reference is not { } subject || PatientId(subject) is not { } residentId) return Bad("Observation.subject", "error.fhir.observation_subject");
        var on = o.Effective switch
        {
            // a day without a time is that day; a time with its offset is the China day it fell on
            FhirDateTime { Value: { Length: 10 } day } when DateOnly.TryParseExact(day, "yyyy-MM-dd", out var d) => d,
            FhirDateTime dt when dt.TryToDateTimeOffset(out var at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime),
            Instant { Value: { } instant } => DateOnly.FromDateTime(instant.ToOffset(ChinaTime.Offset).DateTime),
            Period { StartElement: { } start } when start.TryToDateTimeOffset(out var at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime),
            _ => (DateOnly?)null,
        };
        if (on is null) return Bad("Observation.effective[x]", "error.fhir.observation_effective");
        var kind = o.Code?.Coding.Select(c => ObservationKind($"{c.System}|{c.Code}")).FirstOrDefault(k => k is not null);
        if (kind == MeasurementKind.BloodPressure)
        {
            int? Part(string loinc)
            {
                var q = o.Component.FirstOrDefault(c => c.Code?.Coding.Any(x => x.System == Loinc && x.Code == loinc) == true)?.Value as Quantity;
                return q?.Value is { } v && (q.Code is null or "mm[Hg]" || q.Unit == "mmHg") && v == Math.Round(v) ? (int)v : null;
            }
            var (sbp, dbp) = (Part("8480-6"), Part("8462-4"));
            if (sbp is null) return Bad("Observation.component", "error.fhir.observation_systolic");
            if (dbp is null) return Bad("Observation.component", "error.fhir.observation_diastolic");
            return (residentId, new RecordMeasurement(MeasurementKind.BloodPressure, on, sbp, dbp, null), null);
        }
        if (kind == MeasurementKind.FastingGlucose && o.Code!.Coding.Any(c => c.Code == "1558-6"))
        {
            if (o.Value is not Quantity { Value: { } value } q) return Bad("Observation.value[x]", "error.fhir.observation_glucose");
            decimal? mmol = q.Code is "mmol/L" || q.Code is null && q.Unit == "mmol/L" ? value : q.Code is "mg/dL" || q.Code is null && q.Unit == "mg/dL" ? Math.Round(value / 18m, 1) : null;
            if (mmol is null) return Bad("Observation.value[x]", "error.fhir.observation_glucose");
            return (residentId, new RecordMeasurement(MeasurementKind.FastingGlucose, on, null, null, mmol), null);
        }
        return Bad("Observation.code", "error.fhir.observation_code");
    }

    /// <summary>The Observation element that carries a reading's field error.</summary>
    private static string ObservationElement(string field, MeasurementKind? kind) => field switch
    {
        "systolic" => "Observation.component[0].value",
        "diastolic" => "Observation.component[1].value",
        "value" => "Observation.value[x]",
        "on" => "Observation.effective[x]",
        _ => kind is null ? "Observation.code" : "Observation",
    };

    private static Guid? PatientId(string value) =>
        Guid.TryParse(value.StartsWith("Patient/", StringComparison.Ordinal) ? value[8..] : value, out var id) ? id : null;

    /// <summary>A token "[system|]code": ICD-10 I10/E11 or SNOMED CT 38341003/44054006.</summary>
    private static Programme? ConditionProgramme(string token)
    {
        var (system, code) = Split(token);
        return (system, code) switch
        {
            (null or Icd10, "I10") or (null or Snomed, "38341003") => Programme.Hypertension,
            (null or Icd10, "E11") or (null or Snomed, "44054006") => Programme.Diabetes,
            _ => null,
        };
    }

    private static MeasurementKind? ObservationKind(string token)
    {
        var (system, code) = Split(token);
        if (system is not (null or Loinc)) return null;
        return code switch { "85354-9" or "8480-6" or "8462-4" => MeasurementKind.BloodPressure, "1558-6" => MeasurementKind.FastingGlucose, _ => null };
    }

    private static (string? System, string Code) Split(string token)
    {
        var bar = token.IndexOf('|');
        return bar < 0 ? (null, token.Trim()) : (bar == 0 ? null : token[..bar], token[(bar + 1)..].Trim());
    }

    public static Condition ToFhir(ChronicRegistration r)
    {
        var htn = r.Programme == Programme.Hypertension;
        var condition = new Condition
        {
            Id = r.Id.ToString(),
            ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", r.Status == RegistrationStatus.Active ? "active" : "inactive"),
            VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                r.DeregisterReason == "3" ? "refuted" : "confirmed"),
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
            Code = new CodeableConcept
            {
                Coding =
                [
                    new Coding(Icd10, htn ? "I10" : "E11", htn ? "原发性高血压" : "2型糖尿病"),
                    new Coding(Snomed, htn ? "38341003" : "44054006", htn ? "Hypertensive disorder" : "Diabetes mellitus type 2"),
                ],
                Text = htn ? "高血压" : "2型糖尿病",
            },
            Subject = new ResourceReference($"Patient/{r.ResidentId}"),
            Onset = new FhirDateTime(r.DiagnosedOn.Year, r.DiagnosedOn.Month, r.DiagnosedOn.Day),
            RecordedDate = r.RegisteredOn.ToString("yyyy-MM-dd"),
        };
        if (r.DeregisteredOn is { } off) condition.Abatement = new FhirDateTime(off.Year, off.Month, off.Day);
        if (r.DiagnosedAt.Length > 0) condition.Note = [new Annotation { Text = $"确诊机构：{r.DiagnosedAt}" }];
        return condition;
    }

    public static Observation ToFhir(Measurement m)
    {
        var bp = m.Kind == MeasurementKind.BloodPressure;
        var o = new Observation
        {
            Id = m.Id.ToString(),
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", bp ? "vital-signs" : "laboratory")],
            Code = bp ? new CodeableConcept(Loinc, "85354-9", "Blood pressure panel with all children optional", "血压")
                : new CodeableConcept(Loinc, "1558-6", "Fasting glucose [Moles/volume] in Serum or Plasma", "空腹血糖"),
            Subject = new ResourceReference($"Patient/{m.ResidentId}"),
            Effective = new FhirDateTime(m.On.Year, m.On.Month, m.On.Day),
        };
        if (bp)
            o.Component =
            [
                new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "8480-6", "Systolic blood pressure", "收缩压"), Value = Mmhg(m.Systolic) },
                new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "8462-4", "Diastolic blood pressure", "舒张压"), Value = Mmhg(m.Diastolic) },
            ];
        else o.Value = new Quantity { Value = m.Value, Unit = "mmol/L", System = Ucum, Code = "mmol/L" };
        return o;
    }

    private static Quantity Mmhg(int? value) => new() { Value = value, Unit = "mmHg", System = Ucum, Code = "mm[Hg]" };
}
