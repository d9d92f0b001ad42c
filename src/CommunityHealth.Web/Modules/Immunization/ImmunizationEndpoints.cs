using CommunityHealth.Domain.Staff;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Modules.Immunization;

public static class ImmunizationEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddImmunization(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<VaccinationClinic>();
        services.AddScoped<VaccinationWorkList>();
        services.AddScoped<VaccineStock>();
        services.AddScoped<Coverage>();
        services.AddScoped<Reminders>();
        var webhook = config["Reminders:WebhookUrl"];
        if (string.IsNullOrWhiteSpace(webhook)) services.AddSingleton<IReminderSender, RecordingReminderSender>();
        else
        {
            services.AddHttpClient("reminders", c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<IReminderSender>(sp => new WebhookReminderSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient("reminders"), webhook));
        }
        if (config.GetValue("Reminders:Enabled", true)) services.AddHostedService<ImmunizationJobs>();
        return services;
    }

    public static RouteGroupBuilder MapImmunization(this RouteGroupBuilder api)
    {
        api.MapGet("/vaccines", () => TypedResults.Ok(Vaccines.All)).WithTags("Immunization").WithSummary("The NIP vaccines (code system codes, names, live/route)");

        var g = api.MapGroup("/vaccinees").WithTags("Immunization");
        g.MapPost("/", async (RegisterVaccinee cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.RegisterAsync(await user.GetAsync(), cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{r.Id}", r)))
            .WithSummary("Register a child at the vaccination clinic (接种证 number, guardian), linked to the resident record")
            .Produces<VaccineeDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/{id:guid}", async (Guid id, DateOnly? asOf, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), id, asOf, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The child with doses (validity and reasons), forecast as of asOf (default today), contraindications, AEFI, contacts")
            .Produces<VaccineeDto>().ProducesProblem(404);
        g.MapPut("/{id:guid}/facts", async (Guid id, UpdateVaccineeFacts cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.UpdateFactsAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Guardian, mother's HBsAg, birth weight, immunodeficiency, PPD, immunoglobulin dates").Produces<VaccineeDto>().ProducesValidationProblem();
        g.MapPost("/{id:guid}/visits", async (Guid id, RecordVisit cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.RecordVisitAsync(await user.GetAsync(), id, cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{id}", r)))
            .WithSummary("Record the doses of a visit; a dose that would not count needs overrideReason; stock is decremented")
            .Produces<VisitResult>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/contraindications", async (Guid id, RecordContraindication cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.AddContraindicationAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Record a contraindication or exemption for a vaccine").Produces<VaccineeDto>().ProducesValidationProblem();
        g.MapPost("/{id:guid}/contraindications/{cid:guid}/end", async (Guid id, Guid cid, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.EndContraindicationAsync(await user.GetAsync(), id, cid, ct)).ToResult(TypedResults.Ok))
            .WithSummary("End a contraindication or exemption today").Produces<VaccineeDto>().ProducesValidationProblem();
        g.MapPost("/{id:guid}/adverse-events", async (Guid id, RecordAdverseEvent cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.AddAdverseEventAsync(await user.GetAsync(), id, cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{id}", r)))
            .WithSummary("Record a suspected adverse event following immunization (AEFI)").Produces<AdverseEventDto>(201).ProducesValidationProblem();
        g.MapPost("/{id:guid}/contacts", async (Guid id, RecordContact cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.AddContactAsync(await user.GetAsync(), id, cmd, ct)).ToResult(r => TypedResults.Created($"/api/vaccinees/{id}", r)))
            .WithSummary("Mark a contact attempt with the guardian").Produces<ContactDto>(201).ProducesValidationProblem();
        g.MapPost("/{id:guid}/status", async (Guid id, ChangeVaccineeStatus cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.ChangeStatusAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Active, MovedAway (off the lists and denominators) or Closed").Produces<VaccineeDto>().ProducesValidationProblem();
        api.MapGet("/residents/{residentId:guid}/vaccinee", async (Guid residentId, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.ByResidentAsync(await user.GetAsync(), residentId, ct)).ToResult(TypedResults.Ok))
            .WithTags("Immunization").WithSummary("The resident's vaccination record, if registered").Produces<VaccineeDto>().ProducesProblem(404);
        api.MapPost("/vaccination-doses/{id:guid}/observation", async (Guid id, RecordObservation cmd, CurrentUser user, VaccinationClinic h, CancellationToken ct) =>
            (await h.ObserveAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithTags("Immunization").WithSummary("The 30-minute observation after the dose").Produces<DoseDto>().ProducesValidationProblem();

        var v = api.MapGroup("/vaccination").WithTags("Immunization");
        v.MapGet("/worklist", async (WorkListWindow? window, Guid? organizationId, Guid? teamId, string? ageGroup, DateOnly? asOf, int? page, int? pageSize,
                CurrentUser user, VaccinationWorkList h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), window ?? WorkListWindow.Week, organizationId, teamId, ageGroup, asOf, page, pageSize, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Children due this week (Week), due (Due) or overdue (Overdue), per station, team and age group (0-1, 1-3, 3-7, 7-18); " +
                "one page (page from 1, pageSize 1–2000, default 100) and the total")
            .Produces<WorkListPage>().ProducesValidationProblem();
        v.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/coverage", async (int cohort, DateOnly? asOf, CurrentUser user, Coverage h, CancellationToken ct) =>
            (await h.ReportAsync(await user.GetAsync(), cohort, asOf, ct)).ToResult(TypedResults.Ok))
            .WithSummary("接种率, 及时接种率 per dose and 建证率 for a birth cohort, per organisation").Produces<CoverageReport>().ProducesValidationProblem();
        v.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/coverage/export", async (int cohort, DateOnly? asOf, CurrentUser user, Coverage h, CancellationToken ct) =>
        {
            var r = await h.ReportAsync(await user.GetAsync(), cohort, asOf, ct);
            return r.IsSuccess ? TypedResults.File(Coverage.ReportToExcel(r.Value), Xlsx, $"接种率_{cohort}.xlsx") : Problems.From(r.Error!);
        }).WithSummary("The coverage report as .xlsx");
        v.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/coverage/children", async (int cohort, string key, Guid? organizationId, DateOnly? asOf, CurrentUser user, Coverage h, CancellationToken ct) =>
            (await h.ChildrenAsync(await user.GetAsync(), cohort, key, organizationId, asOf, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The children behind a coverage number (denominator, each marked in numerator / timely)").Produces<IReadOnlyList<CoverageChild>>();
        v.MapGroup("").RequirePermission(Permission.IndicatorsRead).MapGet("/coverage/children/export", async (int cohort, string key, Guid? organizationId, DateOnly? asOf, CurrentUser user, Coverage h, CancellationToken ct) =>
        {
            var r = await h.ChildrenAsync(await user.GetAsync(), cohort, key, organizationId, asOf, ct);
            return r.IsSuccess ? ReadAuditEndpoints.Export(TypedResults.File(Coverage.ChildrenToExcel(r.Value), Xlsx, $"接种名单_{cohort}_{key}.xlsx"), r.Value) : Problems.From(r.Error!);
        }).WithSummary("The drill-down list as .xlsx");

        var lots = api.MapGroup("/vaccine-lots").WithTags("Vaccine stock").RequirePermissions(Permission.ImmunizationRead, Permission.VaccineStockManage);
        lots.MapGet("/", async (bool? includeEmpty, CurrentUser user, VaccineStock h, CancellationToken ct) => TypedResults.Ok(await h.LotsAsync(await user.GetAsync(), includeEmpty ?? false, ct)))
            .WithSummary("Lots on hand with expiry warnings (expired, expiring within 30 days)");
        lots.MapPost("/", async (ReceiveLot cmd, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            (await h.ReceiveAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Receive doses of a lot (creates the lot or adds to it)").Produces<LotDto>().ProducesValidationProblem();
        lots.MapPost("/{id:guid}/adjustments", async (Guid id, AdjustLot cmd, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            (await h.AdjustAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Adjust the balance (±) with a reason").Produces<LotDto>().ProducesValidationProblem();
        lots.MapGet("/{id:guid}/movements", async (Guid id, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            (await h.MovementsAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok)).WithSummary("Receipts, adjustments and doses of a lot");

        var cold = api.MapGroup("/refrigerators").WithTags("Cold chain").RequirePermissions(Permission.ImmunizationRead, Permission.VaccineStockManage);
        cold.MapGet("/", async (CurrentUser user, VaccineStock h, CancellationToken ct) => TypedResults.Ok(await h.RefrigeratorsAsync(await user.GetAsync(), ct)));
        cold.MapPost("/", async (AddRefrigerator cmd, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            (await h.AddRefrigeratorAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok)).ProducesValidationProblem();
        cold.MapPost("/{id:guid}/readings", async (Guid id, RecordReading cmd, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            (await h.RecordReadingAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("A temperature reading; outside 2–8 °C it is flagged until an action is recorded").Produces<ReadingDto>().ProducesValidationProblem();
        api.MapGet("/temperature-readings", async (bool? alertsOnly, int? days, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            TypedResults.Ok(await h.ReadingsAsync(await user.GetAsync(), alertsOnly ?? false, days ?? 14, ct))).WithTags("Cold chain");
        api.MapGroup("").RequirePermission(Permission.VaccineStockManage).MapPost("/temperature-readings/{id:guid}/action", async (Guid id, RecordAction cmd, CurrentUser user, VaccineStock h, CancellationToken ct) =>
            (await h.RecordActionAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithTags("Cold chain").WithSummary("The action taken for an out-of-range reading").Produces<ReadingDto>().ProducesValidationProblem();

        var rem = api.MapGroup("/reminders").WithTags("Immunization");
        rem.MapPost("/generate", async (GenerateReminders cmd, CurrentUser user, Reminders h, CancellationToken ct) =>
            (await h.GenerateAsync(await user.GetAsync(), cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Queue reminder messages for guardians of children due within daysAhead days (never twice)").Produces<GenerateResult>().ProducesValidationProblem();
        rem.MapGet("/", async (ReminderStatus? status, CurrentUser user, Reminders h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(await user.GetAsync(), status, ct)))
            .WithSummary("The outbox: recipient, text, status, attempts, last error");
        return api;
    }
}
