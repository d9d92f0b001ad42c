using System.Globalization;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Web.Platform.Fhir;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using FhirImmunization = Hl7.Fhir.Model.Immunization;
namespace CommunityHealth.Web.Modules.Immunization.Fhir;

/// <summary>
/// FHIR R4 Immunization (create, read, search by patient and date), ImmunizationRecommendation (the forecast as of a
/// date) and the NIP vaccine CodeSystem.
/// </summary>
public static class ImmunizationFhir
{
    public const string CodeSystemId = "nip-vaccine";
    public const string ForecastStatusSystem = "http://terminology.hl7.org/CodeSystem/immunization-recommendation-status";
    public const string ProjectForecastStatusSystem = "https://fhir.communityhealth.cn/CodeSystem/forecast-status";
    public const string RouteSystem = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration";
    public const string SeriesSystem = "https://fhir.communityhealth.cn/CodeSystem/nip-series";

    public static RouteGroupBuilder MapImmunizationFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/CodeSystem/{id}", (string id) => id == CodeSystemId ? FhirJson.Ok(NipCodeSystem()) : FhirJson.Outcome(new NotFound("CodeSystem", id)));
        fhir.MapGet("/CodeSystem", (HttpContext http) =>
        {
            var url = http.Request.Query["url"].ToString();
            IReadOnlyList<Resource> all = url.Length == 0 || url == Vaccines.CodeSystem ? [NipCodeSystem()] : [];
            return FhirEndpoints.Search(http, "CodeSystem", all);
        });

        fhir.MapGet("/Immunization/{id}", async (string id, CurrentUser user, ScopedDb dbs, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Immunization", id));
            await using var db = dbs.For(await user.GetAsync());
            var dose = await db.VaccinationDoses.AsNoTracking().FirstOrDefaultAsync(d => d.Id == guid, ct);
            return dose is null ? FhirJson.Outcome(new NotFound("Immunization", id)) : FhirJson.Ok(ToFhir(dose));
        });

        fhir.MapGet("/Immunization", async (HttpContext http, CurrentUser user, ScopedDb dbs, CancellationToken ct) =>
        {
            await using var db = dbs.For(await user.GetAsync());
            var q = db.VaccinationDoses.AsNoTracking();
            var query = http.Request.Query;
            if (query["patient"].ToString() is { Length: > 0 } patient)
            {
                if (!Guid.TryParse(patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient[8..] : patient, out var residentId))
                    return FhirEndpoints.SearchPage(http, "Immunization", [], 0, 0, 0);
                q = q.Where(d => d.ResidentId == residentId);
            }
            if (FhirDateSearch.Apply(q, query["date"], d => d.GivenOn) is not { } dated)
                return FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.fhir.full_date"), "date"), 400);
            q = dated;
            var count = int.TryParse(query["_count"], out var c) ? Math.Clamp(c, 0, 500) : 50;
            var offset = int.TryParse(query["_offset"], out var o) ? Math.Max(o, 0) : 0;
            var total = await q.CountAsync(ct);
            var rows = await q.OrderBy(d => d.GivenAt).ThenBy(d => d.Id).Skip(offset).Take(count).ToListAsync(ct);
            return FhirEndpoints.SearchPage(http, "Immunization", rows.Select(d => (Resource)ToFhir(d)).ToList(), total, offset, count);
        });

