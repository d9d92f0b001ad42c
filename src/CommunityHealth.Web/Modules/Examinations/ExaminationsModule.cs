using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>健康体检表 (the national health examination form) and outpatient encounters (SOAP notes).</summary>
public sealed class ExaminationsModule : IModule
{
    public string Name => "Examinations";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<ExaminationHandlers>();

    public void MapApi(RouteGroupBuilder api) => api.MapGroup("").RequirePermissions(Permission.ExaminationsRead, Permission.ExaminationsWrite).MapExaminations();
}
