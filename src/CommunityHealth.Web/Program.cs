using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CommunityHealth.Data;
using CommunityHealth.Data.Sqlite;
using CommunityHealth.Web.Components;
using CommunityHealth.Web.Modules.Account;
using CommunityHealth.Web.Modules.Audit;
using CommunityHealth.Web.Modules.ChronicCare;
using CommunityHealth.Web.Modules.Examinations;
using CommunityHealth.Web.Modules.Immunization;
using CommunityHealth.Web.Modules.Indicators;
using CommunityHealth.Web.Modules.Organizations;
using CommunityHealth.Web.Modules.Residents;
using CommunityHealth.Web.Modules.Staff;
using CommunityHealth.Web.Modules.WorkList;
using CommunityHealth.Web.Platform.Modules;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(StartupDefaults.Options(args)).ApplyStartupDefaults(); // own folder, quiet ISO 8601 logs
builder.WebHost.UseStaticWebAssets(); // _content/* and blazor.web.js under `dotnet run` outside Development

var (provider, connectionString) = DatabaseSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddHealthData(provider, connectionString, builder.Configuration.GetValue("Database:WriterCacheMb", SqliteWriteGate.DefaultWriterCacheMb),
    builder.Configuration.GetValue("Database:MmapMb", SqlitePragmas.DefaultMmapMb));
builder.Services.AddKeyRing(builder.Configuration, builder.Environment.ContentRootPath, provider, connectionString);
if (string.Equals(provider, DataServiceCollectionExtensions.Sqlite, StringComparison.OrdinalIgnoreCase)) builder.Services.AddHostedService<SqliteMaintenance>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddStaffAuthentication();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddSingleton<StaffStamps>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, StaffRevalidatingAuthStateProvider>();
builder.Services.AddSingleton<ScopedDb>();
builder.Services.AddSingleton<OrganizationCache>();
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<ReadAudit>();
builder.Services.AddHostedService<AuditWriter>();
builder.Services.AddPermissionPolicies();

// The modules: each brings its services, routes, FHIR resources, permissions and menu (Modules/<Name>/<Name>Module.cs).
builder.AddModule<AccountModule>();
builder.AddModule<OrganizationsModule>();
builder.AddModule<StaffModule>();
builder.AddModule<AuditModule>();
builder.AddModule<ResidentsModule>();
builder.AddModule<ExaminationsModule>();
builder.AddModule<ImmunizationModule>();
builder.AddModule<ChronicCareModule>();
builder.AddModule<IndicatorsModule>();
builder.AddModule<WorkListModule>();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<UnexpectedExceptionHandler>();
// A parameter the binder refuses throws, so UnexpectedExceptionHandler can name it (not only in Development).
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Emit Chinese as UTF-8 text rather than &#x...; entities (smaller pages, readable source).
builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

var app = builder.Build();
try
{
    await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration);
}
catch (StartupSettingException e)
{
    await Console.Error.WriteLineAsync("[CommunityHealth] " + e.Message);
    return 1;
}

string[] cultures = ["zh-CN", "en-US"];
var localization = new RequestLocalizationOptions().SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
// Chinese unless the user picks English in the header (cookie) or a client asks with ?culture=en-US;
// the browser's Accept-Language is deliberately ignored: staff machines often run English Windows.
localization.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
app.UseRequestLocalization(localization);
app.UseExceptionHandler();
app.UseStatusCodeAnswers(); // bare 401/404/405: ProblemDetails, OperationOutcome or the not-found page
app.UseRouting();
app.UseAuthentication();
app.UseStaffStampCheck();
app.UseAuthorization();
app.UseCurrentUser();
app.UsePermissions();
app.UseAntiforgery();

app.MapGet("/health", async (IHealthDbFactory factory, CancellationToken ct) =>
{
    await using var db = factory.Create(DataScope.Nothing);
    return await db.Database.CanConnectAsync(ct) ? Results.Text("Healthy") : Results.Text("Unhealthy", statusCode: 503);
}).AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi().AllowAnonymous();

app.MapModules();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

public partial class Program;