        fhir.MapPost("/Immunization", async (HttpRequest request, CurrentUser user, GetVaccinee vaccinees, RegisterVaccinee register, AdministerDose administer,
            ScopedDb dbs, CancellationToken ct) =>
        {
            var (imm, readError) = await FhirBody.ReadAsync<FhirImmunization>(request, "error.fhir.not_immunization", ct);
            if (imm is null) return readError!;
            var staff = await user.GetAsync();
            if (imm.Status != FhirImmunization.ImmunizationStatusCodes.Completed) return Invalid("Immunization.status", "error.fhir.immunization_status");
            var coding = imm.VaccineCode?.Coding.FirstOrDefault(x => x.System == Vaccines.CodeSystem) ?? imm.VaccineCode?.Coding.FirstOrDefault();
            var vaccine = coding is not null && (coding.System is null || coding.System == Vaccines.CodeSystem) ? Vaccines.Find(coding.Code) : null;
            if (vaccine is null) return Invalid("Immunization.vaccineCode", "error.vaccination.unknown_vaccine");
            // a date without a time is that day in China (00:00 +08:00)
            DateTimeOffset at;
            if (imm.Occurrence is FhirDateTime { Value: { Length: 10 } day } && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d0))
                at = new DateTimeOffset(d0.Year, d0.Month, d0.Day, 0, 0, 0, ChinaTime.Offset);
            else if (imm.Occurrence is not FhirDateTime when || !when.TryToDateTimeOffset(out at))
                return Invalid("Immunization.occurrence", "error.required");
            if (!Guid.TryParse(imm.Patient?.Reference?.Replace("Patient/", "", StringComparison.Ordinal), out var residentId))
                return Invalid("Immunization.patient", "error.required");
            // primarySource false: a historical dose transcribed from another record — kept even when the rules judge it
            // invalid (marked so, with the reason), and never drawn from our stock. Otherwise the caller gave it now.
            var transcribed = imm.PrimarySource == false;

            // the lot: one of this scope's lots (stock is decremented) or a lot number from elsewhere
            Guid? lotId = null;
            if (imm.LotNumber is { Length: > 0 } lotNumber && !transcribed)
            {
                await using var db = dbs.For(staff);
                var lots = await db.VaccineLots.AsNoTracking().Where(l => l.LotNumber == lotNumber).Select(l => new { l.Id, l.Vaccine }).ToListAsync(ct);
                if (lots.Count > 0 && lots.All(l => l.Vaccine != vaccine.Code))
                    return Invalid("Immunization.lotNumber", "error.vaccination.lot_other_vaccine", Vaccines.Find(lots[0].Vaccine)?.Zh ?? lots[0].Vaccine);
                lotId = lots.FirstOrDefault(l => l.Vaccine == vaccine.Code)?.Id;
            }
            var doseNumber = imm.ProtocolApplied.FirstOrDefault()?.DoseNumber is PositiveInt n ? n.Value : null;
            var input = new DoseInput(vaccine.Code, doseNumber, at.UtcDateTime, lotId, imm.LotNumber, imm.Manufacturer?.Display,
                imm.ExpirationDate is { Length: >= 10 } exp && DateOnly.TryParseExact(exp[..10], "yyyy-MM-dd", out var e) ? e : null,
                imm.Site?.Text ?? imm.Site?.Coding.FirstOrDefault()?.Display, imm.Route?.Coding.FirstOrDefault()?.Code, imm.Performer.FirstOrDefault()?.Actor?.Display,
                imm.Note.FirstOrDefault()?.Text, transcribed);
            var visit = new RecordVisit([input]);

            // a resident with a health record but no vaccination record: the record is opened with the dose, in its transaction
            Outcome<VisitResult> outcome;
            if (await vaccinees.IdOfResidentAsync(staff, residentId, ct) is { } vaccineeId)
                outcome = await administer.HandleAsync(staff, vaccineeId, visit, ct);
            else
            {
                var opened = await register.ProvisionalAsync(staff, residentId, ct);
                if (!opened.IsSuccess)
                    return opened.Error switch
                    {
                        NotFound => Invalid("Immunization.patient", "error.fhir.unknown_patient"),
                        Invalid i => Invalid("Immunization.patient", i.Errors[0].MessageCode),
                        _ => FhirJson.Outcome(opened.Error!),
                    };
                outcome = await administer.OpenAndRecordAsync(staff, opened.Value, visit, ct);
                // another request opened the record first: the dose joins it
                if (outcome.Error is Conflict && await vaccinees.IdOfResidentAsync(staff, residentId, ct) is { } openedMeanwhile)
                    outcome = await administer.HandleAsync(staff, openedMeanwhile, visit, ct);
            }
            if (!outcome.IsSuccess) return Outcome(outcome.Error!);
            var saved = outcome.Value.Doses.Single();
            await using var read = dbs.For(staff);
            var dose = await read.VaccinationDoses.AsNoTracking().FirstAsync(d => d.Id == saved.Id, ct);
            request.HttpContext.Response.Headers.Location = $"{FhirEndpoints.BaseUrl(request.HttpContext)}/Immunization/{dose.Id}";
            return FhirJson.Ok(ToFhir(dose), 201);
        });

        fhir.MapGet("/ImmunizationRecommendation", async (HttpContext http, CurrentUser user, GetForecast forecasts, CancellationToken ct) =>
        {
            var query = http.Request.Query;
            var patient = query["patient"].ToString();
            if (patient.Length == 0) return Invalid("patient", "error.required");
            DateOnly? asOf = null;
            if (query["date"].ToString() is { Length: > 0 } d)
            {
                if (!FhirDateSearch.TryParse(d, out var prefix, out var date) || prefix != "eq")
                    return FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.fhir.full_date"), "date"), 400);
                asOf = date;
            }
            if (!Guid.TryParse(patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient[8..] : patient, out var residentId))
                return FhirEndpoints.SearchPage(http, "ImmunizationRecommendation", [], 0, 0, 1);
            var outcome = await forecasts.HandleAsync(await user.GetAsync(), residentId, asOf, ct);
            if (!outcome.IsSuccess)
                return outcome.Error is NotFound ? FhirEndpoints.SearchPage(http, "ImmunizationRecommendation", [], 0, 0, 1) : FhirJson.Outcome(outcome.Error!);
            var (rid, vaccineeId, org, forecast) = outcome.Value;
            return FhirEndpoints.SearchPage(http, "ImmunizationRecommendation", [ToFhir(rid, vaccineeId, org, forecast)], 1, 0, 1);
        });
        return fhir;
    }

    public static CodeSystem NipCodeSystem() => new()
    {
        Id = CodeSystemId,
        Url = Vaccines.CodeSystem,
        Name = "NipVaccine",
        Title = "国家免疫规划疫苗",
        Status = PublicationStatus.Active,
        Content = CodeSystemContentMode.Complete,
        CaseSensitive = true,
        Description = "国家免疫规划疫苗儿童免疫程序（2021年版）中的疫苗 / Vaccines of the national immunization programme (2021 schedule)",
        Count = Vaccines.All.Count,
        Concept = Vaccines.All.Select(v => new CodeSystem.ConceptDefinitionComponent
        {
            Code = v.Code, Display = v.Zh, Definition = $"{v.En}; {(v.Live ? "live" : "inactivated")}; route {v.Route}",
            Designation = [new CodeSystem.DesignationComponent { Language = "en", Value = v.En }],
        }).ToList(),
    };

    public static FhirImmunization ToFhir(VaccinationDose d)
    {
        var v = Vaccines.Find(d.Vaccine);
        var imm = new FhirImmunization
        {
            Id = d.Id.ToString(),
            Status = FhirImmunization.ImmunizationStatusCodes.Completed,
            VaccineCode = new CodeableConcept(Vaccines.CodeSystem, d.Vaccine, v?.Zh, v?.Zh),
            Patient = new ResourceReference($"Patient/{d.ResidentId}"),
            Occurrence = new FhirDateTime(new DateTimeOffset(ChinaTime.ToChina(d.GivenAt), ChinaTime.Offset)),
            Recorded = new FhirDateTime(new DateTimeOffset(d.CreatedAt, TimeSpan.Zero)).ToString(),
            PrimarySource = d.LotId is not null,
            LotNumber = string.IsNullOrEmpty(d.LotNumber) ? null : d.LotNumber,
            ExpirationDate = d.Expiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Manufacturer = string.IsNullOrEmpty(d.Manufacturer) ? null : new ResourceReference { Display = d.Manufacturer },
            Site = string.IsNullOrEmpty(d.Site) ? null : new CodeableConcept { Text = d.Site },
            Route = string.IsNullOrEmpty(d.Route) ? null : new CodeableConcept(RouteSystem, d.Route switch { "IM" => "IM", "SC" => "SQ", "ID" => "IDINJ", _ => "PO" },
                Vaccines.Routes.GetValueOrDefault(d.Route, d.Route)),
            Location = new ResourceReference($"Organization/{d.OrganizationId}"),
            Performer = string.IsNullOrEmpty(d.Nurse) ? [] : [new FhirImmunization.PerformerComponent { Actor = new ResourceReference { Display = d.Nurse } }],
            IsSubpotent = !d.Valid,
            ProtocolApplied =
            [
                new FhirImmunization.ProtocolAppliedComponent
                {
                    Series = Enum.TryParse<Series>(d.Series, out var s) ? Vaccines.SeriesZh(s) : d.Series,
                    Authority = new ResourceReference { Display = "国家免疫规划疫苗儿童免疫程序" },
                    DoseNumber = new PositiveInt(d.DoseNumber),
                },
            ],
        };
        if (!d.Valid) imm.SubpotentReason = [new CodeableConcept { Text = d.ValidityReason }];
        if (d.OverrideReason is not null) imm.Note = [new Annotation { Text = d.OverrideReason }];
        return imm;
    }

    public static ImmunizationRecommendation ToFhir(Guid residentId, Guid? vaccineeId, Guid organizationId, Forecast forecast) => new()
    {
        Id = $"{residentId}-{forecast.AsOf:yyyyMMdd}",
        Patient = new ResourceReference($"Patient/{residentId}"),
        Date = forecast.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Authority = new ResourceReference($"Organization/{organizationId}"),
        Identifier = vaccineeId is { } v ? [new Identifier("https://fhir.communityhealth.cn/vaccinee", v.ToString())] : [],
        Recommendation = forecast.Series.Select(s =>
        {
            var status = ImmunizationMapping.Status(s.Status);
            var r = new ImmunizationRecommendation.RecommendationComponent
            {
                VaccineCode = s.Next is { } next
                    ? [new CodeableConcept(Vaccines.CodeSystem, next.Vaccine, Vaccines.Find(next.Vaccine)!.Zh, Vaccines.Find(next.Vaccine)!.Zh)]
                    : [new CodeableConcept { Coding = Vaccines.All.Where(x => x.Series == s.Series).Select(x => new Coding(Vaccines.CodeSystem, x.Code, x.Zh)).ToList(), Text = Vaccines.SeriesZh(s.Series) }],
                ForecastStatus = new CodeableConcept(status is "not-due" or "aged-out" ? ProjectForecastStatusSystem : ForecastStatusSystem, status,
                    ImmunizationMapping.StatusZh(status), ImmunizationMapping.StatusZh(status)),
                ForecastReason = [new CodeableConcept { Text = s.Reason }],
                Series = Vaccines.SeriesZh(s.Series),
                Description = $"{Vaccines.SeriesZh(s.Series)}：已有{s.ValidDoses}剂有效",
            };
            if (s.Next is { } n)
            {
                r.DoseNumber = new PositiveInt(n.DoseNumber);
                r.DateCriterion =
                [
                    Criterion("30981-5", "Earliest date to give", n.Earliest),
                    Criterion("30980-7", "Date vaccine due", n.Recommended),
                    Criterion("59778-1", "Date when overdue for immunization", n.OverdueFrom),
                ];
                if (n.LastDay is { } last) r.DateCriterion.Add(Criterion("59777-3", "Latest date to give immunization", last.AddDays(-1)));
            }
            r.SupportingImmunization = s.Doses.Where(d => d.Dose.Id is not null).Select(d => new ResourceReference($"Immunization/{d.Dose.Id}")).ToList();
            return r;
        }).ToList(),
    };

    private static ImmunizationRecommendation.DateCriterionComponent Criterion(string loinc, string display, DateOnly date) => new()
    {
        Code = new CodeableConcept("http://loinc.org", loinc, display, display),
        Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static readonly Dictionary<string, string> Elements = new()
    {
        ["vaccine"] = "Immunization.vaccineCode", ["givenAt"] = "Immunization.occurrence", ["lotId"] = "Immunization.lotNumber",
        ["lotNumber"] = "Immunization.lotNumber", ["overrideReason"] = "Immunization.note", ["doseNumber"] = "Immunization.protocolApplied.doseNumber",
        ["site"] = "Immunization.site", ["route"] = "Immunization.route", ["manufacturer"] = "Immunization.manufacturer", ["nurse"] = "Immunization.performer",
        ["residentId"] = "Immunization.patient",
    };

    /// <summary>The clinic's field errors ("doses[0].givenAt") named by the FhirImmunization element that carries them.</summary>
    private static IResult Outcome(Error error) => error switch
    {
        Invalid invalid => FhirJson.Ok(OperationOutcomes.FromFields(invalid.Errors.Select(e => e with
        {
            Field = Elements.GetValueOrDefault(e.Field.Contains('.') ? e.Field[(e.Field.IndexOf('.') + 1)..] : e.Field, "Immunization"),
        })), 400),
        Conflict c => FhirJson.Outcome(c with { Field = Elements.GetValueOrDefault(c.Field, "Immunization") }),
        _ => FhirJson.Outcome(error),
    };

    private static IResult Invalid(string element, string code, params object[] args) =>
        FhirJson.Ok(OperationOutcomes.FromFields([new FieldError(element, code, args)]), 400);
}
