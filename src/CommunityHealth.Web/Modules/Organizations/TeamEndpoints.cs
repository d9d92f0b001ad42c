namespace CommunityHealth.Web.Modules.Organizations;

public static class TeamEndpoints
{
    public static RouteGroupBuilder MapTeams(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/teams").WithTags("Teams");
        g.MapGet("/", async (Guid? organizationId, CurrentUser user, TeamHandlers h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(await user.GetAsync(), organizationId, ct)));
        g.MapGet("/{id:guid}", async (Guid id, CurrentUser user, TeamHandlers h, CancellationToken ct) =>
            (await h.GetAsync(await user.GetAsync(), id, ct)).ToResult(TypedResults.Ok))
            .Produces<TeamDto>().ProducesProblem(404);
        g.MapPost("/", async (SaveTeam cmd, CurrentUser user, TeamHandlers h, CancellationToken ct) =>
            (await h.CreateAsync(await user.GetAsync(), cmd, ct)).ToResult(t => TypedResults.Created($"/api/teams/{t.Id}", t)))
            .Produces<TeamDto>(201).ProducesValidationProblem().ProducesProblem(403);
        g.MapPut("/{id:guid}", async (Guid id, SaveTeam cmd, CurrentUser user, TeamHandlers h, CancellationToken ct) =>
            (await h.UpdateAsync(await user.GetAsync(), id, cmd, ct)).ToResult(TypedResults.Ok))
            .Produces<TeamDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return api;
    }
}
