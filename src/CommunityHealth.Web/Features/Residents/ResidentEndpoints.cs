using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Infrastructure;

namespace CommunityHealth.Web.Features.Residents;

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
        g.MapGet("/{id:guid}/history", async (Guid id, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.HistoryAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithSummary("Field changes, newest first").Produces<IReadOnlyList<ResidentChangeDto>>().ProducesProblem(404);
        api.MapGet("/households/{id:guid}", async (Guid id, CurrentUser user, ResidentHandlers h, CancellationToken ct) =>
            (await h.HouseholdAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents").WithSummary("A household with its members, past and present").Produces<HouseholdDto>().ProducesProblem(404);
        api.MapGet("/code-lists", () => TypedResults.Ok(ResidentCodes.All)).WithTags("Residents").WithSummary("The effective-dated code lists of the record forms");
        return api;
    }
}
