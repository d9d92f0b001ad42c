using CommunityHealth.Web.Components.Shared;
using CommunityHealth.Web.Modules.Organizations;
using Microsoft.AspNetCore.Components;

namespace CommunityHealth.Web.Modules.Audit.Pages;

public partial class AuditPage
{
    private sealed class Filter
    {
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public string? UserName { get; set; }
        public string? Entity { get; set; }
        public string? EntityId { get; set; }
        public string? Action { get; set; }
    }

    [Inject] private CurrentUser Current { get; set; } = default!;
    [Inject] private QueryAuditLog Audit { get; set; } = default!;
    [Inject] private ListOrganizations Orgs { get; set; } = default!;
    [Inject] private DescribeAuditEntries Describe { get; set; } = default!;

    private StaffContext me = default!;
    private readonly Filter query = new();
    private AuditResultPage? page;
    private Dictionary<Guid, string> orgNames = [];
    private IReadOnlyDictionary<Guid, AuditEntryView> views = new Dictionary<Guid, AuditEntryView>();
    private readonly FormErrors errors = new();

    protected override async Task OnInitializedAsync()
    {
        me = await Current.GetAsync();
        orgNames = (await Orgs.HandleAsync(me)).ToDictionary(o => o.Id, o => o.Name);
        await SearchAsync(1);
    }

    private async Task SearchAsync(int pageNo)
    {
        errors.Clear();
        var outcome = await Audit.HandleAsync(me, new AuditQuery(query.From, query.To, query.UserName, query.Entity, query.EntityId, query.Action, null, pageNo, 50));
        if (!outcome.IsSuccess) { errors.Show(outcome.Error!); page = null; return; }
        page = outcome.Value;
        views = await Describe.HandleAsync(me, page.Items);
    }
}
