using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Account;

/// <summary>Sign-in (form and bearer token), sign-out, the UI language and the signed-in user.</summary>
public sealed class AccountModule : IModule
{
    public string Name => "Account";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<SignInHandler>();

    /// <summary>The forms and links outside /api: sign-in, sign-out, the UI language.</summary>
    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        SignIn.Map(app);
        SignOut.Map(app);
        SetCulture.Map(app);
    }

    public void MapApi(RouteGroupBuilder api)
    {
        IssueToken.Map(api);
        api.MapGet("/me", async (CurrentUser user) => TypedResults.Ok(await user.GetAsync())).WithTags("Auth").RequirePermission(Permission.SignedIn);
    }
}
