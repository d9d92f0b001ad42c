using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents.Pages;

/// <summary>The editable form behind ResidentFormPage; converts to and from the domain's draft.</summary>
public sealed class ResidentFormModel
{
    public sealed class Dated { public string? Name { get; set; } public DateOnly? Date { get; set; } }
    public sealed class Illness { public string? Code { get; set; } public DateOnly? DiagnosedOn { get; set; } public string? Note { get; set; } }

    public string? Name { get; set; }
    public string DocumentType { get; set; } = ResidentRules.IdCard;
    public string? DocumentNumber { get; set; }
    public string? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? WorkUnit { get; set; }
    public string? Phone { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ResidenceType { get; set; } = "1";
    public string? Ethnicity { get; set; } = "01";
    public string? Abo { get; set; }
    public string? Rh { get; set; }
    public string? Education { get; set; }
    public string? Occupation { get; set; }
    public string? Marital { get; set; }
    public HashSet<string> Payments { get; set; } = [];
    public string? PaymentOther { get; set; }
    public HashSet<string> DrugAllergies { get; set; } = [];
    public string? DrugAllergyOther { get; set; }
    public HashSet<string> Exposures { get; set; } = [];
    public List<Illness> PastIllnesses { get; set; } = [];
    public List<Dated> Surgeries { get; set; } = [];
    public List<Dated> Traumas { get; set; } = [];
    public List<Dated> Transfusions { get; set; } = [];
    public string[] FamilyFather { get; set; } = [];
    public string[] FamilyMother { get; set; } = [];
    public string[] FamilySiblings { get; set; } = [];
    public string[] FamilyChildren { get; set; } = [];
    public string? GeneticDisease { get; set; }
    public HashSet<string> Disabilities { get; set; } = [];
    public string? DisabilityOther { get; set; }
    public string? Kitchen { get; set; }
    public string? Fuel { get; set; }
    public string? Water { get; set; }
    public string? Toilet { get; set; }
    public string? Livestock { get; set; }
    public string? Address { get; set; }

    public ResidentDraft ToDraft() => new(
        Name, DocumentType, DocumentNumber, Empty(Sex), BirthDate, WorkUnit, Empty(Phone), ContactName, Empty(ContactPhone),
        Empty(ResidenceType), Empty(Ethnicity), Empty(Abo), Empty(Rh), Empty(Education), Empty(Occupation), Empty(Marital),
        [.. Payments.Order()], PaymentOther, [.. DrugAllergies.Order()], DrugAllergyOther, [.. Exposures.Order()],
        PastIllnesses.Select(i => new PastIllness(i.Code, i.DiagnosedOn, i.Note)).ToList(),
        Surgeries.Select(x => new DatedItem(x.Name, x.Date)).ToList(), Traumas.Select(x => new DatedItem(x.Name, x.Date)).ToList(),
        Transfusions.Select(x => new DatedItem(x.Name, x.Date)).ToList(),
        FamilyFather.Length + FamilyMother.Length + FamilySiblings.Length + FamilyChildren.Length == 0 ? null
            : new FamilyHistory(FamilyFather, FamilyMother, FamilySiblings, FamilyChildren),
        GeneticDisease, [.. Disabilities.Order()], DisabilityOther,
        new[] { Kitchen, Fuel, Water, Toilet, Livestock }.All(string.IsNullOrEmpty) ? null
            : new LivingEnvironment(Empty(Kitchen), Empty(Fuel), Empty(Water), Empty(Toilet), Empty(Livestock)),
        Address);

    public static ResidentFormModel From(ResidentDraft d) => new()
    {
        Name = d.Name, DocumentType = d.DocumentType ?? ResidentRules.IdCard, DocumentNumber = d.DocumentNumber, Sex = d.Sex, BirthDate = d.BirthDate,
        WorkUnit = d.WorkUnit, Phone = d.Phone, ContactName = d.ContactName, ContactPhone = d.ContactPhone, ResidenceType = d.ResidenceType,
        Ethnicity = d.Ethnicity, Abo = d.Abo, Rh = d.Rh, Education = d.Education, Occupation = d.Occupation, Marital = d.Marital,
        Payments = [.. d.Payments ?? []], PaymentOther = d.PaymentOther, DrugAllergies = [.. d.DrugAllergies ?? []], DrugAllergyOther = d.DrugAllergyOther,
        Exposures = [.. d.Exposures ?? []],
        PastIllnesses = (d.PastIllnesses ?? []).Select(p => new Illness { Code = p.Code, DiagnosedOn = p.DiagnosedOn, Note = p.Note }).ToList(),
        Surgeries = (d.Surgeries ?? []).Select(x => new Dated { Name = x.Name, Date = x.Date }).ToList(),
        Traumas = (d.Traumas ?? []).Select(x => new Dated { Name = x.Name, Date = x.Date }).ToList(),
        Transfusions = (d.Transfusions ?? []).Select(x => new Dated { Name = x.Name, Date = x.Date }).ToList(),
        FamilyFather = [.. d.FamilyHistory?.Father ?? []], FamilyMother = [.. d.FamilyHistory?.Mother ?? []],
        FamilySiblings = [.. d.FamilyHistory?.Siblings ?? []], FamilyChildren = [.. d.FamilyHistory?.Children ?? []],
        GeneticDisease = d.GeneticDisease, Disabilities = [.. d.Disabilities ?? []], DisabilityOther = d.DisabilityOther,
        Kitchen = d.Living?.Kitchen, Fuel = d.Living?.Fuel, Water = d.Living?.Water, Toilet = d.Living?.Toilet, Livestock = d.Living?.Livestock,
        Address = d.Address,
    };

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
