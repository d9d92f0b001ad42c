using CommunityHealth.Domain.Staff;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Modules.ChronicCare;

public static class ChronicEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapChronicCare(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/chronic").WithTags("ChronicCare");
        RegisterPatient.Map(g);
        DeregisterPatient.Map(g);
        GetChronicPatient.Map(g);
        RecordFollowUp.Map(g);
        GetFollowUp.Map(g);
        RecordMeasurementHandler.Map(g);
        CreateReferralHandler.Map(g);
        RecordReferralResultHandler.Map(g);

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
            return outcome.IsSuccess ? Results.File(ChronicIndicators.PatientsToExcel(outcome.Value), Xlsx, $"chronic-patients-{programme}.xlsx") : outcome.ToResult(TypedResults.Ok);
        }).WithSummary("The patient list as Excel");
        g.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/indicators/trend", async (Programme programme, int? year, Guid? organizationId, CurrentUser user, ChronicIndicators h, TimeProvider clock, CancellationToken ct) =>
            (await h.TrendAsync(await user.GetAsync(), programme, year ?? clock.Today().Year, organizationId, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Monthly trend: the rates over the year so far at each month end").Produces<IReadOnlyList<ChronicTrendPoint>>();
        g.MapGet("/codes", () => TypedResults.Ok(ChronicCodes.All.ToDictionary(c => c.Id, c => c.Entries)))
            .WithSummary("The code lists of the follow-up forms (symptoms, urgent signs, sources, reasons …)");
        return api;
    }
}
