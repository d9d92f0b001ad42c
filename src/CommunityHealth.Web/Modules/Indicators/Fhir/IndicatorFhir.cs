using CommunityHealth.Domain.Common;
using CommunityHealth.Web.Platform.Fhir;
using CommunityHealth.Web.Platform.Indicators;
using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Modules.Indicators.Fhir;

/// <summary>
/// FHIR R4 Measure (the catalogue: read, search) and MeasureReport (search: one summary report per indicator, organisation and
/// period — <c>measure</c>, <c>reporter</c>/<c>subject</c> = Organization/{id}, <c>period</c> = 2025 | 2025-MCH | 2025-Q3 | 2025-07).
/// </summary>
public static class IndicatorFhir
{
    public const string MeasureBase = "https://communityhealth.example.cn/fhir/Measure/";
    private const string PopulationSystem = "http://terminology.hl7.org/CodeSystem/measure-population";

    public static RouteGroupBuilder MapIndicatorFhir(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Measure/{id}", (string id, IndicatorCatalogue catalogue, TimeProvider clock) =>
            catalogue.Find(id) is { } found ? FhirJson.Ok(ToMeasure(found.Info, clock.Today().Year)) : FhirJson.Outcome(new NotFound("Measure", id)));
        fhir.MapGet("/Measure", (HttpContext http, IndicatorCatalogue catalogue, TimeProvider clock) =>
        {
            var q = http.Request.Query;
            IEnumerable<IndicatorInfo> all = catalogue.All;
            if (q["_id"].ToString() is { Length: > 0 } ids) all = all.Where(i => ids.Split(',').Contains(i.Code, StringComparer.OrdinalIgnoreCase));
            if (q["name"].ToString() is { Length: > 0 } name) all = all.Where(i => i.Zh.Contains(name, StringComparison.OrdinalIgnoreCase) || i.En.Contains(name, StringComparison.OrdinalIgnoreCase));
            if (q["topic"].ToString() is { Length: > 0 } topic) all = all.Where(i => i.Programme == topic);
            return FhirEndpoints.Search(http, "Measure", all.Select(i => (Resource)ToMeasure(i, clock.Today().Year)).ToList());
        });
        fhir.MapGet("/MeasureReport", async (HttpContext http, CurrentUser user, GetIndicator h, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            var measure = q["measure"].ToString();
            if (measure.Length == 0) return FhirJson.Outcome(new Invalid("measure", "error.required"));
            var code = measure.StartsWith(MeasureBase, StringComparison.Ordinal) ? measure[MeasureBase.Length..] : measure.StartsWith("Measure/", StringComparison.Ordinal) ? measure[8..] : measure;
            var reporter = q["reporter"].ToString() is { Length: > 0 } r ? r : q["subject"].ToString();
            Guid? org = null;
            if (reporter.Length > 0)
            {
                var idText = reporter.StartsWith("Organization/", StringComparison.Ordinal) ? reporter[13..] : reporter;
                if (!Guid.TryParse(idText, out var g)) return FhirJson.Outcome(new Invalid("reporter", "error.indicator.org"));
                org = g;
            }
            var outcome = await h.HandleAsync(await user.GetAsync(), code, org, q["period"].ToString() is { Length: > 0 } p ? p : null, ct);
            return outcome.IsSuccess ? FhirEndpoints.Search(http, "MeasureReport", [ToReport(outcome.Value)]) : FhirJson.Outcome(outcome.Error!);
        });
        return fhir;
    }

    public static Measure ToMeasure(IndicatorInfo i, int year)
    {
        var m = new Measure
        {
            Id = i.Code, Url = MeasureBase + i.Code, Name = i.Code.Replace(".", "_").Replace("-", "_"), Title = i.Zh, Status = PublicationStatus.Active,
            Description = new Markdown($"{i.Zh} = {i.NumeratorZh} ÷ {i.DenominatorZh} × 100%"),
            Scoring = new CodeableConcept("http://terminology.hl7.org/CodeSystem/measure-scoring", "proportion", "Proportion"),
            ImprovementNotation = new CodeableConcept("http://terminology.hl7.org/CodeSystem/measure-improvement-notation",
                i.HigherIsBetter ? "increase" : "decrease", i.HigherIsBetter ? "Increased score indicates improvement" : "Decreased score indicates improvement"),
            Topic = [new CodeableConcept("https://communityhealth.example.cn/fhir/CodeSystem/programme", i.Programme)],
            Guidance = new Markdown($"period type: {i.PeriodType}; target: {(i.TargetFor(year) is { } t ? $"{t}%" : "none")} ({i.TargetSource})"),
            Group =
            [
                new Measure.GroupComponent
                {
                    Population =
                    [
                        new Measure.PopulationComponent { Code = new CodeableConcept(PopulationSystem, "numerator"), Description = i.NumeratorZh },
                        new Measure.PopulationComponent { Code = new CodeableConcept(PopulationSystem, "denominator"), Description = i.DenominatorZh },
                    ],
                },
            ],
        };
        m.Title += $" ({i.En})";
        return m;
    }

    public static MeasureReport ToReport(IndicatorValue v)
    {
        var group = new MeasureReport.GroupComponent
        {
            Population =
            [
                new MeasureReport.PopulationComponent { Code = new CodeableConcept(PopulationSystem, "numerator"), Count = (int)v.Numerator },
            ],
        };
        if (v.Denominator is { } d) group.Population.Add(new MeasureReport.PopulationComponent { Code = new CodeableConcept(PopulationSystem, "denominator"), Count = (int)d });
        if (v.Value is { } value) group.MeasureScore = new Quantity(value, "%", "http://unitsofmeasure.org");
        return new MeasureReport
        {
            Id = $"{v.Code}.{v.OrganizationId:N}.{v.Period}", // at most 64 characters: the longest code is about 20
            Status = MeasureReport.MeasureReportStatus.Complete, Type = MeasureReport.MeasureReportType.Summary, Measure = MeasureBase + v.Code,
            Reporter = new ResourceReference($"Organization/{v.OrganizationId}", v.OrganizationName),
            Period = new Period(new FhirDateTime(v.From.ToString("yyyy-MM-dd")), new FhirDateTime(v.To.ToString("yyyy-MM-dd"))),
            Group = [group],
        };
    }
}
