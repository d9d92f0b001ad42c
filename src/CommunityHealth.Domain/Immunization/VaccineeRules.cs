namespace CommunityHealth.Domain.Immunization;

/// <summary>
/// Who is registered at the vaccination clinic and when a certificate counts as timely (预防接种工作规范 2023 年版:
/// children under 18 are managed by the programme; the vaccination certificate is issued within one month of birth,
/// which is the 建证率 indicator's "timely", standards §1.12).
/// </summary>
public static class VaccineeRules
{
    public const int MinBirthWeightGrams = 300, MaxBirthWeightGrams = 7000;

    /// <summary>From the 18th birthday a child is no longer registered (the catch-up ends there too).</summary>
    public static bool TooOld(DateOnly birthDate, DateOnly today) => birthDate.AddYears(18) <= today;

    /// <summary>A birth weight a record can carry; outside it the entry is a typing error.</summary>
    public static bool PlausibleBirthWeight(int grams) => grams >= MinBirthWeightGrams && grams <= MaxBirthWeightGrams;

    /// <summary>Issued within one month of birth (the coverage report states the same condition in SQL).</summary>
    public static bool CertificateTimely(DateOnly issuedOn, DateOnly birthDate) => issuedOn <= birthDate.AddMonths(1);
}
