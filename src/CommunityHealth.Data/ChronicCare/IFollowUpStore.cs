using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Data.ChronicCare;

/// <summary>
/// What recording a hypertension/diabetes follow-up reads and how it is saved, in one place: EF Core's normal path, which
/// meets the follow-up's target (≥ 200/s through HTTP, benchmark row "record a follow-up", docs/benchmarks.md), so the
/// hand-written read and save of decisions 0008 and 0012 are gone; the visits' chain is still read from its covering index.
/// </summary>
public interface IFollowUpStore
{
    /// <summary>
    /// The resident (in the context's scope; null when not), the latest measured height, the active registrations, the
    /// visit year's stored month rows and the resident's earlier visits (the columns the chain and the year's rows need).
    /// </summary>
    Task<FollowUpSubject?> ReadSubjectAsync(HealthDbContext db, Guid residentId, int visitYear, CancellationToken ct);

    /// <summary>Saves a follow-up's rows in one write transaction, in the order given; every row checked against the context's scope.</summary>
    Task SaveAsync(HealthDbContext db, FollowUpSave save, CancellationToken ct);
}

/// <summary>What a follow-up reads before deciding (see <see cref="IFollowUpStore.ReadSubjectAsync"/>).</summary>
public sealed record FollowUpSubject(Guid Id, Guid DistrictId, Guid? CenterId, Guid OrganizationId, DateOnly BirthDate, ResidentStatus Status, decimal? Height,
    List<ChronicRegistration> Registrations, List<ChronicMonthStat> Stats, List<ChronicVisit> History);

public enum RowChange { Insert, Update, Delete }

/// <summary>One stored year-to-date row to insert, update (its synced columns) or delete.</summary>
public readonly record struct MonthStatChange(ChronicMonthStat Row, RowChange Change);

/// <summary>
/// A follow-up's writes: the new visit and its measurements, the changed year-to-date rows, the later visits judged again
/// (their reasons, next visit and referral) and the registrations' new stored outcome.
/// </summary>
public sealed record FollowUpSave(
    ChronicVisit Visit, IReadOnlyList<Measurement> Measurements, IReadOnlyList<MonthStatChange> Stats, IReadOnlyList<ChronicVisit> Rejudged,
    IReadOnlyList<ChronicRegistration> Registrations);
