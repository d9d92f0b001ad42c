namespace CommunityHealth.Data.Immunization;

/// <summary>
/// The hot path of recording the doses of a visit: what the visit reads and how it is saved. Hand-written SQL because EF
/// Core's normal path missed the dose-recording target — benchmark row "record a dose via HTTP" (docs/benchmarks.md,
/// Immunization); the read is docs/decisions/0008, the save docs/decisions/0012.
/// </summary>
public interface IDoseStore
{
    /// <summary>
    /// The child (in the context's scope; null when not), the lots named by the visit, the dose history in the order given
    /// and the contraindications — all untracked. Run on a context whose connection is closed (outside a transaction).
    /// </summary>
    Task<DoseVisitInputs> ReadVisitAsync(HealthDbContext db, Guid vaccineeId, IReadOnlyList<Guid> lotIds, CancellationToken ct);

    /// <summary>
    /// Saves a visit in one write transaction: each lot used is decremented by one conditional statement (stock and
    /// expiry re-checked, so a lot never goes below zero) with a stock movement per dose, then the new doses, the earlier
    /// doses whose judgement changed and the child's next dates. Returns the id of a lot that could not supply its doses
    /// (nothing is saved), or null when saved.
    /// </summary>
    Task<Guid?> SaveVisitAsync(HealthDbContext db, DoseVisitSave save, CancellationToken ct);
}

/// <summary>What recording a visit reads (see <see cref="IDoseStore.ReadVisitAsync"/>).</summary>
public sealed record DoseVisitInputs(Vaccinee? Child, Dictionary<Guid, VaccineLot> Lots, List<VaccinationDose> Doses, List<VaccineeContraindication> Contraindications);

/// <summary>
/// A visit's writes: the child (its next dates and UpdatedAt are written), the new doses in the visit's order, the earlier
/// doses re-judged (validity, reason, timeliness, number), the lots read for the visit, and who recorded it when.
/// </summary>
public sealed record DoseVisitSave(Vaccinee Child, IReadOnlyList<VaccinationDose> Doses, IReadOnlyList<VaccinationDose> Rejudged,
    IReadOnlyDictionary<Guid, VaccineLot> Lots, string By, DateTime At);
