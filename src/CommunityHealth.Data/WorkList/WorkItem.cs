namespace CommunityHealth.Data.WorkList;

/// <summary>Where a work item stands: open until the thing due is done, or closed because it is no longer due.</summary>
public enum WorkItemStatus { Open = 0, Done = 1, Closed = 2 }

/// <summary>What came of contacting the resident about an item: 已联系 / 联系不上 / 已迁出.</summary>
public enum WorkItemOutcome { Called = 1, Unreachable = 2, MovedAway = 3 }

/// <summary>
/// One thing due for one resident in one programme (今日待办): the next dose of a vaccination series, the next follow-up of
/// a chronic-care registration. Written by the programme in the same transaction as the record that changes it; the home
/// list is an index range over <see cref="DueOn"/> (docs/decisions/0017). A done or closed item stays, with its outcome.
/// </summary>
public sealed class WorkItem : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? TeamId { get; set; }
    /// <summary>The responsible doctor, where the programme has one (a chronic-care registration's family doctor).</summary>
    public Guid? DoctorId { get; set; }
    public Guid ResidentId { get; set; }
    /// <summary>The programme's key (immunization, hypertension, diabetes …).</summary>
    public string Programme { get; set; } = "";
    /// <summary>What kind of thing is due (dose, followup).</summary>
    public string Kind { get; set; } = "";
    /// <summary>The thing due within its source ("MMR-1"; a follow-up's due date): a new code is a new item.</summary>
    public string Code { get; set; } = "";
    /// <summary>The record the item comes from (the vaccination record, the registration).</summary>
    public Guid SourceId { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>From this day the item is overdue.</summary>
    public DateOnly OverdueFrom { get; set; }
    public WorkItemStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public WorkItemOutcome? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public Guid? OutcomeById { get; set; }
    public string? OutcomeBy { get; set; }
    public DateTime? OutcomeAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A resident who asked not to receive reminder messages (any programme): the outbox skips them. One row per resident;
/// removing the row lets reminders go out again.
/// </summary>
public sealed class ReminderOptOut : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public string? Reason { get; set; }
    public string By { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
