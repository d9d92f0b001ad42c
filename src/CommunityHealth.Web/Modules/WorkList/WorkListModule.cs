using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.Immunization;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.WorkList;

namespace CommunityHealth.Web.Modules.WorkList;

/// <summary>
/// The shared home list (今日待办, issue 21): the registry of the programmes' items, its routes under <c>/api/worklist</c>, the
/// daily job and the reminder opt-outs. The programmes register themselves (<see cref="ImmunizationWorkItems"/>,
/// <c>ChronicWorkItems</c>) and write their items; this module reads them. The page is the home page (<c>Components/Pages/Home.razor</c>).
/// </summary>
public sealed class WorkListModule : IModule
{
    public string Name => "WorkList";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WorkProgrammes>();
        services.AddScoped<ListWorkItems>();
        services.AddScoped<CountWorkItems>();
        services.AddScoped<ExportWorkItems>();
        services.AddScoped<RecordWorkItemOutcome>();
        services.AddScoped<SetReminderOptOut>();
        if (configuration.GetValue("WorkList:Enabled", true)) services.AddHostedService<WorkListJob>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        // any signed-in user: each programme's items need its read permission (the query shows only those), an outcome its write permission
        var list = api.MapGroup("/worklist").WithTags(Name).RequirePermission(Permission.SignedIn);
        ListWorkItems.Map(list);
        CountWorkItems.Map(list);
        ExportWorkItems.Map(list);
        RecordWorkItemOutcome.Map(list);
        SetReminderOptOut.Map(api.MapGroup("").WithTags(Name).RequirePermissions(Permission.ResidentsRead, Permission.ResidentsWrite));
    }
}
