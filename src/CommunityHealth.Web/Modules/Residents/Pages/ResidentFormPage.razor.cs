using CommunityHealth.Domain.Residents;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Organizations;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Residents.Pages;

public partial class ResidentFormPage
{
    [Parameter] public Guid? Id { get; set; }
    /// <summary>"Add a family member": the new resident joins this household (its address pre-filled).</summary>
    [SupplyParameterFromQuery(Name = "household")] public Guid? HouseholdId { get; set; }
    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private ReadAudit Reads { get; set; } = default!;
    [Inject] private GetResident GetResident { get; set; } = default!;
    [Inject] private RegisterResidentHandler Register { get; set; } = default!;
    [Inject] private UpdateResident Update { get; set; } = default!;
    [Inject] private ListOrganizations Orgs { get; set; } = default!;
    [Inject] private ListTeams Teams { get; set; } = default!;
    [Inject] private GetHousehold GetHousehold { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private StaffContext me = default!;
    private ResidentFormModel model = new();
    private IReadOnlyList<OrganizationDto> orgs = [];
    private IReadOnlyList<TeamDto> teams = [];
    private Guid? organizationId;
    private Guid? teamId;
    private enum HouseholdMode { None, New, Join }
    private HouseholdMode householdMode = HouseholdMode.None;
    private string? householdAddress;
    private HouseholdHit? household;
    private string? relationship;
    private string? loadError;
    private bool saving;
    private readonly FormErrors errors = new();
    private DateOnly today;

    protected override async Task OnInitializedAsync()
    {
        today = Clock.Today();
        me = await Current.GetAsync();
        if (!me.Can(Permission.ResidentsWrite)) { loadError = Text.Get("error.forbidden"); return; }
        orgs = await Orgs.HandleAsync(me);
        teams = await Teams.HandleAsync(me);
        if (Id is { } id)
        {
            var r = await GetResident.HandleAsync(me, id);
            if (!r.IsSuccess) { loadError = Text.Get(r.Error!.Code); return; }
            Reads.Page(this, me, r.Value);
            model = ResidentFormModel.From(r.Value.Record);
        }
        else
        {
            organizationId = me.OrganizationKind == Domain.Organizations.OrganizationKind.Bureau ? null : me.OrganizationId;
            teamId = teams.FirstOrDefault(t => t.OrganizationId == organizationId)?.Id;
            if (HouseholdId is { } hid)
            {
                var h = await GetHousehold.HandleAsync(me, hid);
                if (!h.IsSuccess) { loadError = Text.Get(h.Error!.Code); return; }
                Reads.Page(this, me, h.Value);
                householdMode = HouseholdMode.Join;
                HouseholdPicked(HouseholdHit.Of(h.Value));
            }
        }
    }

    private void DocumentTypeChanged(string? value)
    {
        model.DocumentType = value ?? "";
        DocumentNumberChanged(model.DocumentNumber);
    }

    /// <summary>A resident ID number fills birth date and sex at once; a wrong one is flagged at the field before saving.</summary>
    private void DocumentNumberChanged(string? value)
    {
        model.DocumentNumber = value;
        errors.Fields.Remove("documentNumber");
        if (model.DocumentType != ResidentRules.IdCard || string.IsNullOrWhiteSpace(value)) return;
        var (id, error) = IdCardNumber.Parse(value, today);
        if (error is not null) { errors.Fields["documentNumber"] = [Text.Get(error)]; return; }
        model.DocumentNumber = id!.Value;
        model.BirthDate = id.BirthDate;
        model.Sex = id.Sex == Sex.Male ? "1" : "2";
        errors.Fields.Remove("birthDate");
        errors.Fields.Remove("sex");
    }

    private IEnumerable<(string Title, string Field, Func<string[]> Get)> FamilyRows() =>
    [
        (Text.L("家族史：父亲"), "familyHistory.father", () => model.FamilyFather),
        (Text.L("家族史：母亲"), "familyHistory.mother", () => model.FamilyMother),
        (Text.L("家族史：兄弟姐妹"), "familyHistory.siblings", () => model.FamilySiblings),
        (Text.L("家族史：子女"), "familyHistory.children", () => model.FamilyChildren),
    ];

    private void SetFamily(string field, ChangeEventArgs e)
    {
        var values = e.Value as string[] ?? [];
        switch (field)
        {
            case "familyHistory.father": model.FamilyFather = values; break;
            case "familyHistory.mother": model.FamilyMother = values; break;
            case "familyHistory.siblings": model.FamilySiblings = values; break;
            default: model.FamilyChildren = values; break;
        }
    }

    /// <summary>A message answered by changing a field the page draws itself (the shared fields do this on their own).</summary>
    private void Answered(params string[] fields)
    {
        foreach (var f in fields) errors.Fields.Remove(f);
    }

    private void SetHouseholdMode(HouseholdMode mode)
    {
        householdMode = mode;
        Answered("household.householdId", "household.relationship", "household.newAddress");
        if (mode == HouseholdMode.New && string.IsNullOrWhiteSpace(householdAddress)) householdAddress = model.Address;
    }

    /// <summary>The household chosen to join: the new member's address is the household's unless one was typed.</summary>
    private void HouseholdPicked(HouseholdHit? h)
    {
        household = h;
        Answered("household.householdId");
        if (h is not null && string.IsNullOrWhiteSpace(model.Address)) model.Address = h.Address;
    }

    private HouseholdChoice? Choice() => householdMode switch
    {
        HouseholdMode.New => new HouseholdChoice(null, null, householdAddress),
        HouseholdMode.Join => new HouseholdChoice(household?.Id, relationship, null),
        _ => null,
    };

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var draft = model.ToDraft();
            if (Id is null && householdMode == HouseholdMode.Join && household is null)
            {
                // nothing to send the server yet: show the household's message with the form's own
                var form = ResidentRules.Validate(draft, today).Error as Domain.Common.Invalid;
                errors.Show(new Domain.Common.Invalid([.. form?.Errors ?? [], new Domain.Common.FieldError("household.householdId", "error.household.pick")]));
                return;
            }
            var outcome = Id is { } id
                ? await Update.HandleAsync(me, id, draft)
                : await Register.HandleAsync(me, new RegisterResident(organizationId, teamId, draft, Choice()));
            if (!outcome.IsSuccess) { errors.Show(outcome.Error!); return; }
            // the profile says "已保存" and opens at its top (ResidentProfilePage reads this state)
            Nav.NavigateTo($"residents/{outcome.Value.Id}", new NavigationOptions { HistoryEntryState = ResidentProfilePage.SavedState });
        }
        finally { saving = false; }
    }
}
