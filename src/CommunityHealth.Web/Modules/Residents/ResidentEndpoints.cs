using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Modules.Residents;

public static class ResidentEndpoints
{
    public static RouteGroupBuilder MapResidents(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/residents").WithTags("Residents");
        g.MapGet("/", async (string? q, bool? includeClosed, CurrentUser user, SearchResidents h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), q, includeClosed ?? true, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Search by name prefix, pinyin initials, ID number (full, last 4 or 6), phone, record number (17 digits or last 8)")
            .Produces<IReadOnlyList<ResidentSummary>>().ProducesValidationProblem();
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("The full record (the view is audited)").Produces<ResidentDto>().ProducesProblem(404);
        g.MapPost("/", async (RegisterResident cmd, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.RegisterAsync(await user.GetAsync(), cmd, ct)).ToResult(r => TypedResults.Created($"/api/residents/{r.Id}", r)))
            .WithSummary("Register a resident (建档) and assign the 17-digit record number")
            .Produces<ResidentDto>(201).ProducesValidationProblem().ProducesProblem(403);
        g.MapPut("/{id:guid}", async (Guid id, ResidentDraft record, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.UpdateAsync(await user.GetAsync(), id, record, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Replace the 个人基本信息表; each changed field is kept in the history")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/close", async (Guid id, CloseResident cmd, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.CloseAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Close a record (death, moved-out, lost); it stays readable")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/transfer", async (Guid id, TransferResident cmd, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.TransferAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Move the resident to another station or center in the caller's scope")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/household", async (Guid id, HouseholdChoice cmd, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.MoveHouseholdAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Move the resident into householdId (with relationship) or into a new household at newAddress; history is kept")
            .Produces<ResidentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/{id:guid}/history", async (Guid id, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.HistoryAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Field changes, newest first").Produces<IReadOnlyList<ResidentChangeDto>>().ProducesProblem(404);
        g.MapGet("/import/template", () => TypedResults.File(ImportResidents.Template(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "居民档案导入模板.xlsx"))
            .WithSummary("The import template (.xlsx): " + string.Join(", ", ImportResidents.Columns));
        g.MapPost("/import/preview", async (IFormFile file, CurrentUser user, ImportResidents h, CancellationToken ct) =>
            (await h.PreviewAsync(await user.GetAsync(), file.OpenReadStream(), file.FileName, ct)).ToResult(TypedResults.Ok))
            .DisableAntiforgery().WithSummary("Check an .xlsx/.csv file row by row without writing anything")
            .Produces<ImportReport>().ProducesValidationProblem();
        g.MapPost("/import", async (IFormFile file, CurrentUser user, ImportResidents h, CancellationToken ct) =>
            (await h.ImportAsync(await user.GetAsync(), file.OpenReadStream(), file.FileName, ct)).ToResult(TypedResults.Ok))
            .DisableAntiforgery().WithSummary("Import all new rows in one transaction, or nothing when any row is invalid; already registered rows are skipped")
            .Produces<ImportReport>().ProducesValidationProblem().ProducesProblem(403);
        g.MapGroup("").RequirePermission(Permission.ResidentsExport).MapGet("/export", async (string? q, bool? includeClosed, CurrentUser user, SearchResidents h, ResidentExport export, CancellationToken ct) =>
        {
            var staff = await user.GetAsync();
            var rows = await h.HandleAsync(staff, q, includeClosed ?? true, ct, SearchResidents.MaxExport);
            return rows.IsSuccess
                ? ReadAuditEndpoints.Export(TypedResults.File(await export.ToExcelAsync(staff, rows.Value, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "居民档案查询结果.xlsx"), rows.Value)
                : Problems.From(rows.Error!);
        }).WithSummary("The search result list as .xlsx (masked ID and phone; the export is audited)");
        g.MapGet("/duplicates", async (CurrentUser user, MergeResidents h, CancellationToken ct) => TypedResults.Ok(await h.CandidatesAsync(await user.GetAsync(), ct)))
            .WithSummary("Records flagged as possible duplicates (same name + birth date, or phone + birth date), with their matches");
        g.MapPost("/{id:guid}/not-duplicate", async (Guid id, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.DismissAsync(await user.GetAsync(), id, ct)).ToResult(_ => TypedResults.NoContent()))
            .WithSummary("Reviewed: not a duplicate").ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/merge", async (Guid id, MergeCommand cmd, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.MergeAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Merge duplicateId into this record; all history moves here; reversible")
            .Produces<MergeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/{id:guid}/merges", async (Guid id, CurrentUser user, MergeResidents h, CancellationToken ct) => TypedResults.Ok(await h.HistoryAsync(await user.GetAsync(), id, ct)));
        api.MapPost("/resident-merges/{id:guid}/undo", async (Guid id, CurrentUser user, MergeResidents h, CancellationToken ct) =>
            (await h.UndoAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents").WithSummary("Undo a merge: both records are restored exactly")
            .Produces<MergeDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/households/{id:guid}", async (Guid id, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.HouseholdAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents").WithSummary("A household with its members, past and present").Produces<HouseholdDto>().ProducesProblem(404);
        api.MapGet("/code-lists", () => TypedResults.Ok(ResidentCodes.All)).WithTags("Residents").WithSummary("The effective-dated code lists of the record forms");
        return api;
    }
}
