using CommunityHealth.Domain.Examinations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Indicators;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;

namespace CommunityHealth.Web.Modules.Examinations;

/// <summary>健康体检表 (the national health examination form) and outpatient encounters (SOAP notes).</summary>
public sealed class ExaminationsModule : IModule
{
    public string Name => "Examinations";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IDemoSeeder, DemoExaminations>();
        services.AddSingleton<ExaminationIndicators>();
        services.AddSingleton<IIndicatorSource>(sp => sp.GetRequiredService<ExaminationIndicators>());
        services.AddSingleton<IResidentActivity>(sp => sp.GetRequiredService<ExaminationIndicators>());
        services.AddScoped<RecordExamination>();
        services.AddScoped<UpdateExamination>();
        services.AddScoped<GetExamination>();
        services.AddScoped<ListExaminations>();
        services.AddScoped<RecordEncounterHandler>();
        services.AddScoped<ListEncounters>();
    }

    /// <summary>The module's routes: a resident's examinations and encounters under /api/residents/{residentId}, an examination under /api/examinations.</summary>
    public void MapApi(RouteGroupBuilder api)
    {
        var exams = api.MapGroup("").RequirePermissions(Permission.ExaminationsRead, Permission.ExaminationsWrite);
        var resident = exams.MapGroup("/residents/{residentId:guid}").WithTags("Examinations");
        RecordExamination.Map(resident);
        ListExaminations.Map(resident);
        RecordEncounterHandler.Map(resident);
        ListEncounters.Map(resident);
        GetExamination.Map(exams);
        UpdateExamination.Map(exams);
        exams.MapGet("/exam-code-lists", () => TypedResults.Ok(ExamCodes.All)).WithTags("Examinations");
    }
}
