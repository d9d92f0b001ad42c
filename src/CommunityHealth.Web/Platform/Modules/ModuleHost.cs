using CommunityHealth.Web.Platform.Fhir;

namespace CommunityHealth.Web.Platform.Modules;

/// <summary>Registers the modules listed in Program.cs and maps their routes.</summary>
public static class ModuleHost
{
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder) where TModule : IModule, new()
    {
        var module = new TModule();
        builder.Services.AddSingleton<IModule>(module);
        module.AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    public static IReadOnlyList<IModule> Modules(this IServiceProvider services) => services.GetServices<IModule>().ToList();

    /// <summary>Every module's <c>/api</c> and <c>/fhir</c> routes.</summary>
    public static WebApplication MapModules(this WebApplication app)
    {
        var modules = app.Services.Modules();
        // every GET under /api and /fhir goes through the one read audit (ReadAuditEndpoints): a module cannot forget it
        var api = app.MapGroup("/api").RequireAuthorization().AuditReads();
        var fhir = app.MapGroup("/fhir").RequireAuthorization().ExcludeFromDescription().AuditReads();
        fhir.MapGet("/metadata", (HttpContext http) =>
            FhirJson.Ok(Capability.Build(FhirEndpoints.BaseUrl(http), modules.SelectMany(m => m.FhirResources)))).AllowAnonymous();
        foreach (var m in modules)
        {
            m.MapEndpoints(app);
            m.MapApi(api);
            m.MapFhir(fhir);
        }
        return app;
    }
}
