using CommunityHealth.Domain.Staff;
using CommunityHealth.Domain.ChronicCare;
using CommunityHealth.Web.Platform;

namespace CommunityHealth.Web.Modules.ChronicCare;

public static class ChronicEndpoints
{
    public static RouteGroupBuilder MapChronicCare(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/chronic").WithTags("ChronicCare");
        RegisterPatient.Map(g);
        DeregisterPatient.Map(g);
        GetChronicPatient.Map(g);
        RecordFollowUp.Map(g);
        GetFollowUp.Map(g);
        RecordMeasurementHandler.Map(g);
        CreateReferralHandler.Map(g);
        RecordReferralResultHandler.Map(g);
        ChronicWorkList.Map(g);
        GetIndicatorReport.Map(g);
        ListIndicatorPatients.Map(g);
        GetIndicatorTrend.Map(g);
        g.MapGet("/codes", () => TypedResults.Ok(ChronicCodes.All.ToDictionary(c => c.Id, c => c.Entries)))
            .WithSummary("The code lists of the follow-up forms (symptoms, urgent signs, sources, reasons …)");
        return api;
    }
}
