using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Account;

/// <summary>Sign-in (form and bearer token), sign-out, the UI language and the signed-in user.</summary>
public sealed class AccountModule : IModule
{
    public string Name => "Account";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<SignInHandler>();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccountForms();

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapTokenEndpoint();
        api.MapGet("/me", async (CurrentUser user) => TypedResults.Ok(await user.GetAsync())).WithTags("Auth").RequirePermission(Permission.SignedIn);
    }
}
