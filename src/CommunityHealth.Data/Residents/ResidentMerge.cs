namespace CommunityHealth.Data.Residents;

/// <summary>
/// One merge of a duplicate record into a survivor, with the ids of every row it moved, so that the
/// merge can be undone exactly (the audit trail points here).
/// </summary>
public sealed class ResidentMerge : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid MergedId { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>Moved rows: table name → ids, and the survivor fields filled from the duplicate.</summary>
    public MergeMoves Moves { get; set; } = new();
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}

public sealed class MergeMoves
{
    public List<Guid> Examinations { get; set; } = [];
    public List<Guid> Encounters { get; set; } = [];
    public List<Guid> Conditions { get; set; } = [];
    public List<Guid> Changes { get; set; } = [];
    public List<Guid> HouseholdMembers { get; set; } = [];
    /// <summary>The vaccination record; its doses, contraindications, adverse events, contacts and reminders follow it.</summary>
    public List<Guid> Vaccinees { get; set; } = [];
    public List<Guid> VaccinationDoses { get; set; } = [];
    public List<Guid> ChronicRegistrations { get; set; } = [];
    public List<Guid> ChronicVisits { get; set; } = [];
    public List<Guid> Referrals { get; set; } = [];
    public List<Guid> Measurements { get; set; } = [];
    public Dictionary<string, string?> FilledFields { get; set; } = [];
}
