namespace CommunityHealth.Web.Modules.Staff;

public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaff(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/staff").WithTags("Staff");
        g.MapGet("/", async (Guid? organizationId, string? role, string? search, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(await user.GetAsync(), new StaffQuery(organizationId, role, search), ct)));
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesProblem(404);
        g.MapPost("/", async (CreateStaff cmd, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
            (await h.CreateAsync(await user.GetAsync(), cmd, ct)).ToResult(s => TypedResults.Created($"/api/staff/{s.Id}", s)))
            .Produces<StaffDto>(201).ProducesValidationProblem().ProducesProblem(403);
        g.MapPut("/{id:guid}", async (Guid id, UpdateStaff cmd, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
            (await h.UpdateAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/password", async (Guid id, ResetPassword cmd, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
            (await h.ResetPasswordAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        g.MapPost("/{id:guid}/unlock", async (Guid id, CurrentUser user, StaffHandlers h, CancellationToken ct) =>
            (await h.UnlockAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<StaffDto>().ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/roles", () => TypedResults.Ok(Domain.Staff.StaffRole.All)).WithSummary("The role names");
        return api;
    }
}
