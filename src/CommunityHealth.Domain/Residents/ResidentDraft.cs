namespace CommunityHealth.Domain.Residents;

/// <summary>An item with a name and a date: a surgery, a trauma, a transfusion (reason).</summary>
public sealed record DatedItem(string? Name, DateOnly? Date);

/// <summary>A past illness from the 13 coded diseases, with its diagnosis date.</summary>
public sealed record PastIllness(string? Code, DateOnly? DiagnosedOn, string? Note = null);

/// <summary>家族史: disease codes per relative.</summary>
public sealed record FamilyHistory(
    IReadOnlyList<string>? Father = null, IReadOnlyList<string>? Mother = null,
    IReadOnlyList<string>? Siblings = null, IReadOnlyList<string>? Children = null, string? Other = null);

/// <summary>生活环境 codes.</summary>
public sealed record LivingEnvironment(string? Kitchen = null, string? Fuel = null, string? Water = null, string? Toilet = null, string? Livestock = null);

/// <summary>
/// Every field of the 个人基本信息表 (standards §1.1) as entered. Codes are the form's codes
/// (<see cref="ResidentCodes"/>). Birth date and sex may be left empty when a resident ID card number
/// is given: they are derived from it.
/// </summary>
public sealed record ResidentDraft(
    string? Name = null, string? DocumentType = null, string? DocumentNumber = null, string? Sex = null, DateOnly? BirthDate = null,
    string? WorkUnit = null, string? Phone = null, string? ContactName = null, string? ContactPhone = null,
    string? ResidenceType = null, string? Ethnicity = null, string? Abo = null, string? Rh = null,
    string? Education = null, string? Occupation = null, string? Marital = null,
    IReadOnlyList<string>? Payments = null, string? PaymentOther = null,
    IReadOnlyList<string>? DrugAllergies = null, string? DrugAllergyOther = null,
    IReadOnlyList<string>? Exposures = null,
    IReadOnlyList<PastIllness>? PastIllnesses = null,
    IReadOnlyList<DatedItem>? Surgeries = null, IReadOnlyList<DatedItem>? Traumas = null, IReadOnlyList<DatedItem>? Transfusions = null,
    FamilyHistory? FamilyHistory = null, string? GeneticDisease = null,
    IReadOnlyList<string>? Disabilities = null, string? DisabilityOther = null,
    LivingEnvironment? Living = null, string? Address = null);
