using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>Join <see cref="HouseholdId"/>, or found a household at <see cref="NewAddress"/> with this resident as head.</summary>
public sealed record HouseholdChoice(Guid? HouseholdId, string? Relationship, string? NewAddress);

[ResidentRecord]
public sealed record ResidentDto(
    Guid Id, string RecordNumber, string RecordPrinted, Guid OrganizationId, Guid? TeamId, Guid? HouseholdId,
    string Status, DateOnly? ClosedOn, string? CloseReason, string? CloseNote, bool PossibleDuplicate, int Age, ResidentDraft Record);

[ResidentRecord]
public sealed record ResidentSummary(
    Guid Id, string Name, string Sex, DateOnly BirthDate, int Age, string? MaskedDocument, string? MaskedPhone,
    string RecordNumber, Guid OrganizationId, Guid? TeamId, string Status);

public sealed record HouseholdDto(Guid Id, string Address, Guid? HeadId, IReadOnlyList<HouseholdMemberDto> Members);

public sealed record HouseholdMemberDto(Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string Relationship, DateOnly From, DateOnly? To);

public sealed record ResidentChangeDto(DateTime At, string UserName, string Field, string? OldValue, string? NewValue);

/// <summary>Hand-written mapping between the form and the stored record.</summary>
public static class ResidentMapping
{
    public static void Apply(Resident r, ResidentDraft d)
    {
        r.Name = d.Name!;
        r.NameInitials = PinyinInitials.Of(d.Name);
        r.DocumentType = d.DocumentType!;
        r.DocumentNumber = d.DocumentNumber;
        r.IdNumber = d.DocumentType == ResidentRules.IdCard ? d.DocumentNumber : null;
        r.IdLast4 = r.IdNumber?[^4..];
        r.IdLast6 = r.IdNumber?[^6..];
        r.Sex = d.Sex!;
        r.BirthDate = d.BirthDate!.Value;
        r.WorkUnit = Clean(d.WorkUnit);
        r.Phone = d.Phone;
        r.ContactName = Clean(d.ContactName);
        r.ContactPhone = d.ContactPhone;
        r.ResidenceType = d.ResidenceType!;
        r.Ethnicity = Clean(d.Ethnicity);
        r.Abo = Clean(d.Abo);
        r.Rh = Clean(d.Rh);
        r.Education = Clean(d.Education);
        r.Occupation = Clean(d.Occupation);
        r.Marital = Clean(d.Marital);
        r.Payments = d.Payments?.ToList() ?? [];
        r.PaymentOther = Clean(d.PaymentOther);
        r.DrugAllergies = d.DrugAllergies?.ToList() ?? [];
        r.DrugAllergyOther = Clean(d.DrugAllergyOther);
        r.Exposures = d.Exposures?.ToList() ?? [];
        r.Surgeries = d.Surgeries?.Select(x => x with { Name = x.Name!.Trim() }).ToList() ?? [];
        r.Traumas = d.Traumas?.Select(x => x with { Name = x.Name!.Trim() }).ToList() ?? [];
        r.Transfusions = d.Transfusions?.Select(x => x with { Name = x.Name!.Trim() }).ToList() ?? [];
        r.FamilyHistory = d.FamilyHistory;
        r.GeneticDisease = Clean(d.GeneticDisease);
        r.Disabilities = d.Disabilities?.ToList() ?? [];
        r.DisabilityOther = Clean(d.DisabilityOther);
        r.Living = d.Living;
        r.Address = Clean(d.Address);
    }

    public static ResidentDraft ToDraft(Resident r) => new(
        r.Name, r.DocumentType, r.DocumentNumber, r.Sex, r.BirthDate, r.WorkUnit, r.Phone, r.ContactName, r.ContactPhone,
        r.ResidenceType, r.Ethnicity, r.Abo, r.Rh, r.Education, r.Occupation, r.Marital,
        r.Payments, r.PaymentOther, r.DrugAllergies, r.DrugAllergyOther, r.Exposures,
        r.Conditions.OrderBy(c => c.DiagnosedOn).Select(c => new PastIllness(c.Code, c.DiagnosedOn, c.Note)).ToList(),
        r.Surgeries, r.Traumas, r.Transfusions, r.FamilyHistory, r.GeneticDisease, r.Disabilities, r.DisabilityOther, r.Living, r.Address);

    public static ResidentDto ToDto(Resident r, DateOnly today) => new(
        r.Id, r.RecordNumber, HealthRecordNumber.Printed(r.RecordNumber), r.OrganizationId, r.TeamId, r.HouseholdId,
        r.Status.ToString(), r.ClosedOn, r.CloseReason, r.CloseNote, r.PossibleDuplicate,
        Domain.Common.Age.CompletedYears(r.BirthDate, today), ToDraft(r));

    /// <summary>A field-history row for the resident, in the resident's current organisation.</summary>
    public static ResidentChange Change(Resident r, Platform.StaffContext staff, DateTime at, string field, string? oldValue, string? newValue) => new()
    {
        Id = Guid.CreateVersion7(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId, ResidentId = r.Id,
        At = at, UserId = staff.UserId, UserName = staff.UserName, Field = field,
        OldValue = oldValue is { Length: > 2000 } ? oldValue[..2000] : oldValue, NewValue = newValue is { Length: > 2000 } ? newValue[..2000] : newValue,
    };

    public static ResidentSummary Summary(Resident r, DateOnly today) => Summary(r.Id, r.Name, r.Sex, r.BirthDate, r.DocumentNumber, r.Phone,
        r.RecordNumber, r.OrganizationId, r.TeamId, r.Status, today);

    public static ResidentSummary Summary(Guid id, string name, string sex, DateOnly birth, string? document, string? phone, string recordNumber,
        Guid organizationId, Guid? teamId, ResidentStatus status, DateOnly today) =>
        new(id, name, sex, birth, Domain.Common.Age.CompletedYears(birth, today), Mask(document), phone is null ? null : PhoneNumber.Mask(phone),
            recordNumber, organizationId, teamId, status.ToString());

    public static string? Mask(string? documentNumber) => documentNumber switch
    {
        null => null,
        { Length: 18 } id => string.Create(18, id, static (span, s) => { s.AsSpan(0, 6).CopyTo(span); span[6..14].Fill('*'); s.AsSpan(14).CopyTo(span[14..]); }),
        { Length: > 4 } other => new string('*', other.Length - 4) + other[^4..],
        var s => s,
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
