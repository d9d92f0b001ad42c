using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Staff;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Organizations.Pages;

public partial class TeamsPage
{
    private sealed class Form
    {
        public Guid? OrganizationId { get; set; }
        public string? Name { get; set; }
        public Guid? LeaderId { get; set; }
        public string? Grids { get; set; }
        public bool IsActive { get; set; } = true;
    }

    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ListTeams Teams { get; set; } = default!;
    [Inject] private CreateTeam Create { get; set; } = default!;
    [Inject] private UpdateTeam Update { get; set; } = default!;
    [Inject] private ListOrganizations Orgs { get; set; } = default!;
    [Inject] private ListStaff Staff { get; set; } = default!;

    private StaffContext me = default!;
    private IReadOnlyList<TeamDto> teams = [];
    private IReadOnlyList<OrganizationDto> orgs = [];
    private IReadOnlyList<StaffDto> staff = [];
    private bool canManage;
    private Form? editing;
    private Guid? editingId;
    private bool saving;
    private string? saved;
    private readonly FormErrors errors = new();

    protected override async Task OnInitializedAsync()
    {
        me = await Current.GetAsync();
        canManage = me.Can(Permission.TeamsManage);
        orgs = await Orgs.HandleAsync(me);
        staff = await Staff.HandleAsync(me, new StaffQuery());
        teams = await Teams.HandleAsync(me);
    }

    private string OrgName(Guid id) => orgs.FirstOrDefault(o => o.Id == id)?.Name ?? "";

    private void New()
    {
        errors.Clear(); saved = null; editingId = null;
        editing = new Form { OrganizationId = me.OrganizationKind == Domain.Organizations.OrganizationKind.Bureau ? null : me.OrganizationId };
    }

    private void Edit(TeamDto t)
    {
        errors.Clear(); saved = null; editingId = t.Id;
        editing = new Form { OrganizationId = t.OrganizationId, Name = t.Name, LeaderId = t.LeaderId, Grids = string.Join('\n', t.Grids), IsActive = t.IsActive };
    }

    private void Cancel() { editing = null; errors.Clear(); }

    private async Task SaveAsync()
    {
        if (editing is null) return;
        saving = true;
        try
        {
            var grids = (editing.Grids ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var cmd = new SaveTeam(editing.OrganizationId, editing.Name, editing.LeaderId, grids, editing.IsActive);
            var outcome = editingId is { } id ? await Update.HandleAsync(me, id, cmd) : await Create.HandleAsync(me, cmd);
            if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
            saved = Text.L("已保存") + "：" + outcome.Value.Name;
            editing = null;
            errors.Clear();
            teams = await Teams.HandleAsync(me);
        }
        finally { saving = false; }
    }
}
