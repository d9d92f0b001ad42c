using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Modules.Residents.Fhir;

/// <summary>Resident ↔ FHIR R4 Patient. Pure functions; the identifier systems are the national OIDs.</summary>
public static class PatientMapping
{
    public const string IdCardSystem = "urn:oid:2.16.156.10011.1.3";
    public const string RecordNumberSystem = "urn:oid:2.16.156.10011.1.2";
    public const string DocumentSystemPrefix = "https://communityhealth.example.cn/fhir/sid/document-";
    public const string ResidenceTypeUrl = "https://communityhealth.example.cn/fhir/StructureDefinition/residence-type";

    /// <summary>Form field → FHIRPath of the element that carries it, for OperationOutcome.expression.</summary>
    public static readonly IReadOnlyDictionary<string, string> Elements = new Dictionary<string, string>
    {
        ["name"] = "Patient.name", ["documentNumber"] = "Patient.identifier", ["documentType"] = "Patient.identifier",
        ["sex"] = "Patient.gender", ["birthDate"] = "Patient.birthDate", ["phone"] = "Patient.telecom",
        ["address"] = "Patient.address", ["residenceType"] = "Patient.extension", ["organizationId"] = "Patient.managingOrganization",
        ["teamId"] = "Patient.generalPractitioner",
    };

    public static Patient ToFhir(ResidentDto r)
    {
        var d = r.Record;
        var p = new Patient
        {
            Id = r.Id.ToString(),
            Active = r.Status == "Active",
            Identifier = [new Identifier(RecordNumberSystem, r.RecordNumber)],
            Name = [new HumanName { Text = d.Name, Family = FamilyName(d.Name!), Use = HumanName.NameUse.Official }],
            Gender = d.Sex switch { "1" => AdministrativeGender.Male, "2" => AdministrativeGender.Female, _ => AdministrativeGender.Unknown },
            BirthDate = d.BirthDate!.Value.ToString("yyyy-MM-dd"),
            ManagingOrganization = new ResourceReference($"Organization/{r.OrganizationId}"),
            Extension = [new Extension(ResidenceTypeUrl, new Code(d.ResidenceType))],
        };
        if (d.DocumentNumber is { } number)
            p.Identifier.Insert(0, new Identifier(d.DocumentType == ResidentRules.IdCard ? IdCardSystem : DocumentSystemPrefix + d.DocumentType, number));
        if (d.Phone is { } phone) p.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, phone)];
        if (d.Address is { } address) p.Address = [new Address { Text = address, Country = "CN" }];
        if (r.CloseReason == "death" && r.ClosedOn is { } died) p.Deceased = new FhirDateTime(died.ToString("yyyy-MM-dd"));
        return p;
    }

    /// <summary>A Patient as a registration; fields FHIR does not carry are taken from <paramref name="existing"/> on update.</summary>
    public static (RegisterResident? Command, Invalid? Error) FromFhir(Patient p, ResidentDraft? existing)
    {
        var v = new Validation();
        var idCard = p.Identifier.FirstOrDefault(i => i.System == IdCardSystem)?.Value;
        var other = p.Identifier.FirstOrDefault(i => i.System?.StartsWith(DocumentSystemPrefix, StringComparison.Ordinal) == true);
        var name = p.Name.FirstOrDefault() is { } n ? n.Text ?? (n.Family + string.Concat(n.Given)) : null;
        DateOnly? birth = null;
        if (!string.IsNullOrEmpty(p.BirthDate))
        {
            if (DateOnly.TryParseExact(p.BirthDate, "yyyy-MM-dd", out var b)) birth = b;
            else v.Add("birthDate", "error.fhir.full_date");
        }
        Guid? org = null;
        if (p.ManagingOrganization?.Reference is { } reference)
        {
            if (Guid.TryParse(reference.Replace("Organization/", "", StringComparison.Ordinal), out var g)) org = g;
            else v.Add("organizationId", "error.not_found");
        }
        else if (existing is null) v.Add("organizationId", "error.required");
        if (v.ToError() is { } invalid) return (null, invalid);

        var sex = p.Gender switch { AdministrativeGender.Male => "1", AdministrativeGender.Female => "2", AdministrativeGender.Unknown => "0", null => null, _ => "9" };
        var residence = (p.GetExtension(ResidenceTypeUrl)?.Value as Code)?.Value;
        var draft = (existing ?? new ResidentDraft()) with
        {
            Name = name,
            DocumentType = idCard is not null ? ResidentRules.IdCard : other is not null ? other.System![DocumentSystemPrefix.Length..] : ResidentRules.NoDocument,
            DocumentNumber = idCard ?? other?.Value,
            Sex = sex,
            BirthDate = birth,
            Phone = p.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value,
            Address = p.Address.FirstOrDefault()?.Text ?? existing?.Address,
            ResidenceType = residence ?? existing?.ResidenceType ?? "1",
        };
        return (new RegisterResident(org, null, draft), null);
    }

    /// <summary>The surname: the first character, or the first two for the common compound surnames.</summary>
    public static string FamilyName(string name)
    {
        string[] compound = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐"];
        if (name.Length > 2 && compound.Any(name.StartsWith)) return name[..2];
        return name.Length > 0 && name[0] > '\u2E80' ? name[..1] : name.Split(' ').Last();
    }
}
