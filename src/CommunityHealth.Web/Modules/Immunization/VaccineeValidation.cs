using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>The field checks the vaccinee slices share (dates, certificate, guardian, birth weight).</summary>
public static class VaccineeValidation
{
    /// <summary>A day not in the future and not before the child's birth.</summary>
    public static void CheckDay(Validation v, string field, DateOnly? day, DateOnly birth, DateOnly today)
    {
        if (day is not { } d) return;
        if (d > today) v.Add(field, "error.date_future");
        else if (d < birth) v.Add(field, "error.date_before_birth");
    }

    public static void CheckCertificate(Validation v, string? number, DateOnly? issuedOn, DateOnly? birth, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(number)) v.Add("certificateNumber", "error.required");
        else if (number.Trim().Length > 30 || !number.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')) v.Add("certificateNumber", "error.vaccinee.certificate_format");
        if (issuedOn is { } d)
        {
            if (d > today) v.Add("certificateIssuedOn", "error.date_future");
            else if (birth is { } b && d < b) v.Add("certificateIssuedOn", "error.date_before_birth");
        }
    }

    public static void CheckGuardian(Validation v, string? name, string? relation, string? phone)
    {
        v.RequireText("guardianName", name, 50).OptionalText("guardianRelation", relation, 20);
        if (string.IsNullOrWhiteSpace(phone)) v.Add("guardianPhone", "error.required");
        else if (!PhoneNumber.IsValid(phone)) v.Add("guardianPhone", "error.phone");
    }

    public static void CheckBirthWeight(Validation v, int? grams)
    {
        if (grams is { } w && !CommunityHealth.Domain.Immunization.VaccineeRules.PlausibleBirthWeight(w)) v.Add("birthWeightGrams", "error.vaccinee.birth_weight");
    }

    public static void CheckVaccine(Validation v, string? code)
    {
        if (CommunityHealth.Domain.Immunization.Vaccines.Find(code) is null)
            v.Add("vaccine", string.IsNullOrWhiteSpace(code) ? "error.required" : "error.vaccination.unknown_vaccine");
    }
}
