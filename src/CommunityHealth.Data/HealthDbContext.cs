using System.Linq.Expressions;
using System.Reflection;
using CommunityHealth.Data.Audit;
using CommunityHealth.Data.ChronicCare;
using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Immunization;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Data.WorkList;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Data;

/// <summary>
/// The provider-neutral model. Data scope is enforced here, by global query filters on every
/// <see cref="IScoped"/> entity, so no query can forget it. Thin subclasses per provider own migrations.
/// </summary>
public abstract class HealthDbContext(DbContextOptions options) : IdentityUserContext<StaffUser, Guid>(options)
{
    private readonly ScopeLevel? _fixedLevel = options.FindExtension<ScopeLevelExtension>()?.Level;

    /// <summary>The level whose filters this context's model carries: fixed by its pool, else from <see cref="Scope"/>.</summary>
    public ScopeLevel ModelLevel => _fixedLevel ?? Scope.Level;

    /// <summary>Set by the factory for each unit of work; the default sees nothing.</summary>
    public DataScope Scope { get; set; } = DataScope.Nothing;

    private readonly Sqlite.SqliteWriteGate? _gate = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?
        .OfType<Sqlite.SqliteWriteGate>().FirstOrDefault();

    /// <summary>The SQLite file's long-lived read connections for hand-written reads (<see cref="RawReads"/>); null elsewhere.</summary>
    internal Sqlite.SqliteReadPool? SqliteReaders => _gate?.Readers;

    /// <summary>
    /// Begins an explicit write transaction. On SQLite it runs on the database's one writer connection, whose page cache
    /// stays warm (docs/decisions/0006); elsewhere it is an ordinary transaction.
    /// </summary>
    public Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteAsync(CancellationToken ct = default) =>
        _gate is { } gate ? gate.BeginTransactionOnWriterAsync(this, ct) : Database.BeginTransactionAsync(ct);

    private readonly AuditInterceptor? _audit = options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?
        .OfType<AuditInterceptor>().FirstOrDefault();

    /// <summary>Audit rows attached to this unit of work and not yet part of a write (<see cref="AuditInterceptor"/>).</summary>
    internal List<AuditEntry> PendingAudit { get; } = [];

    /// <summary>
    /// Attaches an audit row to this unit of work: the next save writes it in the write's own
    /// transaction, so it commits or rolls back with the write (docs/decisions/0013). Call before saving.
    /// </summary>
    public void Audit(AuditActor who, string entity, string entityId, string action, string? detail = null)
    {
        if (_audit is null) throw new InvalidOperationException("This context has no AuditInterceptor: create it through IHealthDbFactory.");
        PendingAudit.Add(AuditEntry.For(who, default, entity, entityId, action, detail));
    }

    /// <summary>Forgets the rows attached and not yet written (a write that was refused before it reached the database).</summary>
    public void DiscardAudit() => PendingAudit.Clear();


    // Query filters read these members; EF Core turns them into parameters of each query.
    private Guid ScopeDistrictId => Scope.DistrictId ?? Guid.Empty;
    private Guid? ScopeCenterId => Scope.CenterId;
    private Guid ScopeOrganizationId => Scope.OrganizationId ?? Guid.Empty;

