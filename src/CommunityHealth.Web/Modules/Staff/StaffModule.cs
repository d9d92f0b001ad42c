using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Staff.Fhir;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Staff;

/// <summary>Staff accounts and their roles; FHIR Practitioner.</summary>
public sealed class StaffModule : IModule
{
    public string Name => "Staff";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<StaffHandlers>();

    public void MapApi(RouteGroupBuilder api) => api.MapGroup("").RequirePermissions(Permission.StaffRead, Permission.StaffManage).MapStaff();

    public void MapFhir(RouteGroupBuilder fhir) => fhir.MapGroup("").RequirePermission(Permission.StaffRead).MapPractitionerFhir();

    public IEnumerable<FhirResourceCapability> FhirResources =>
        [new("Practitioner", ["read", "search-type"], ["_id", "name", "identifier", "active"])];

    public IEnumerable<MenuEntry> Menu => [new("系统管理", "人员账号", "admin/staff", Permission.StaffManage, 930)];
}
