using System.Globalization;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Immunization.Pages;

public partial class VaccineePage
{
    [Parameter] public Guid Id { get; set; }
    /// <summary>The vaccine to propose first (the home list's item opens the page with it).</summary>
    [SupplyParameterFromQuery(Name = "vaccine")] public string? Vaccine { get; set; }
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ReadAudit Reads { get; set; } = default!;
    [Inject] private GetVaccinee Vaccinees { get; set; } = default!;
    [Inject] private ListVaccineLots LotList { get; set; } = default!;
    [Inject] private AdministerDose Administer { get; set; } = default!;
    [Inject] private RecordObservation Observations { get; set; } = default!;
    [Inject] private RecordContraindication Contraindications { get; set; } = default!;
    [Inject] private EndContraindication EndContraindications { get; set; } = default!;
    [Inject] private UpdateVaccineeFacts Facts { get; set; } = default!;
    [Inject] private RecordAdverseEvent AdverseEvents { get; set; } = default!;
    [Inject] private RecordContact Contacts { get; set; } = default!;
    [Inject] private ChangeVaccineeStatus Statuses { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private GetForecast Forecasts { get; set; } = default!;

    // brackets around an aside in the page's language: full-width in Chinese, ASCII in English
    private static string Open => Text.IsEnglish ? " (" : "（";
    private static string Close => Text.IsEnglish ? ")" : "）";

    private sealed class DoseRow
    {
        public string? Vaccine { get; set; }
        public Guid? LotId { get; set; }
        public string? LotNumber { get; set; }
        public DateOnly? Date { get; set; }
        public string? Time { get; set; }
        public string? Site { get; set; }
        public string? OverrideReason { get; set; }
        public string? Manufacturer { get; set; }
        public DateOnly? Expiry { get; set; }
        public string? Route { get; set; }
        public string? Nurse { get; set; }
    }

    private StaffContext me = default!;
    private VaccineeDto? v;
    private Forecast? forecast;
    private IReadOnlyList<LotDto> lots = [];
    private readonly List<DoseRow> rows = [];
    private readonly FormErrors errors = new();
    private string? loadError, message;
    private bool canWrite;
    private DateOnly today;
    private string? ciVaccine, ciReason;
    private ContraindicationKind ciKind;
    private DateOnly? ciFrom, ciUntil;
    private PpdResult? ppd;
    private DateOnly? ppdDate, igDate;
    private bool immuno;
    private Guid? aeDose;
    private DateOnly? aeDate;
    private string? aeTime, aeSymptoms, aeOutcome, aeVisitTime, aeDiagnosis, aeClassification, aeOutcomeCode, aeReporter;
    private DateOnly? aeReportedOn, aeVisitDate;
    private bool? aeHospitalized;
    private readonly HashSet<string> aeReactions = [];
    private bool aeSerious;
    private string? contactMethod, contactResult;

    protected override async Task OnParametersSetAsync()
    {
        today = Clock.Today();
        me = await Current.GetAsync();
        canWrite = me.Can(Permission.ImmunizationWrite);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var outcome = await Vaccinees.HandleAsync(me, Id);
        if (!outcome.IsSuccess) { loadError = Text.Get(outcome.Error!.Code); return; }
        v = outcome.Value;
        forecast = (await Forecasts.ForVaccineeAsync(me, Id, today)).Value.Forecast;
        Reads.Page(this, me, v);
        lots = await LotList.HandleAsync(me, includeEmpty: false);
        (ppd, ppdDate, immuno) = (v.Ppd, v.PpdDate, v.Immunodeficient);
        ciFrom ??= today;
        aeDate ??= today;
        aeReportedOn ??= today;
        if (rows.Count == 0) AddRow();
    }

    /// <summary>A new row proposes the forecast's first due vaccine not yet on the visit, and its lot when the clinic has exactly one usable.</summary>
    private void AddRow()
    {
        var asked = rows.Count == 0 && Vaccines.Find(Vaccine) is { } v ? v.Code : null; // the work item's vaccine, on the first row
        var due = asked ?? (forecast is null ? null : VisitRules.Propose(forecast, rows.Select(r => r.Vaccine)));
        rows.Add(new DoseRow { Vaccine = due, Date = today, LotId = OnlyLot(due), Nurse = me.DisplayName }); // the signed-in nurse gives it, unless she names another
    }

    private void ChooseVaccine(DoseRow row, string? vaccine) => (row.Vaccine, row.LotId, row.Route) = (vaccine, OnlyLot(vaccine), null);

    private IEnumerable<LotDto> LotsOf(string? vaccine) => lots.Where(l => l.Vaccine == vaccine && !l.Expired);

    private Guid? OnlyLot(string? vaccine)
    {
        var usable = LotsOf(vaccine).Where(l => l.OrganizationId == me.OrganizationId && VaccineLotRules.Usable(l.Vaccine, l.Expiry, l.DosesOnHand, vaccine, today)).Take(2).ToList();
        return usable.Count == 1 ? usable[0].Id : null;
    }

    private static string Badge(string status) => status switch
    {
        "overdue" => "bg-danger",
        "due" => "bg-warning text-dark",
        "complete" => "bg-success",
        "contraindicated" => "bg-dark",
        _ => "bg-secondary",
    };

    private void Done(string text) { errors.Clear(); message = text; }

    private async Task RecordVisitAsync()
    {
        message = null;
        var timeErrors = new Validation();
        var inputs = new List<DoseInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var time = TimeOnly.MinValue;
            if (!string.IsNullOrWhiteSpace(r.Time) && !TimeOnly.TryParseExact(r.Time.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
                timeErrors.Add($"doses[{i}].time", "error.time_format");
            DateTime? at = r.Date is { } d
                ? (string.IsNullOrWhiteSpace(r.Time) && d == today ? ChinaTime.ToChina(Clock.GetUtcNow().UtcDateTime) : d.ToDateTime(string.IsNullOrWhiteSpace(r.Time) ? new TimeOnly(9, 0) : time))
                : null;
            inputs.Add(new DoseInput(r.Vaccine, null, at, r.LotId, r.LotId is null ? r.LotNumber : null, r.LotId is null ? r.Manufacturer : null,
                r.LotId is null ? r.Expiry : null, r.Site, string.IsNullOrEmpty(r.Route) ? null : r.Route, r.Nurse, r.OverrideReason));
        }
        if (timeErrors.ToError() is { } invalidTime) { errors.Show(invalidTime); return; }
        var outcome = await Administer.HandleAsync(me, Id, new RecordVisit(inputs));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        rows.Clear();
        await LoadAsync();
        Done(Text.L("已保存接种记录"));
    }

    private async Task ObserveAsync(Guid doseId)
    {
        var outcome = await Observations.HandleAsync(me, doseId, new RecordObservationRequest(null, null));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        await LoadAsync();
        Done(Text.L("已记录留观"));
    }

    private async Task AddContraindicationAsync()
    {
        var outcome = await Contraindications.HandleAsync(me, Id, new RecordContraindicationRequest(ciVaccine, ciKind, ciFrom, ciUntil, ciReason));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        (ciVaccine, ciReason, ciUntil) = (null, null, null);
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task EndContraindicationAsync(Guid contraindicationId)
    {
        var outcome = await EndContraindications.HandleAsync(me, Id, contraindicationId);
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        await LoadAsync();
        Done(Text.L("已解除"));
    }

    private async Task SaveFactsAsync()
    {
        var ig = v!.ImmunoglobulinDates.ToList();
        if (igDate is { } g && !ig.Contains(g)) ig.Add(g);
        var outcome = await Facts.HandleAsync(me, Id, new UpdateVaccineeFactsRequest(null, null, null, null, null, immuno, ppd, ppd is null ? null : ppdDate, ig));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        igDate = null;
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task AddAdverseEventAsync()
    {
        var times = new Validation();
        var onsetTime = ParseTime(aeTime, "onsetTime", times);
        var visitTime = ParseTime(aeVisitTime, "visitedTime", times);
        if (times.ToError() is { } badTime) { errors.Show(badTime); return; }
        var outcome = await AdverseEvents.HandleAsync(me, Id, new RecordAdverseEventRequest(aeDose, aeDate?.ToDateTime(onsetTime), aeSymptoms, aeSerious, aeOutcome, null,
            aeReportedOn, aeVisitDate?.ToDateTime(visitTime), [.. aeReactions], aeDiagnosis, aeHospitalized, aeClassification, aeOutcomeCode, aeReporter));
        if (!outcome.IsSuccess)
        {
            errors.Show(outcome.Error!);
            // a time later than now is the time's fault: shown under the time the nurse typed
            if (outcome.Error is Invalid i && i.Errors.Any(e => e.Field == "onsetAt" && e.MessageCode == "error.time_future"))
                errors.Show(new Invalid([.. i.Errors.Select(e => e.Field == "onsetAt" && e.MessageCode == "error.time_future" ? e with { Field = "onsetTime" } : e)]));
            return;
        }
        (aeSymptoms, aeOutcome, aeTime, aeVisitTime, aeVisitDate, aeDiagnosis, aeClassification, aeOutcomeCode, aeHospitalized) = (null, null, null, null, null, null, null, null, null);
        aeReactions.Clear();
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private static TimeOnly ParseTime(string? text, string field, Validation into)
    {
        if (string.IsNullOrWhiteSpace(text)) return TimeOnly.MinValue;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        into.Add(field, "error.time_format");
        return TimeOnly.MinValue;
    }

    private async Task AddContactAsync()
    {
        var outcome = await Contacts.HandleAsync(me, Id, new RecordContactRequest(today, contactMethod ?? Text.L("电话"), contactResult, null));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        (contactMethod, contactResult) = (null, null);
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task ChangeStatusAsync(VaccineeStatus status)
    {
        var outcome = await Statuses.HandleAsync(me, Id, new ChangeVaccineeStatusRequest(status, today));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        await LoadAsync();
        Done(Text.L("已保存"));
    }
}
