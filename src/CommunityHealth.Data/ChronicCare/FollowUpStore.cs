using CommunityHealth.Data.Examinations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.ChronicCare;

namespace CommunityHealth.Data.ChronicCare;

/// <inheritdoc cref="IFollowUpStore"/>
public sealed class FollowUpStore : IFollowUpStore
{
    private static readonly string[] SubjectColumns = [nameof(Resident.Id), nameof(Resident.DistrictId), nameof(Resident.CenterId), nameof(Resident.OrganizationId),
        nameof(Resident.BirthDate), nameof(Resident.Status)];
    private static readonly string[] HeightColumns = [nameof(Examination.HeightCm)];
    private static readonly string[] HistoryColumns = [nameof(ChronicVisit.Id), nameof(ChronicVisit.VisitDate), nameof(ChronicVisit.CreatedAt),
        nameof(ChronicVisit.HypertensionClass), nameof(ChronicVisit.DiabetesClass), nameof(ChronicVisit.Mode), nameof(ChronicVisit.ForHypertension),
        nameof(ChronicVisit.ForDiabetes), nameof(ChronicVisit.BpControlled), nameof(ChronicVisit.GlucoseControlled)];

    private static readonly string[] SyncedColumns = [nameof(ChronicMonthStat.Visits), nameof(ChronicMonthStat.FaceToFace), nameof(ChronicMonthStat.LastVisitOn),
        nameof(ChronicMonthStat.LastControlled), nameof(ChronicMonthStat.NextMonth), nameof(ChronicMonthStat.RegisteredOn), nameof(ChronicMonthStat.DeregisteredOn),
        nameof(ChronicMonthStat.CenterId), nameof(ChronicMonthStat.OrganizationId), nameof(ChronicMonthStat.UpdatedAt)];
    private static readonly string[] Rejudged = [nameof(ChronicVisit.HypertensionReasons), nameof(ChronicVisit.DiabetesReasons), nameof(ChronicVisit.NextVisitOn),
        nameof(ChronicVisit.ProposedNextVisit), nameof(ChronicVisit.ReferralAdvised)];
    private static readonly string[] RegistrationOutcome = [nameof(ChronicRegistration.LastVisitOn), nameof(ChronicRegistration.LastClass),
        nameof(ChronicRegistration.LastControlled), nameof(ChronicRegistration.NextVisitOn), nameof(ChronicRegistration.ConsecutiveUnsatisfactory),
        nameof(ChronicRegistration.UpdatedAt)];

    /// <summary>
    /// One hand-written command of five statements, each carrying the scope's conditions (decision 0008): one round trip on
    /// PostgreSQL, and on SQLite none of the five LINQ queries' fixed cost, which a profile of the follow-up row showed as
    /// a quarter of the application's CPU per visit.
    /// </summary>
    public async Task<FollowUpSubject?> ReadSubjectAsync(HealthDbContext db, Guid residentId, int visitYear, CancellationToken ct)
    {
        var subject = RowReader<Resident>.For(db, SubjectColumns);
        var heights = RowReader<Examination>.For(db, HeightColumns);
        var registrations = RowReader<ChronicRegistration>.For(db);
        var stats = RowReader<ChronicMonthStat>.For(db);
        var visits = RowReader<ChronicVisit>.For(db, HistoryColumns);
        Resident? resident = null;
        decimal? height = null;
        List<ChronicRegistration> regs = [];
        List<ChronicMonthStat> rows = [];
        List<ChronicVisit> history = [];
        await using (var read = await RawReads.OpenAsync(db, ct))
        await using (var cmd = read.Command())
        {
            var scope = cmd.ScopeCondition(db);
            cmd.Add(db, "@id", residentId);
            cmd.Add(db, "@year", visitYear);
            cmd.Add(db, "@active", (int)RegistrationStatus.Active);
            cmd.CommandText = $"""
                SELECT {subject.Columns} FROM residents WHERE "Id" = @id AND {scope};
                SELECT {heights.Columns} FROM examinations WHERE "ResidentId" = @id AND "HeightCm" IS NOT NULL AND {scope} ORDER BY "ExamDate" DESC LIMIT 1;
                SELECT {registrations.Columns} FROM chronic_registrations WHERE "ResidentId" = @id AND "Status" = @active AND {scope};
                SELECT {stats.Columns} FROM chronic_month_stats WHERE "ResidentId" = @id AND "Year" = @year AND {scope};
                {ChainSql(db, scope)}
                """;
            await using var r = await read.ExecuteReaderAsync(cmd, ct);
            if (await r.ReadAsync(ct)) resident = subject.Read(r);
            await r.NextResultAsync(ct);
            if (await r.ReadAsync(ct)) height = heights.Read(r).HeightCm;
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) regs.Add(registrations.Read(r));
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) rows.Add(stats.Read(r));
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) history.Add(visits.Read(r));
        }
        if (resident is null) return null;
        return new FollowUpSubject(resident.Id, resident.DistrictId, resident.CenterId, resident.OrganizationId, resident.BirthDate, resident.Status, height, regs, rows, history);
    }

    /// <summary>
    /// A patient's chain of visits, the columns <see cref="HistoryColumns"/> only: all of them (and the scope's) are in the
    /// covering index <c>IX_chronic_visits_chain</c>, so the read never touches the table (tested on SQLite's plan).
    /// </summary>
    public static string ChainSql(HealthDbContext db, string scope) =>
        $"SELECT {RowReader<ChronicVisit>.For(db, HistoryColumns).Columns} FROM chronic_visits WHERE \"ResidentId\" = @id AND {scope}";

    /// <summary>The save, hand-written (docs/decisions/0012): the visit, its measurements, the year's rows, the later visits, the registrations.</summary>
    public async Task SaveAsync(HealthDbContext db, FollowUpSave save, CancellationToken ct)
    {
        var write = new RawWrite(db).Insert(save.Visit);
        foreach (var m in save.Measurements) write.Insert(m);
        foreach (var (row, change) in save.Stats)
        {
            switch (change)
            {
                case RowChange.Insert: write.Insert(row); break;
                case RowChange.Update: write.Update(row, SyncedColumns); break;
                default: write.Delete(row); break;
            }
        }
        foreach (var v in save.Rejudged) write.Update(v, Rejudged);
        foreach (var reg in save.Registrations) write.Update(reg, RegistrationOutcome);
        await using var tx = await db.BeginWriteAsync(ct);
        await write.ExecuteAsync(ct);
        await tx.CommitAsync(ct);
    }
}
