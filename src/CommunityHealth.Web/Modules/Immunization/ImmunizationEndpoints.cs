using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>The module's routes under /api: each slice maps its own endpoint into the group it belongs to.</summary>
public static class ImmunizationEndpoints
{
    public static RouteGroupBuilder MapImmunization(this RouteGroupBuilder api)
    {
        api.MapGet("/vaccines", () => TypedResults.Ok(Vaccines.All)).WithTags("Immunization").WithSummary("The NIP vaccines (code system codes, names, live/route)");

        var vaccinees = api.MapGroup("/vaccinees").WithTags("Immunization");
        RegisterVaccinee.Map(vaccinees);
        GetVaccinee.Map(vaccinees);
        UpdateVaccineeFacts.Map(vaccinees);
        AdministerDose.Map(vaccinees);
        RecordContraindication.Map(vaccinees);
        EndContraindication.Map(vaccinees);
        RecordAdverseEvent.Map(vaccinees);
        RecordContact.Map(vaccinees);
        ChangeVaccineeStatus.Map(vaccinees);
        GetVaccinee.MapByResident(api);
        RecordObservation.Map(api);

        var vaccination = api.MapGroup("/vaccination").WithTags("Immunization");
        VaccinationWorkList.Map(vaccination);

        var lots = api.MapGroup("/vaccine-lots").WithTags("Vaccine stock").RequirePermissions(Permission.ImmunizationRead, Permission.VaccineStockManage);
        ListVaccineLots.Map(lots);
        ReceiveVaccineLot.Map(lots);
        AdjustStock.Map(lots);
        ListStockMovements.Map(lots);

        var refrigerators = api.MapGroup("/refrigerators").WithTags("Cold chain").RequirePermissions(Permission.ImmunizationRead, Permission.VaccineStockManage);
        ListRefrigerators.Map(refrigerators);
        AddRefrigerator.Map(refrigerators);
        RecordTemperature.Map(refrigerators);
        ListTemperatureReadings.Map(api);
        RecordExcursionAction.Map(api);

        var reminders = api.MapGroup("/reminders").WithTags("Immunization");
        GenerateReminders.Map(reminders);
        ListReminders.Map(reminders);
        return api;
    }
}
