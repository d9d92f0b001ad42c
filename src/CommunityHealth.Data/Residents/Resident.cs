using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Data.Residents;


/// <summary>居民健康档案: the 个人基本信息表 plus management data. Never deleted: closed or merged instead.</summary>
public sealed class Resident : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    /// <summary>The managing station or center.</summary>
    public Guid OrganizationId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? HouseholdId { get; set; }

    public string RecordNumber { get; set; } = "";
    public string RecordLast8 { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameInitials { get; set; } = "";
    public string DocumentType { get; set; } = "";
    public string? DocumentNumber { get; set; }
    /// <summary>Resident ID card number (18 characters) when the document is one; search keys below.</summary>
    public string? IdNumber { get; set; }
    public string? IdLast4 { get; set; }
    public string? IdLast6 { get; set; }
    public string Sex { get; set; } = "";
    public DateOnly BirthDate { get; set; }

    public string? WorkUnit { get; set; }
    public string? Phone { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string ResidenceType { get; set; } = "";
    public string? Ethnicity { get; set; }
    public string? Abo { get; set; }
    public string? Rh { get; set; }
    public string? Education { get; set; }
    public string? Occupation { get; set; }
    public string? Marital { get; set; }
    public List<string> Payments { get; set; } = [];
    public string? PaymentOther { get; set; }
    public List<string> DrugAllergies { get; set; } = [];
    public string? DrugAllergyOther { get; set; }
    public List<string> Exposures { get; set; } = [];
    public List<DatedItem> Surgeries { get; set; } = [];
    public List<DatedItem> Traumas { get; set; } = [];
    public List<DatedItem> Transfusions { get; set; } = [];
    public FamilyHistory? FamilyHistory { get; set; }
    public string? GeneticDisease { get; set; }
    public List<string> Disabilities { get; set; } = [];
    public string? DisabilityOther { get; set; }
    public LivingEnvironment? Living { get; set; }
    public string? Address { get; set; }

    public ResidentStatus Status { get; set; } = ResidentStatus.Active;
    public DateOnly? ClosedOn { get; set; }
    public string? CloseReason { get; set; }
    public string? CloseNote { get; set; }
    public Guid? MergedIntoId { get; set; }
    /// <summary>Set at registration when another record has the same name + birth date or phone + birth date.</summary>
    public bool PossibleDuplicate { get; set; }

    public List<ResidentCondition> Conditions { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A past illness (既往史 疾病) with its diagnosis date; a table so programmes can find e.g. known hypertension.</summary>
public sealed class ResidentCondition : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public string Code { get; set; } = "";
    public DateOnly? DiagnosedOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>One changed field of a record: old and new value, who and when (also transfers, closing, merging).</summary>
public sealed class ResidentChange : IResidentRow
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResidentId { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>家庭档案: an address and a head; members come and go with history.</summary>
public sealed class Household : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Address { get; set; } = "";
    public Guid? HeadId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A resident's membership of a household, with its relationship to the head; <see cref="To"/> set when they leave.</summary>
public sealed class HouseholdMember : IScoped
{
    public Guid Id { get; set; }
    public Guid DistrictId { get; set; }
    public Guid? CenterId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ResidentId { get; set; }
    public string Relationship { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>The next personal sequence for a 12-digit record-number prefix; numbers are never reused.</summary>
public sealed class RecordNumberSequence : IDistrictOwned
{
    public string Prefix { get; set; } = "";
    public Guid DistrictId { get; set; }
    public int Next { get; set; }
}
