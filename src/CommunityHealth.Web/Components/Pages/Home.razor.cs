using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Organizations;
using CommunityHealth.Web.Modules.Staff;
using CommunityHealth.Web.Modules.WorkList;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommunityHealth.Web.Components.Pages;

/// <summary>
/// The home page: the shared list of everything due for the people of the user's scope (今日待办), every programme the
/// user may read, from the stored items (<see cref="ListWorkItems"/>). Each row opens the programme's form for the resident;
/// the outcome of a call is kept with the item. The page's opening is audited as a read of the people shown.
/// </summary>
public partial class Home
{
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ReadAudit Reads { get; set; } = default!;
    [Inject] private WorkProgrammes Programmes { get; set; } = default!;
    [Inject] private ListWorkItems List { get; set; } = default!;
    [Inject] private RecordWorkItemOutcome Outcomes { get; set; } = default!;
    [Inject] private ListTeams Teams { get; set; } = default!;
    [Inject] private ListStaff Staff { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The list's filters from the address (?programme=immunization&amp;due=overdue), so a link or a reload keeps them.</summary>
    [SupplyParameterFromQuery(Name = "programme")] public string? ProgrammeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "due")] public string? DueQuery { get; set; }

    private StaffContext? staff;
    private WorkListAnswer? answer;
    private string? programme, grid, loadError, outcome, note;
    private string due = "today", sort = "overdue";
    private Guid? team, doctor, editing;
    private IReadOnlyList<TeamDto> teams = [];
    private IReadOnlyList<StaffDto> doctors = [];
    private readonly FormErrors errors = new();

    private DateOnly Today => Clock.Today();

    private IEnumerable<string> Grids => teams.Where(t => team is null || t.Id == team).SelectMany(t => t.Grids).Distinct().Order();

    private string ExportHref =>
        $"api/worklist/export?due={due}&sort={sort}{(programme is null ? "" : "&programme=" + programme)}{(team is null ? "" : "&team=" + team)}" +
        $"{(doctor is null ? "" : "&doctor=" + doctor)}{(grid is null ? "" : "&grid=" + Uri.EscapeDataString(grid))}";

    protected override async Task OnInitializedAsync()
    {
        staff = await Current.FindAsync();
        if (staff is null) return;
        (programme, due) = (ProgrammeQuery is { Length: > 0 } p ? p : null, DueQuery is { Length: > 0 } d ? d : "today");
        teams = await Teams.HandleAsync(staff);
        doctors = (await Staff.HandleAsync(staff, new StaffQuery(Role: StaffRole.FamilyDoctor))).Where(s => s.IsActive).ToList();
        await LoadAsync();
    }

    private bool CanWrite(WorkItemDto item) => staff is not null && Programmes.Find(item.Programme) is { } p && staff.Can(p.WritePermission);

    private async Task ChooseProgrammeAsync(string? key)
    {
        programme = key is { Length: > 0 } ? key : null;
        await LoadAsync();
    }

    private async Task ChooseDueAsync(string? value)
    {
        due = value is { Length: > 0 } ? value : "today";
        await LoadAsync();
    }

    private async Task ChooseSortAsync(string? value)
    {
        sort = value is { Length: > 0 } ? value : "overdue";
        await LoadAsync();
    }

    // a filter change starts again at page 1
    private Task LoadAsync() => LoadAsync(1);

    private async Task LoadAsync(int page, int pageSize = PageRequest.DefaultSize)
    {
        if (staff is null) return;
        var result = await List.HandleAsync(staff, new WorkListRequest(programme, team, doctor, grid, due, page, pageSize, sort));
        answer = result.IsSuccess ? result.Value : null;
        loadError = result.IsSuccess ? null : Text.Get(result.Error!.Code);
        if (answer is { Items.Count: > 0 }) Reads.Page(this, staff, answer);
    }

    private void StartOutcome(Guid id)
    {
        (editing, outcome, note) = (id, null, null);
        errors.Clear();
    }

    private async Task SaveOutcomeAsync(Guid id)
    {
        var result = await Outcomes.HandleAsync(staff!, id, new RecordOutcomeRequest(outcome, note));
        if (!result.IsSuccess) { errors.Show(result.Error!); return; }
        editing = null;
        await LoadAsync(answer?.Page ?? 1);
    }

    /// <summary>What is shown is printed whole (up to the largest page), then the screen returns to its page.</summary>
    private async Task PrintAsync()
    {
        var back = answer?.Page ?? 1;
        await LoadAsync(1, WorkListQuery.MaxPageSize);
        StateHasChanged();
        await Task.Yield();
        await JS.InvokeVoidAsync("print");
        await LoadAsync(back);
    }
}
