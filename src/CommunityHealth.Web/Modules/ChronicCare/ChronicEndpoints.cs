using CommunityHealth.Domain.Staff;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Modules.ChronicCare;

public static class ChronicEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddChronicCare(this IServiceCollection services)
    {
        services.AddScoped<ChronicClinic>();
        services.AddScoped<ChronicWorkList>();
        services.AddScoped<ChronicIndicators>();
        return services;
    }

    public static RouteGroupBuilder MapChronicCare(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/chronic").WithTags("ChronicCare");
        g.MapPost("/registrations", async (RegisterChronic cmd, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.RegisterAsync(await user.GetAsync(), cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/patients/{r.ResidentId}", r)))
            .WithSummary("Register a resident (35+) on the hypertension or diabetes programme (建立专案): diagnosis date and facility, source, doctor, team")
            .Produces<RegistrationDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        g.MapPost("/registrations/{id:guid}/deregister", async (Guid id, DeregisterChronic cmd, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.DeregisterAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Deregister with a reason (1 death, 2 moved, 3 diagnosis withdrawn, 4 lost, 5 other); the history stays")
            .Produces<RegistrationDto>().ProducesValidationProblem();
        g.MapGet("/patients/{residentId:guid}", async (Guid residentId, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.PatientAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Registrations, visits with their computed outcomes, referrals, BP/glucose history, screening state and risk")
            .Produces<ChronicPatientDto>().ProducesProblem(404);
        g.MapPost("/patients/{residentId:guid}/visits", async (Guid residentId, RecordChronicVisit cmd, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.RecordVisitAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/visits/{r.Id}", r)))
            .WithSummary("Record a follow-up for the resident's programmes; returns the classification, urgent-referral flag with reasons and the proposed next visit")
            .Produces<ChronicVisitDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/visits/{id:guid}", async (Guid id, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.GetVisitAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok)).WithSummary("One follow-up visit").Produces<ChronicVisitDto>().ProducesProblem(404);
        g.MapPost("/patients/{residentId:guid}/measurements", async (Guid residentId, RecordMeasurement cmd, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.RecordMeasurementAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/patients/{residentId}", r)))
            .WithSummary("A screening reading: BloodPressure (systolic, diastolic) or FastingGlucose (value, mmol/L)").Produces<MeasurementDto>(201).ProducesValidationProblem();
        g.MapPost("/patients/{residentId:guid}/referrals", async (Guid residentId, CreateReferral cmd, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.CreateReferralAsync(await user.GetAsync(), residentId, cmd, ct)).ToResult(r => TypedResults.Created($"/api/chronic/patients/{residentId}", r)))
            .WithSummary("A referral (上转), from a visit (reason and urgency from it) or on its own; follow-up due in 2 weeks").Produces<ReferralDto>(201).ProducesValidationProblem();
        g.MapPost("/referrals/{id:guid}/result", async (Guid id, RecordReferralResult cmd, CurrentUser user, ChronicClinic h, CancellationToken ct) =>
            (await h.RecordReferralResultAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The referral's result: 1 到位, 2 不到位, or cancel").Produces<ReferralDto>().ProducesValidationProblem();

        g.MapGet("/worklist", async (ChronicList? list, Programme? programme, Guid? organizationId, Guid? teamId, Guid? doctorId, DateOnly? asOf, int? page,
                int? pageSize, CurrentUser user, ChronicWorkList h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), list ?? ChronicList.Week, programme, organizationId, teamId, doctorId, asOf, page, pageSize, ct))
            .ToResult(TypedResults.Ok))
            .WithSummary("Week (due within 7 days), Overdue, Uncontrolled, NoExam, NotSeen (3 months), Screening (35+ without BP this year), Confirming, " +
                "Unregistered; one page (page from 1, pageSize 1–2000, default 100) and the total")
            .Produces<ChronicListPage>().ProducesValidationProblem();
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators", async (DateOnly? from, DateOnly? to, CurrentUser user, ChronicIndicators h, CancellationToken ct) =>
            (await h.ReportAsync(await user.GetAsync(), from, to, ct)).ToResult(TypedResults.Ok))
            .WithSummary("规范管理率 and 血压/血糖控制率 per organisation for a period within one year (default: this year so far)")
            .Produces<ChronicIndicatorReport>().ProducesValidationProblem();
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/export", async (DateOnly? from, DateOnly? to, CurrentUser user, ChronicIndicators h, CancellationToken ct) =>
        {
            var outcome = await h.ReportAsync(await user.GetAsync(), from, to, ct);
            return outcome.IsSuccess ? Results.File(ChronicIndicators.ReportToExcel(outcome.Value), Xlsx, $"chronic-indicators-{outcome.Value.From:yyyyMMdd}-{outcome.Value.To:yyyyMMdd}.xlsx")
                : outcome.ToResult(TypedResults.Ok);
        }).WithSummary("The indicator report as Excel");
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/patients", async (Programme programme, DateOnly? from, DateOnly? to, Guid? organizationId, CurrentUser user, ChronicIndicators h, CancellationToken ct) =>
            (await h.PatientsAsync(await user.GetAsync(), programme, from, to, organizationId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The managed patients behind the numbers, each marked standard-managed, controlled, lost").Produces<IReadOnlyList<ChronicIndicatorPatient>>();
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/patients/export", async (Programme programme, DateOnly? from, DateOnly? to, Guid? organizationId, CurrentUser user, ChronicIndicators h, CancellationToken ct) =>
        {
            var outcome = await h.PatientsAsync(await user.GetAsync(), programme, from, to, organizationId, ct);
            return outcome.IsSuccess ? ReadAuditEndpoints.Export(Results.File(ChronicIndicators.PatientsToExcel(outcome.Value), Xlsx, $"chronic-patients-{programme}.xlsx"), outcome.Value) : outcome.ToResult(TypedResults.Ok);
        }).WithSummary("The patient list as Excel");
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/trend", async (Programme programme, int? year, Guid? organizationId, CurrentUser user, ChronicIndicators h, TimeProvider clock, CancellationToken ct) =>
            (await h.TrendAsync(await user.GetAsync(), programme, year ?? clock.Today().Year, organizationId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Monthly trend: the rates over the year so far at each month end").Produces<IReadOnlyList<ChronicTrendPoint>>();
        g.MapGet("/codes", () => TypedResults.Ok(ChronicCodes.All.ToDictionary(c => c.Id, c => c.Entries)))
            .WithSummary("The code lists of the follow-up forms (symptoms, urgent signs, sources, reasons …)");
        return api;
    }
}
