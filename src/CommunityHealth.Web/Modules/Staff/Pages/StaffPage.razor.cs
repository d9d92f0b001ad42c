using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Organizations;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Staff.Pages;

public partial class StaffPage
{
    private sealed class Form
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? DisplayName { get; set; }
        public Guid? OrganizationId { get; set; }
        public Guid? TeamId { get; set; }
        public string? Title { get; set; }
        public string? Phone { get; set; }
        public List<string> Roles { get; set; } = [];
        public bool IsActive { get; set; } = true;
    }

    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ListStaff Accounts { get; set; } = default!;
    [Inject] private CreateStaffHandler Create { get; set; } = default!;
    [Inject] private UpdateStaffHandler Update { get; set; } = default!;
    [Inject] private ResetPasswordHandler Reset { get; set; } = default!;
    [Inject] private UnlockStaff Unlock { get; set; } = default!;
    [Inject] private ListTeams Teams { get; set; } = default!;
    [Inject] private ListOrganizations Orgs { get; set; } = default!;

    private StaffContext me = default!;
    private IReadOnlyList<StaffDto> rows = [];
    private IReadOnlyList<OrganizationDto> orgs = [];
    private IReadOnlyList<TeamDto> teams = [];
    private bool canManage;
    private Guid? filterOrg;
    private string? filterText;
    private Form? editing;
    private Guid? editingId;
    private string? newPassword;
    private bool saving;
    private string? saved;
    private readonly FormErrors errors = new();

    protected override async Task OnInitializedAsync()
    {
        me = await Current.GetAsync();
        canManage = me.Can(Permission.StaffManage);
        if (!canManage) return;
        orgs = await Orgs.HandleAsync(me);
        teams = await Teams.HandleAsync(me);
        await LoadAsync();
    }

    private async Task LoadAsync() => rows = await Accounts.HandleAsync(me, new StaffQuery(filterOrg, null, filterText));

    private void Toggle(string role, bool on)
    {
        if (editing is null) return;
        if (on && !editing.Roles.Contains(role)) editing.Roles.Add(role);
        if (!on) editing.Roles.Remove(role);
    }

    private void New()
    {
        errors.Clear(); saved = null; editingId = null;
        editing = new Form { OrganizationId = me.OrganizationKind == Domain.Organizations.OrganizationKind.Bureau ? null : me.OrganizationId };
    }

    private void Edit(StaffDto s)
    {
        errors.Clear(); saved = null; editingId = s.Id; newPassword = null;
        editing = new Form
        {
            UserName = s.UserName, DisplayName = s.DisplayName, OrganizationId = s.OrganizationId, TeamId = s.TeamId,
            Title = s.Title, Phone = s.Phone, Roles = s.Roles.ToList(), IsActive = s.IsActive,
        };
    }

    private void Cancel() { editing = null; errors.Clear(); }

    private async Task SaveAsync()
    {
        if (editing is null) return;
        saving = true;
        try
        {
            var outcome = editingId is { } id
                ? await Update.HandleAsync(me, id, new UpdateStaff(editing.DisplayName ?? "", editing.OrganizationId, editing.TeamId, editing.Roles, editing.Phone ?? "", editing.Title ?? "", editing.IsActive))
                : await Create.HandleAsync(me, new CreateStaff(editing.UserName, editing.DisplayName, editing.Password, editing.OrganizationId, editing.TeamId, editing.Roles, editing.Phone, editing.Title));
            Done(outcome, Text.L("已保存"));
            if (outcome.IsSuccess) await LoadAsync();
        }
        finally { saving = false; }
    }

    private async Task ResetPasswordAsync()
    {
        if (editingId is not { } id) return;
        var outcome = await Reset.HandleAsync(me, id, new ResetPassword(newPassword));
        Done(outcome, Text.L("密码已重置"));
    }

    private async Task UnlockAsync(StaffDto s)
    {
        Done(await Unlock.HandleAsync(me, s.Id), Text.L("账号已解锁"));
        await LoadAsync();
    }

    private void Done(Outcome<StaffDto> outcome, string message)
    {
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); saved = null; return; }
        saved = message + "：" + outcome.Value.UserName;
        editing = null;
        errors.Clear();
    }
}