    public DbSet<District> Districts => Set<District>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<StaffRoleAssignment> StaffRoles => Set<StaffRoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ResidentCondition> ResidentConditions => Set<ResidentCondition>();
    public DbSet<ResidentChange> ResidentChanges => Set<ResidentChange>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<RecordNumberSequence> RecordNumberSequences => Set<RecordNumberSequence>();
    public DbSet<Examination> Examinations => Set<Examination>();
    public DbSet<Encounter> Encounters => Set<Encounter>();
    public DbSet<ResidentMerge> ResidentMerges => Set<ResidentMerge>();
    public DbSet<Vaccinee> Vaccinees => Set<Vaccinee>();
    public DbSet<VaccinationDose> VaccinationDoses => Set<VaccinationDose>();
    public DbSet<VaccineeContraindication> VaccineeContraindications => Set<VaccineeContraindication>();
    public DbSet<AdverseEvent> AdverseEvents => Set<AdverseEvent>();
    public DbSet<ContactAttempt> ContactAttempts => Set<ContactAttempt>();
    public DbSet<VaccineLot> VaccineLots => Set<VaccineLot>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<Refrigerator> Refrigerators => Set<Refrigerator>();
    public DbSet<TemperatureReading> TemperatureReadings => Set<TemperatureReading>();
    public DbSet<ReminderMessage> ReminderMessages => Set<ReminderMessage>();
    public DbSet<ChronicRegistration> ChronicRegistrations => Set<ChronicRegistration>();
    public DbSet<ChronicVisit> ChronicVisits => Set<ChronicVisit>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<ChronicMonthStat> ChronicMonthStats => Set<ChronicMonthStat>();
    public DbSet<Indicators.PopulationFigure> PopulationFigures => Set<Indicators.PopulationFigure>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<ReminderOptOut> ReminderOptOuts => Set<ReminderOptOut>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HealthDbContext).Assembly);

        // Identity's own tables carry the district key too (shadow property, filled on save).
        foreach (var t in new[] { typeof(IdentityUserClaim<Guid>), typeof(IdentityUserLogin<Guid>), typeof(IdentityUserToken<Guid>) })
        {
            builder.Entity(t).Property<Guid>(nameof(IDistrictOwned.DistrictId));
            builder.Entity(t).HasIndex(nameof(IDistrictOwned.DistrictId));
        }

        // One model per scope level (see ScopedModelCacheKeyFactory): every filter is a plain equality on
        // indexed columns, never "@p IS NULL OR column = @p", so both SQLite and PostgreSQL can use indexes.
        var level = ModelLevel;
        if (level == ScopeLevel.System) return;
        var apply = typeof(HealthDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IScoped).IsAssignableFrom(e.ClrType) && e.ClrType != typeof(Organization)).ToList())
            apply.MakeGenericMethod(entity.ClrType).Invoke(this, [builder, level]);

        builder.Entity<Organization>().HasQueryFilter(level switch
        {
            ScopeLevel.District => o => o.DistrictId == ScopeDistrictId,
            ScopeLevel.Center => o => o.DistrictId == ScopeDistrictId && o.CenterId == ScopeCenterId,
            _ => (Expression<Func<Organization, bool>>)(o => o.DistrictId == ScopeDistrictId && o.Id == ScopeOrganizationId),
        });
        builder.Entity<AuditEntry>().HasQueryFilter(e => e.DistrictId == ScopeDistrictId);
        builder.Entity<StaffRoleAssignment>().HasQueryFilter(e => e.DistrictId == ScopeDistrictId);
        builder.Entity<RecordNumberSequence>().HasQueryFilter(e => e.DistrictId == ScopeDistrictId);
    }

    private void ApplyScopeFilter<T>(ModelBuilder builder, ScopeLevel level) where T : class, IScoped
    {
        Expression<Func<T, bool>> filter = level switch
        {
            ScopeLevel.District => e => e.DistrictId == ScopeDistrictId,
            ScopeLevel.Center => e => e.DistrictId == ScopeDistrictId && e.CenterId == ScopeCenterId,
            _ => e => e.DistrictId == ScopeDistrictId && e.OrganizationId == ScopeOrganizationId,
        };
        builder.Entity<T>().HasQueryFilter(filter);
    }

    /// <summary>
    /// Changes are detected once per save. Left to EF Core, a save compares every tracked entity with its snapshot three
    /// times: for <see cref="PrepareForSave"/>'s walk over the entries, for the SQLite write gate's "has changes" test and
    /// inside SaveChanges itself — the last while the gate, SQLite's single writer, is held (a profile of the follow-up
    /// row: 8 % of the system's CPU in change detection). <see cref="PrepareForSave"/> sets values through the change
    /// tracker, which records them without another comparison.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            PrepareForSave();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            PrepareForSave();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = true; }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
        {
            PrepareForSave();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            PrepareForSave();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally { ChangeTracker.AutoDetectChangesEnabled = true; }
    }

    /// <summary>
    /// Refuses to write rows outside the context's scope (defence in depth behind the handlers'
    /// checks) and fills the district key of Identity's side tables from their user.
    /// </summary>
    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IScoped scoped && !Scope.Contains(scoped))
                throw new InvalidOperationException($"Write outside data scope: {entry.Metadata.ClrType.Name}");
            if (entry.Entity is IDistrictOwned owned && owned.DistrictId == Guid.Empty)
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} has no district key");
            if (entry.State == EntityState.Added && entry.Metadata.FindProperty(nameof(IDistrictOwned.DistrictId)) is { } shadow
                && shadow.IsShadowProperty() && entry.Property(shadow.Name).CurrentValue is Guid district && district == Guid.Empty)
            {
                var userId = (Guid)entry.Property("UserId").CurrentValue!;
                var user = Users.Local.FirstOrDefault(u => u.Id == userId) ?? Users.IgnoreQueryFilters().First(u => u.Id == userId);
                entry.Property(shadow.Name).CurrentValue = user.DistrictId;
            }
        }
    }
}
