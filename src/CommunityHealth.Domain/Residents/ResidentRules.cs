using CommunityHealth.Domain.Common;

namespace CommunityHealth.Domain.Residents;

/// <summary>
/// Validates a 个人基本信息表 and fills what the ID number implies (birth date, sex, the 18-digit form
/// of a 15-digit number). Every fault is reported at its field at once; codes are checked against the
/// code lists in force on <paramref name="today"/>.
/// </summary>
public static class ResidentRules
{
    public const int NameMax = 50;
    public const string IdCard = "01";
    public const string NoDocument = "00";
    public const string NoneCode = "1"; // "无" in every multi-select list of the form

    public static Outcome<ResidentDraft> Validate(ResidentDraft d, DateOnly today)
    {
        var v = new Validation();
        var name = d.Name?.Trim();
        v.RequireText("name", name, NameMax);
        if (!string.IsNullOrEmpty(name) && !name.All(c => char.IsLetter(c) || c is '·' or ' ' or '.' or '-'))
            v.Add("name", "error.resident.name_chars");

        var birth = d.BirthDate;
        var sex = d.Sex;
        var number = string.IsNullOrWhiteSpace(d.DocumentNumber) ? null : d.DocumentNumber.Trim().ToUpperInvariant();
        if (!ResidentCodes.DocumentType.IsValid(d.DocumentType, today)) v.Add("documentType", "error.code_unknown");
        else if (d.DocumentType == IdCard)
        {
            var (id, error) = IdCardNumber.Parse(number, today);
            if (error is not null) v.Add("documentNumber", error);
            else
            {
                number = id!.Value;
                if (birth is null) birth = id.BirthDate;
                else if (birth != id.BirthDate) v.Add("birthDate", "error.resident.birthdate_mismatch");
                var idSex = id.Sex == Residents.Sex.Male ? "1" : "2";
                if (string.IsNullOrEmpty(sex)) sex = idSex;
                else if (sex != idSex) v.Add("sex", "error.resident.sex_mismatch");
            }
        }
        else if (d.DocumentType == NoDocument && number is not null) v.Add("documentNumber", "error.resident.number_without_document");
        else if (d.DocumentType != NoDocument && number is null) v.Add("documentNumber", "error.required");
        else if (number is { Length: > 30 }) v.Add("documentNumber", "error.too_long", 30);

        if (birth is null) v.Add("birthDate", "error.required");
        else if (birth > today) v.Add("birthDate", "error.date_future");
        else if (birth < new DateOnly(1880, 1, 1)) v.Add("birthDate", "error.date_too_early");
        if (string.IsNullOrEmpty(sex)) v.Add("sex", "error.required");
        else if (!ResidentCodes.Sex.IsValid(sex, today)) v.Add("sex", "error.code_unknown");

        if (d.Phone is { Length: > 0 } && !PhoneNumber.IsValid(d.Phone)) v.Add("phone", "error.phone");
        if (d.ContactPhone is { Length: > 0 } && !PhoneNumber.IsValid(d.ContactPhone)) v.Add("contactPhone", "error.phone");
        v.OptionalText("workUnit", d.WorkUnit, 100).OptionalText("contactName", d.ContactName, NameMax).OptionalText("address", d.Address, 200)
            .OptionalText("paymentOther", d.PaymentOther, 50).OptionalText("drugAllergyOther", d.DrugAllergyOther, 100)
            .OptionalText("geneticDisease", d.GeneticDisease, 100).OptionalText("disabilityOther", d.DisabilityOther, 100);

        if (string.IsNullOrEmpty(d.ResidenceType)) v.Add("residenceType", "error.required");
        Code(v, "residenceType", ResidentCodes.ResidenceType, d.ResidenceType, today);
        Code(v, "ethnicity", ResidentCodes.Ethnicity, d.Ethnicity, today);
        Code(v, "abo", ResidentCodes.Abo, d.Abo, today);
        Code(v, "rh", ResidentCodes.Rh, d.Rh, today);
        Code(v, "education", ResidentCodes.Education, d.Education, today);
        Code(v, "occupation", ResidentCodes.Occupation, d.Occupation, today);
        Code(v, "marital", ResidentCodes.Marital, d.Marital, today);
        Codes(v, "payments", ResidentCodes.Payment, d.Payments, today, exclusiveNone: false);
        Codes(v, "drugAllergies", ResidentCodes.DrugAllergy, d.DrugAllergies, today, exclusiveNone: true);
        Codes(v, "exposures", ResidentCodes.Exposure, d.Exposures, today, exclusiveNone: true);
        Codes(v, "disabilities", ResidentCodes.Disability, d.Disabilities, today, exclusiveNone: true);

        foreach (var (ill, i) in (d.PastIllnesses ?? []).Select((x, i) => (x, i)))
        {
            if (!ResidentCodes.PastDisease.IsValid(ill.Code, today)) v.Add($"pastIllnesses[{i}].code", "error.code_unknown");
            else if (ill.Code != NoneCode && ill.DiagnosedOn is null) v.Add($"pastIllnesses[{i}].diagnosedOn", "error.required");
            Dated(v, $"pastIllnesses[{i}].diagnosedOn", ill.DiagnosedOn, birth, today);
            v.OptionalText($"pastIllnesses[{i}].note", ill.Note, 100);
        }
        if (d.PastIllnesses is { Count: > 1 } past && past.Any(p => p.Code == NoneCode)) v.Add("pastIllnesses", "error.none_exclusive");

        foreach (var (list, field) in new[] { (d.Surgeries, "surgeries"), (d.Traumas, "traumas"), (d.Transfusions, "transfusions") })
            foreach (var (item, i) in (list ?? []).Select((x, i) => (x, i)))
            {
                v.RequireText($"{field}[{i}].name", item.Name, 50);
                Dated(v, $"{field}[{i}].date", item.Date, birth, today);
            }

        if (d.FamilyHistory is { } fh)
        {
            Codes(v, "familyHistory.father", ResidentCodes.FamilyDisease, fh.Father, today, exclusiveNone: true);
            Codes(v, "familyHistory.mother", ResidentCodes.FamilyDisease, fh.Mother, today, exclusiveNone: true);
            Codes(v, "familyHistory.siblings", ResidentCodes.FamilyDisease, fh.Siblings, today, exclusiveNone: true);
            Codes(v, "familyHistory.children", ResidentCodes.FamilyDisease, fh.Children, today, exclusiveNone: true);
            v.OptionalText("familyHistory.other", fh.Other, 100);
        }
        if (d.Living is { } l)
        {
            Code(v, "living.kitchen", ResidentCodes.KitchenVentilation, l.Kitchen, today);
            Code(v, "living.fuel", ResidentCodes.Fuel, l.Fuel, today);
            Code(v, "living.water", ResidentCodes.Water, l.Water, today);
            Code(v, "living.toilet", ResidentCodes.Toilet, l.Toilet, today);
            Code(v, "living.livestock", ResidentCodes.Livestock, l.Livestock, today);
        }

        if (v.ToError() is { } invalid) return invalid;
        return d with
        {
            Name = name,
            DocumentNumber = number,
            BirthDate = birth,
            Sex = sex,
            Phone = PhoneNumber.Normalize(d.Phone),
            ContactPhone = PhoneNumber.Normalize(d.ContactPhone),
        };
    }

    private static void Code(Validation v, string field, CodeList list, string? code, DateOnly today)
    {
        if (!string.IsNullOrEmpty(code) && !list.IsValid(code, today)) v.Add(field, "error.code_unknown");
    }

    private static void Codes(Validation v, string field, CodeList list, IReadOnlyList<string>? codes, DateOnly today, bool exclusiveNone)
    {
        if (codes is null || codes.Count == 0) return;
        if (codes.Any(c => !list.IsValid(c, today))) v.Add(field, "error.code_unknown");
        else if (codes.Distinct().Count() != codes.Count) v.Add(field, "error.code_duplicate");
        else if (exclusiveNone && codes.Count > 1 && codes.Contains(NoneCode)) v.Add(field, "error.none_exclusive");
    }

    private static void Dated(Validation v, string field, DateOnly? date, DateOnly? birth, DateOnly today)
    {
        if (date is not { } d) return;
        if (d > today) v.Add(field, "error.date_future");
        else if (birth is { } b && d < b) v.Add(field, "error.date_before_birth");
    }
}
