namespace CommunityHealth.Web.Modules.Organizations;

public static class OrganizationEndpoints
{
    public static RouteGroupBuilder MapOrganizations(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/organizations").WithTags("Organizations");
        g.MapGet("/", async (CurrentUser user, OrganizationHandlers h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(await user.GetAsync(), ct)))
            .WithSummary("Organisations in the caller's data scope, ordered by division code");
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, OrganizationHandlers h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<OrganizationDto>().ProducesProblem(404);
        g.MapPost("/", async (CreateOrganization cmd, CurrentUser user, OrganizationHandlers h, CancellationToken ct) =>
            (await h.CreateAsync(await user.GetAsync(), cmd, ct)).ToResult(o => TypedResults.Created($"/api/organizations/{o.Id}", o)))
            .Produces<OrganizationDto>(201).ProducesValidationProblem().ProducesProblem(403);
        g.MapPut("/{id:guid}", async (Guid id, UpdateOrganization cmd, CurrentUser user, OrganizationHandlers h, CancellationToken ct) =>
            (await h.UpdateAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<OrganizationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return api;
    }
}
