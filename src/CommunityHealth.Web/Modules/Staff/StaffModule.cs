using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Staff.Fhir;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Staff;

/// <summary>Staff accounts and their roles; FHIR Practitioner.</summary>
public sealed class StaffModule : IModule
{
    public string Name => "Staff";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ListStaff>();
        services.AddScoped<GetStaff>();
        services.AddScoped<CreateStaffHandler>();
        services.AddScoped<UpdateStaffHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<UnlockStaff>();
    }

    /// <summary>The module's routes under /api/staff, one slice each.</summary>
    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequirePermissions(Permission.StaffRead, Permission.StaffManage).MapGroup("/staff").WithTags("Staff");
        ListStaff.Map(g);
        GetStaff.Map(g);
        CreateStaffHandler.Map(g);
        UpdateStaffHandler.Map(g);
        ResetPasswordHandler.Map(g);
        UnlockStaff.Map(g);
        g.MapGet("/roles", () => TypedResults.Ok(Domain.Staff.StaffRole.All)).WithSummary("The role names");
    }

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermission(Permission.StaffRead).MapPractitionerFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
        [new("Practitioner", ["read", "search-type"], ["_id", "name", "identifier", "active"])];

    public IEnumerable<MenuEntry> Menu => [new("系统管理", "人员账号", "admin/staff", Permission.StaffManage, 930)];
}
