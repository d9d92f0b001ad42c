using CommunityHealth.Domain.Staff;
using System.Globalization;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Immunization;
using CommunityHealth.Web.Platform;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Immunization.Pages;

public partial class VaccineePage
{
    [Parameter] public Guid Id { get; set; }
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ReadAudit Reads { get; set; } = default!;
    [Inject] private VaccinationClinic Clinic { get; set; } = default!;
    [Inject] private VaccineStock Stock { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

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
    private string? aeTime, aeSymptoms, aeOutcome;
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
        var outcome = await Clinic.GetAsync(me, Id);
        if (!outcome.IsSuccess) { loadError = Text.Get(outcome.Error!.Code); return; }
        v = outcome.Value;
        Reads.Page(this, me, v);
        lots = await Stock.LotsAsync(me, includeEmpty: false);
        (ppd, ppdDate, immuno) = (v.Ppd, v.PpdDate, v.Immunodeficient);
        ciFrom ??= today;
        aeDate ??= today;
        if (rows.Count == 0) AddRow();
    }

    private void AddRow()
    {
        // the series due today are proposed first
        var due = v?.Forecast.Series.Where(s => s.Next is not null && s.Status is "due" or "overdue").Select(s => s.Next!.Vaccine).Except(rows.Select(r => r.Vaccine)).FirstOrDefault();
        rows.Add(new DoseRow { Vaccine = due, Date = today, LotId = lots.Where(l => l.Vaccine == due && !l.Expired).OrderBy(l => l.Expiry).Select(l => (Guid?)l.Id).FirstOrDefault() });
    }

    private static string Badge(string status) => status switch
    {
        "overdue" => "bg-danger", "due" => "bg-warning text-dark", "complete" => "bg-success", "contraindicated" => "bg-dark", _ => "bg-secondary",
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
        var outcome = await Clinic.RecordVisitAsync(me, Id, new RecordVisit(inputs));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        rows.Clear();
        await LoadAsync();
        Done(Text.L("已保存接种记录"));
    }

    private async Task ObserveAsync(Guid doseId)
    {
        var outcome = await Clinic.ObserveAsync(me, doseId, new RecordObservation(null, null));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        await LoadAsync();
        Done(Text.L("已记录留观"));
    }

    private async Task AddContraindicationAsync()
    {
        var outcome = await Clinic.AddContraindicationAsync(me, Id, new RecordContraindication(ciVaccine, ciKind, ciFrom, ciUntil, ciReason));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        (ciVaccine, ciReason, ciUntil) = (null, null, null);
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task EndContraindicationAsync(Guid contraindicationId)
    {
        var outcome = await Clinic.EndContraindicationAsync(me, Id, contraindicationId);
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        await LoadAsync();
        Done(Text.L("已解除"));
    }

    private async Task SaveFactsAsync()
    {
        var ig = v!.ImmunoglobulinDates.ToList();
        if (igDate is { } g && !ig.Contains(g)) ig.Add(g);
        var outcome = await Clinic.UpdateFactsAsync(me, Id, new UpdateVaccineeFacts(null, null, null, null, null, immuno, ppd, ppd is null ? null : ppdDate, ig));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        igDate = null;
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task AddAdverseEventAsync()
    {
        var time = TimeOnly.MinValue;
        if (!string.IsNullOrWhiteSpace(aeTime) && !TimeOnly.TryParseExact(aeTime.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            errors.Show(new Invalid("onsetTime", "error.time_format"));
            return;
        }
        var outcome = await Clinic.AddAdverseEventAsync(me, Id, new RecordAdverseEvent(aeDose, aeDate?.ToDateTime(time), aeSymptoms, aeSerious, aeOutcome, null));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        (aeSymptoms, aeOutcome, aeTime) = (null, null, null);
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task AddContactAsync()
    {
        var outcome = await Clinic.AddContactAsync(me, Id, new RecordContact(today, contactMethod ?? Text.L("电话"), contactResult, null));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        (contactMethod, contactResult) = (null, null);
        await LoadAsync();
        Done(Text.L("已保存"));
    }

    private async Task ChangeStatusAsync(VaccineeStatus status)
    {
        var outcome = await Clinic.ChangeStatusAsync(me, Id, new ChangeVaccineeStatus(status, today));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        await LoadAsync();
        Done(Text.L("已保存"));
    }
}
