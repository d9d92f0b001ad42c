using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Organizations.Pages;

public partial class OrganizationsPage
{
    private sealed class Form
    {
        public OrganizationKind Kind { get; set; } = OrganizationKind.Station;
        public Guid? ParentId { get; set; }
        public string? Name { get; set; }
        public string? DivisionCode { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public bool IsActive { get; set; } = true;
    }

    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ListOrganizations List { get; set; } = default!;
    [Inject] private CreateOrganizationHandler Create { get; set; } = default!;
    [Inject] private UpdateOrganizationHandler Update { get; set; } = default!;

    private StaffContext staff = default!;
    private IReadOnlyList<OrganizationDto> rows = [];
    private bool canManage;
    private Form? editing;
    private Guid? editingId;
    private bool saving;
    private string? saved;
    private readonly FormErrors errors = new();

    protected override async Task OnInitializedAsync()
    {
        staff = await Current.GetAsync();
        canManage = staff.Can(Permission.OrganizationsManage);
        rows = await List.HandleAsync(staff);
    }

    /// <summary>Bureau, then each center followed by its stations.</summary>
    private IEnumerable<OrganizationDto> Ordered()
    {
        var byParent = rows.ToLookup(r => r.ParentId);
        var ids = rows.Select(r => r.Id).ToHashSet();
        IEnumerable<OrganizationDto> Walk(OrganizationDto o) => byParent[o.Id].SelectMany(Walk).Prepend(o);
        return rows.Where(r => r.ParentId is null || !ids.Contains(r.ParentId.Value)).SelectMany(Walk);
    }

    private void New()
    {
        errors.Clear(); saved = null; editingId = null;
        editing = new Form { ParentId = rows.FirstOrDefault(r => r.Kind == OrganizationKind.Center)?.Id };
    }

    private void Edit(OrganizationDto o)
    {
        errors.Clear(); saved = null; editingId = o.Id;
        editing = new Form { Kind = o.Kind, ParentId = o.ParentId, Name = o.Name, DivisionCode = o.DivisionCode, Address = o.Address, Phone = o.Phone, IsActive = o.IsActive };
    }

    private void Cancel() { editing = null; errors.Clear(); }

    private async Task SaveAsync()
    {
        if (editing is null) return;
        saving = true;
        try
        {
            var outcome = editingId is { } id
                ? await Update.HandleAsync(staff, id, new UpdateOrganization(editing.Name ?? "", editing.DivisionCode ?? "", editing.Address ?? "", editing.Phone ?? "", editing.IsActive))
                : await Create.HandleAsync(staff, new CreateOrganization(editing.Kind, editing.Name, editing.DivisionCode, editing.ParentId, editing.Address, editing.Phone));
            if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
            saved = Text.L("已保存") + "：" + outcome.Value.Name;
            editing = null;
            errors.Clear();
            rows = await List.HandleAsync(staff);
        }
        finally { saving = false; }
    }
}
