using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Immunization;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Immunization;

/// <summary>A dose as the certificate prints it: where it was given (the clinic's name) and by whom.</summary>
public sealed record CertificateDoseDto(string VaccineName, int DoseNumber, DateOnly GivenOn, string LotNumber, string Manufacturer, string Clinic, string Nurse, bool Valid);

/// <summary>One NIP series of the certificate: its doses in the order given, and the entry check's conclusion for it.</summary>
public sealed record CertificateSeriesDto(string Series, string Name, IReadOnlyList<CertificateDoseDto> Doses, EntryCheckConclusion Conclusion, string? CatchUp);

/// <summary>预防接种证 and the 入托入学查验 record of one child, as printed on <see cref="PrintedOn"/>.</summary>
public sealed record VaccinationCertificateDto(
    Guid VaccineeId, Guid ResidentId, string Name, string Sex, DateOnly BirthDate, string CertificateNumber, DateOnly CertificateIssuedOn,
    string GuardianName, string GuardianRelation, string GuardianPhone, string? Address, string Clinic, DateOnly PrintedOn,
    IReadOnlyList<CertificateSeriesDto> Series, IReadOnlyList<CertificateDoseDto> OtherDoses, bool EntryCheckComplete);

/// <summary>
/// The printable vaccination certificate (预防接种证, national layout: the child, then every dose per vaccine in schedule
/// order) and the entry check of kindergarten and school admission (<see cref="EntryCheck"/>), from the forecast of the
/// print date. Pages only: the certificate is printed, the API has the vaccinee.
/// </summary>
public sealed class GetVaccinationCertificate(ScopedDb dbs, TimeProvider clock, OrganizationCache organizations)
{
    public async Task<Outcome<VaccinationCertificateDto>> HandleAsync(StaffContext staff, Guid id, CancellationToken ct = default)
    {
        await using var db = dbs.For(staff);
        var child = await db.Vaccinees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (child is null) return new NotFound("Vaccinee", id.ToString());
        var today = clock.Today();
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == child.ResidentId).Select(r => new { r.Name, r.Sex, r.Address, r.HouseholdId }).FirstAsync(ct);
        var address = resident.Address is { Length: > 0 } ? resident.Address
            : resident.HouseholdId is { } h ? await db.Households.AsNoTracking().Where(x => x.Id == h).Select(x => x.Address).FirstOrDefaultAsync(ct) : null;
        var (doses, cis) = await VaccinationHistory.ReadAsync(db, child, tracked: false, ct);
        var forecast = Forecaster.Evaluate(ImmunizationMapping.Facts(child, cis), doses.Select(ImmunizationMapping.Given), today);
        var clinics = await organizations.NamesAsync(doses.Select(d => d.OrganizationId).Append(child.OrganizationId), ct);
        var byId = doses.ToDictionary(d => d.Id);
        CertificateDoseDto Print(DoseEvaluation e)
        {
            var d = byId[e.Dose.Id!.Value];
            return new(Vaccines.Find(d.Vaccine)?.Zh ?? d.Vaccine, d.DoseNumber, d.GivenOn, d.LotNumber, d.Manufacturer, clinics.GetValueOrDefault(d.OrganizationId, ""), d.Nurse, d.Valid);
        }
        var checks = EntryCheck.Of(forecast).ToDictionary(l => l.Series);
        var series = forecast.Series.Select(s => new CertificateSeriesDto(s.Series.ToString(), Vaccines.SeriesZh(s.Series),
            s.Doses.Where(e => e.Dose.Id is not null).OrderBy(e => e.Dose.Date).Select(Print).ToList(), checks[s.Series].Conclusion,
            checks[s.Series].CatchUpDose is { } n ? $"{Vaccines.Find(n.Vaccine)!.Zh}第{n.DoseNumber}剂" : null)).ToList();
        return new VaccinationCertificateDto(child.Id, child.ResidentId, resident.Name, resident.Sex, child.BirthDate, child.CertificateNumber, child.CertificateIssuedOn,
            child.GuardianName, child.GuardianRelation, child.GuardianPhone, address, clinics[child.OrganizationId], today, series,
            forecast.Unknown.Where(e => e.Dose.Id is not null).Select(Print).ToList(), EntryCheck.Complete(checks.Values));
    }

    public static string ConclusionZh(EntryCheckConclusion c) => c switch
    {
        EntryCheckConclusion.Complete => "全程完成",
        EntryCheckConclusion.UpToDate => "按年龄已完成",
        EntryCheckConclusion.CatchUp => "需补种",
        EntryCheckConclusion.Contraindicated => "禁忌/免种",
        _ => "超龄不补",
    };
}
