using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Modules;

namespace CommunityHealth.Web.Modules.Audit;

/// <summary>The audit trail: who read or changed what, when, from where.</summary>
public sealed class AuditModule : IModule
{
    public string Name => "Audit";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<QueryAuditLog>().AddScoped<DescribeAuditEntries>();

    public void MapApi(RouteGroupBuilder api) => QueryAuditLog.Map(api.MapGroup("").RequirePermission(Permission.AuditRead));

    public IEnumerable<MenuEntry> Menu => [new("系统管理", "审计日志", "admin/audit", Permission.AuditRead, 940)];
}
