using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Organizations;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Residents.Pages;

public partial class ResidentProfilePage
{
    /// <summary>The history state of the navigation from a newly saved record: the profile says "已保存" (the router opens it at its top).</summary>
    public const string SavedState = "saved";

    [Parameter] public Guid Id { get; set; }
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ReadAudit Reads { get; set; } = default!;
    [Inject] private GetResident GetResident { get; set; } = default!;
    [Inject] private GetHousehold GetHousehold { get; set; } = default!;
    [Inject] private GetResidentHistory GetHistory { get; set; } = default!;
    [Inject] private TransferResidentHandler Transfer { get; set; } = default!;
    [Inject] private CloseResidentHandler Close { get; set; } = default!;
    [Inject] private MoveHousehold MoveHousehold { get; set; } = default!;
    [Inject] private ListOrganizations Orgs { get; set; } = default!;
    [Inject] private ListTeams Teams { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Modules.Examinations.ListExaminations ListExams { get; set; } = default!;
    [Inject] private Modules.Examinations.ListEncounters ListEncounters { get; set; } = default!;
    [Inject] private Modules.Examinations.RecordEncounterHandler RecordEncounter { get; set; } = default!;
    [Inject] private Modules.Immunization.GetVaccinee Vaccinees { get; set; } = default!;
    private Modules.Immunization.VaccineeDto? vaccinee;
    [Inject] private Modules.ChronicCare.GetChronicTimeline ChronicTimeline { get; set; } = default!;
    private (IReadOnlyList<Modules.ChronicCare.ChronicVisitDto> Visits, IReadOnlyList<Modules.ChronicCare.ReferralDto> Referrals) chronic = ([], []);

    private StaffContext me = default!;
    private ResidentDto? r;
    private HouseholdDto? household;
    private IReadOnlyList<ResidentChangeDto> history = [];
    private IReadOnlyList<Modules.Examinations.ExaminationSummary> exams = [];
    private IReadOnlyList<Modules.Examinations.EncounterDto> encounters = [];
    private DateOnly? encounterDate;
    private HouseholdHit? joinHousehold;
    private string? joinRelationship;
    private string? newHouseholdAddress;
    [Inject] private ListMerges ListMerges { get; set; } = default!;
    [Inject] private UndoMerge UndoMerge { get; set; } = default!;
    private IReadOnlyList<MergeDto> merges = [];
    private bool canMerge;
    private (string? S, string? O, string? A, string? P) soap;
    private IReadOnlyList<OrganizationDto> orgs = [];
    private IReadOnlyList<TeamDto> teams = [];
    private bool canWrite;
    private string? loadError;
    private string? message;
    private int panel;
    private Guid? transferOrg;
    private Guid? transferTeam;
    private string? closeReason;
    private DateOnly? closeDate;
    private string? closeNote;
    private DateOnly today;
    private readonly FormErrors errors = new();

    protected override async Task OnParametersSetAsync()
    {
        today = Clock.Today();
        me = await Current.GetAsync();
        canWrite = me.Can(Permission.ResidentsWrite);
        canMerge = me.Can(Permission.ResidentsMerge);
        message = Nav.HistoryEntryState == SavedState ? Text.L("已保存") : null;
        panel = 0;
        orgs = await Orgs.HandleAsync(me);
        teams = await Teams.HandleAsync(me);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var outcome = await GetResident.HandleAsync(me, Id);
        if (!outcome.IsSuccess) { loadError = Text.Get(outcome.Error!.Code); return; }
        r = outcome.Value;
        household = r.HouseholdId is { } h && (await GetHousehold.HandleAsync(me, h)) is { IsSuccess: true } hh ? hh.Value : null;
        Reads.Page(this, me, r, household); // the household panel names the other members too
        history = (await GetHistory.HandleAsync(me, Id)).Value;
        exams = (await ListExams.HandleAsync(me, Id)).Value;
        encounters = (await ListEncounters.HandleAsync(me, Id)).Value;
        encounterDate ??= today;
        merges = await ListMerges.HandleAsync(me, Id);
        vaccinee = await Vaccinees.ByResidentAsync(me, Id) is { IsSuccess: true } v ? v.Value : null;
        chronic = await ChronicTimeline.HandleAsync(me, Id);
    }

    private async Task UndoMergeAsync(Guid mergeId)
    {
        var outcome = await UndoMerge.HandleAsync(me, mergeId);
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); message = errors.General; return; }
        Done(Text.L("已撤销合并"));
        await LoadAsync();
    }

    /// <summary>Every service on one line each, newest first: changes, examinations, encounters, vaccinations, chronic-care follow-ups and referrals, registration.</summary>
    private IEnumerable<(DateTime When, string Who, string What)> Timeline() =>
        history.Select(c => (c.At.AddHours(8), c.UserName, $"{Text.Get("field." + c.Field)}：{Display(c.Field, c.OldValue)} → {Display(c.Field, c.NewValue)}"))
            .Concat(exams.Select(e => (e.ExamDate.ToDateTime(TimeOnly.MinValue), e.Doctor, Text.L("健康体检"))))
            .Concat(encounters.Select(e => (e.Date.ToDateTime(TimeOnly.MinValue), e.Doctor, $"{Text.L("接诊")}：{e.Subjective}")))
            .Concat((vaccinee?.Doses ?? []).Select(x => (x.GivenOn.ToDateTime(TimeOnly.MinValue), x.Nurse, $"{Text.L("预防接种")}：{x.VaccineName} {Text.Get("immunization.dose_number", x.DoseNumber)}{(x.Valid ? "" : Text.L("（无效）"))}")))
            .Concat(chronic.Visits.Select(x => (x.VisitDate.ToDateTime(TimeOnly.MinValue), x.Doctor,
                $"{Text.L("慢病随访")}：{x.Systolic}/{x.Diastolic} mmHg{(x.FastingGlucose is { } g ? $" {g} mmol/L" : "")} " +
                string.Join("，", x.Outcomes.Select(o => $"{Modules.ChronicCare.ChronicMapping.ProgrammeName(o.Programme)}{o.ClassName}")) + (x.Urgent ? $" {Text.L("紧急转诊")}" : ""))))
            .Concat(chronic.Referrals.Select(x => (x.IssuedAt.AddHours(8), x.IssuedBy, $"{Text.L("转诊")}：{x.ToFacility} {x.Reason}")))
            .OrderByDescending(x => x.Item1)
            .Append((DateTime.MinValue, "", $"{Text.L("建档")} {r?.RecordNumber}"));

    private string Display(string field, string? value) => field switch
    {
        _ when value is null => "—",
        "organizationId" => orgs.FirstOrDefault(o => o.Id.ToString() == value)?.Name ?? value,
        "teamId" => teams.FirstOrDefault(t => t.Id.ToString() == value)?.Name ?? value,
        _ => value,
    };

    private async Task RecordEncounterAsync()
    {
        var outcome = await RecordEncounter.HandleAsync(me, Id, new Modules.Examinations.RecordEncounter(encounterDate, soap.S, soap.O, soap.A, soap.P));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        soap = default;
        Done(Text.L("已保存"));
        await LoadAsync();
    }

    private async Task TransferAsync()
    {
        var outcome = await Transfer.HandleAsync(me, Id, new TransferResident(transferOrg, transferTeam));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        Done(Text.L("已迁移"));
        await LoadAsync();
    }

    private async Task CloseAsync()
    {
        var outcome = await Close.HandleAsync(me, Id, new CloseResident(closeReason, closeDate, closeNote));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        Done(Text.L("已结案"));
        await LoadAsync();
    }

    private void JoinPicked(HouseholdHit? h)
    {
        joinHousehold = h;
        errors.Fields.Remove("household.householdId");
    }

    /// <summary>Joins the household picked in the look-up, or founds a new one at the address.</summary>
    private async Task MoveHouseholdAsync()
    {
        errors.Clear();
        var choice = joinHousehold is { } h ? new HouseholdChoice(h.Id, joinRelationship, null)
            : string.IsNullOrWhiteSpace(newHouseholdAddress) ? null
            : new HouseholdChoice(null, null, newHouseholdAddress);
        if (choice is null) { errors.Show(new Domain.Common.Invalid("household.householdId", "error.household.pick")); return; }
        var outcome = await MoveHousehold.HandleAsync(me, Id, choice);
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
        joinHousehold = null;
        joinRelationship = newHouseholdAddress = null;
        Done(Text.L("已保存"));
        await LoadAsync();
    }

    private void Done(string text) { errors.Clear(); panel = 0; message = text; }
}
