#nullable disable
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using FhirImmunization = Hl7.Fhir.Model.Immunization;
using Task = System.Threading.Tasks.Task;

namespace CommunityHealth.Web.Tests.Immunization;

/// <summary>
/// What the regional platform sends (issue 19): doses given elsewhere for residents without a vaccination record,
/// historical doses the rules judge invalid (kept, marked invalid, not counted), and ImmunizationEvaluation.
/// </summary>
public abstract class TranscribedDoseFhirTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Nip = "https://fhir.communityhealth.cn/CodeSystem/nip-vaccine";
    private const string DoseStatus = "http://terminology.hl7.org/CodeSystem/immunization-evaluation-dose-status";
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static int _seq = 700;
    private static DateOnly Today => ImmunizationApiTests<TApp>.Today;

    private static StringContent Body(Resource r) => new(JsonSerializer.Serialize(r, r.GetType(), Fhir), Encoding.UTF8, "application/fhir+json");
    private static async Task<T> ReadAsync<T>(HttpResponseMessage r) where T : Resource => JsonSerializer.Deserialize<T>(await r.Content.ReadAsStringAsync(), Fhir);

    private static FhirImmunization Dose(string resident, string code, DateOnly day, bool? primarySource, string lot = null) => new()
    {
        Status = FhirImmunization.ImmunizationStatusCodes.Completed,
        VaccineCode = new CodeableConcept(Nip, code),
        Patient = new ResourceReference($"Patient/{resident}"),
        Occurrence = new FhirDateTime(day.ToString("yyyy-MM-dd")),
        PrimarySource = primarySource,
        LotNumber = lot,
    };

    /// <summary>A child with a health record (建档) but no vaccination record (接种档案).</summary>
    private static async Task<string> ResidentAsync(HttpClient client, DateOnly birth, string contactName = null, string contactPhone = null)
    {
        var station = (await client.GetJsonAsync("/api/organizations")).Items().First(o => o.Str("kind") == "Station").Str("id");
        var n = Interlocked.Increment(ref _seq);
        var r = await client.PostAsJsonAsync("/api/residents", new
        {
            organizationId = station,
            record = new { name = "外接种" + (char)('甲' + n % 10), documentType = "01", documentNumber = IdCardNumber.Compose("330106", birth, n * 2 % 1000), residenceType = "1", contactName, contactPhone },
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync()).Str("id");
    }

    private static async Task<FhirImmunization> PostAsync(HttpClient client, FhirImmunization dose)
    {
        var r = await client.PostAsync("/fhir/Immunization", Body(dose));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await ReadAsync<FhirImmunization>(r);
    }

    [Fact]
    public async Task A_dose_for_a_resident_without_a_vaccination_record_opens_the_record_with_the_dose_and_its_audit_rows()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-2);
        var resident = await ResidentAsync(nurse, birth, "李娟", "13955550001");
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/api/residents/{resident}/vaccinee")).StatusCode);

        var created = await PostAsync(nurse, Dose(resident, "HepB", birth, primarySource: false));
        Assert.False(created.IsSubpotent);
        var listed = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/Immunization?patient={resident}"));
        Assert.Equal(created.Id, listed.Entry.Single().Resource.Id);

        // the record says what the health record knows: the contact as guardian, no certificate, the mother's HBsAg unknown
        var vaccinee = await nurse.GetJsonAsync($"/api/residents/{resident}/vaccinee");
        Assert.Equal("", vaccinee.Str("certificateNumber"));
        Assert.Equal(("李娟", "13955550001", ""), (vaccinee.Str("guardianName"), vaccinee.Str("guardianPhone"), vaccinee.Str("guardianRelation")));
        Assert.Equal("Unknown", vaccinee.Str("motherHBsAg"));
        Assert.Equal(created.Id, vaccinee.GetProperty("doses").Items().Single().Str("id"));
        var vaccineeId = vaccinee.Str("id");
        await using (var db = app.SystemDb())
        {
            var audit = await db.AuditEntries.Where(a => (a.EntityId == vaccineeId || a.EntityId == created.Id) && a.Action == "create").ToListAsync();
            Assert.Equal(["VaccinationDose", "Vaccinee"], audit.Select(a => a.Entity).Order());
        }

        // a second such child in the district: no certificate number is not a duplicate certificate number
        var other = await ResidentAsync(nurse, birth.AddDays(3));
        await PostAsync(nurse, Dose(other, "BCG", birth.AddDays(3), primarySource: false));
        var second = await nurse.GetJsonAsync($"/api/residents/{other}/vaccinee");
        Assert.Equal(("", ""), (second.Str("certificateNumber"), second.Str("guardianName")));

        // registering the child at the clinic completes the record that was opened; the dose stays
        var registered = await nurse.PostAsJsonAsync("/api/vaccinees", new
        {
            residentId = resident, certificateNumber = $"JZ{Guid.NewGuid():N}"[..20], guardianName = "李娟", guardianRelation = "母亲", guardianPhone = "13955550001", motherHBsAg = "Negative",
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var complete = await registered.ReadJsonAsync();
        Assert.Equal((vaccineeId, "母亲", 1), (complete.Str("id"), complete.Str("guardianRelation"), complete.GetProperty("doses").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Conflict, (await nurse.PostAsJsonAsync("/api/vaccinees", new
        {
            residentId = resident, certificateNumber = $"JZ{Guid.NewGuid():N}"[..20], guardianName = "李娟", guardianPhone = "13955550001",
        })).StatusCode);
    }

    [Fact]
    public async Task A_dose_for_an_unknown_or_unreachable_resident_is_an_operation_outcome_and_opens_nothing()
    {
        var nurse = await app.ClientAsync("nurse1");
        var resident = await ResidentAsync(nurse, Today.AddMonths(-1));
        await using var db = app.SystemDb();
        var (vaccinees, doses) = (await db.Vaccinees.CountAsync(), await db.VaccinationDoses.CountAsync());
        async Task Refused(HttpClient client, FhirImmunization imm, string element)
        {
            var r = await client.PostAsync("/fhir/Immunization", Body(imm));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var outcome = await ReadAsync<OperationOutcome>(r);
            Assert.Contains(outcome.Issue, i => i.Expression.Contains(element));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", outcome.Issue[0].Diagnostics);
        }
        await Refused(nurse, Dose(Guid.NewGuid().ToString(), "HepB", Today.AddDays(-3), false), "Immunization.patient");
        await Refused(await app.ClientAsync("nurse5"), Dose(resident, "HepB", Today.AddDays(-3), false), "Immunization.patient"); // out of scope
        await Refused(nurse, Dose(resident, "HepB", Today.AddMonths(-2), false), "Immunization.occurrence"); // before birth
        var malformed = await nurse.PostAsync("/fhir/Immunization", new StringContent("{\"resourceType\":\"Immunization\",\"status\":", Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Structure, (await ReadAsync<OperationOutcome>(malformed)).Issue[0].Code);
        var patient = await nurse.PostAsync("/fhir/Immunization", Body(new Patient()));
        Assert.Equal(HttpStatusCode.BadRequest, patient.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await ReadAsync<OperationOutcome>(patient)).Issue[0].Diagnostics);
        Assert.Equal((vaccinees, doses), (await db.Vaccinees.CountAsync(), await db.VaccinationDoses.CountAsync()));
    }

    [Fact]
    public async Task A_transcribed_dose_the_rules_judge_invalid_is_kept_marked_invalid_and_not_counted_by_the_forecast()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-3);
        var (resident, child, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        var lotNumber = "TR-" + Guid.NewGuid().ToString("N")[..6];
        var lot = await ImmunizationApiTests<TApp>.LotAsync(nurse, "HepB", 3, lotNumber: lotNumber);
        await PostAsync(nurse, Dose(resident, "HepB", birth, primarySource: false));

        // given now by the caller (primarySource true): today's check, a dose 10 days after the first needs a reason
        await using var db = app.SystemDb();
        var before = await db.VaccinationDoses.CountAsync(d => d.ResidentId == Guid.Parse(resident));
        var refused = await nurse.PostAsync("/fhir/Immunization", Body(Dose(resident, "HepB", birth.AddDays(10), primarySource: true)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Immunization.note", (await ReadAsync<OperationOutcome>(refused)).Issue.SelectMany(i => i.Expression));
        Assert.Equal(before, await db.VaccinationDoses.CountAsync(d => d.ResidentId == Guid.Parse(resident)));

        // the same dose transcribed from another record is a fact: stored, marked invalid with the reason, our lot untouched
        var kept = await PostAsync(nurse, Dose(resident, "HepB", birth.AddDays(10), primarySource: false, lot: lotNumber));
        Assert.True(kept.IsSubpotent);
        Assert.Contains("早于最小接种年龄", kept.SubpotentReason.Single().Text); // HepB 2 from 1 month
        Assert.False(kept.PrimarySource);
        var stored = await db.VaccinationDoses.AsNoTracking().SingleAsync(d => d.Id == Guid.Parse(kept.Id));
        Assert.False(stored.Valid);
        Assert.Contains("第2剂不计入", stored.ValidityReason);
        Assert.Equal((null, lotNumber), (stored.LotId, stored.LotNumber));
        Assert.Equal(3, (await db.VaccineLots.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(lot))).DosesOnHand);
        Assert.Contains("transcribed invalid", (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == kept.Id)).Detail);

        // the forecast counts the valid dose only: dose 2 is still the next one
        var vaccinee = await nurse.GetJsonAsync($"/api/vaccinees/{child}");
        var hepB = vaccinee.GetProperty("forecast").GetProperty("series").Items().Single(s => s.Str("series") == "HepB");
        Assert.Equal((1, 2), (hepB.GetProperty("validDoses").GetInt32(), hepB.GetProperty("next").GetProperty("doseNumber").GetInt32()));
        var shown = vaccinee.GetProperty("doses").Items().Single(d => d.Str("id") == kept.Id);
        Assert.False(shown.GetProperty("valid").GetBoolean());
        var recommendation = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/ImmunizationRecommendation?patient={resident}"));
        var hepBNext = ((ImmunizationRecommendation)recommendation.Entry.Single().Resource).Recommendation.Single(r => r.Series == "乙肝疫苗");
        Assert.Equal(2, ((PositiveInt)hepBNext.DoseNumber).Value);
        Assert.Contains("已有1剂有效", hepBNext.Description);

        // a transcribed dose never names a lot of our stock
        var withLot = await nurse.PostAsJsonAsync($"/api/vaccinees/{child}/visits", new { doses = new[] { new { vaccine = "HepB", givenAt = ImmunizationApiTests<TApp>.At(birth.AddMonths(1)), lotId = lot, transcribed = true } } });
        await ProblemAssert.FieldErrorAsync(withLot, "doses[0].lotId");
    }

    [Fact]
    public async Task ImmunizationEvaluation_says_for_each_dose_whether_it_counts_and_why()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-3);
        var resident = await ResidentAsync(nurse, birth);
        var first = await PostAsync(nurse, Dose(resident, "HepB", birth, primarySource: false));
        var early = await PostAsync(nurse, Dose(resident, "HepB", birth.AddDays(10), primarySource: false));

        var search = await nurse.GetAsync($"/fhir/ImmunizationEvaluation?patient=Patient/{resident}");
        Assert.Equal("application/fhir+json", search.Content.Headers.ContentType?.MediaType);
        var bundle = await ReadAsync<Bundle>(search);
        Assert.Equal(2, bundle.Total);
        var evaluations = bundle.Entry.Select(e => (ImmunizationEvaluation)e.Resource).ToList();
        var valid = evaluations.Single(e => e.ImmunizationEvent.Reference == $"Immunization/{first.Id}");
        Assert.Equal(("valid", 1), (valid.DoseStatus.Coding.Single().Code, ((PositiveInt)valid.DoseNumber).Value));
        var notValid = evaluations.Single(e => e.Id == early.Id);
        Assert.Equal(ImmunizationEvaluation.ImmunizationEvaluationStatusCodes.Completed, notValid.Status);
        Assert.Equal($"Patient/{resident}", notValid.Patient.Reference);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), notValid.Date);
        Assert.Contains("国家免疫规划疫苗儿童免疫程序", notValid.Authority.Display);
        Assert.Equal("乙型病毒性肝炎", notValid.TargetDisease.Text);
        Assert.Equal($"Immunization/{early.Id}", notValid.ImmunizationEvent.Reference);
        Assert.Equal((DoseStatus, "notvalid"), (notValid.DoseStatus.Coding.Single().System, notValid.DoseStatus.Coding.Single().Code));
        Assert.Contains("第2剂不计入：早于最小接种年龄", notValid.DoseStatusReason.Single().Text);
        Assert.Equal(("乙肝疫苗", 2), (notValid.Series, ((PositiveInt)notValid.DoseNumber).Value));

        var onlyInvalid = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/ImmunizationEvaluation?patient={resident}&dose-status={DoseStatus}|notvalid"));
        Assert.Equal(early.Id, onlyInvalid.Entry.Single().Resource.Id);
        var read = await ReadAsync<ImmunizationEvaluation>(await nurse.GetAsync($"/fhir/ImmunizationEvaluation/{early.Id}"));
        Assert.Equal(("notvalid", notValid.DoseStatusReason[0].Text), (read.DoseStatus.Coding[0].Code, read.DoseStatusReason[0].Text));

        // reads are audited naming the child
        await app.FlushAuditAsync();
        await using (var db = app.SystemDb())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == resident && a.Action == "view" && a.Detail.Contains("ImmunizationEvaluation")));

        // an unknown patient (or one outside the caller's scope) is a 404 OperationOutcome; no patient is a 400
        async Task Answers(HttpClient client, string url, HttpStatusCode status)
        {
            var r = await client.GetAsync(url);
            Assert.Equal(status, r.StatusCode);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await ReadAsync<OperationOutcome>(r)).Issue[0].Diagnostics);
        }
        await Answers(nurse, $"/fhir/ImmunizationEvaluation?patient={Guid.NewGuid()}", HttpStatusCode.NotFound);
        await Answers(nurse, "/fhir/ImmunizationEvaluation?patient=not-a-guid", HttpStatusCode.NotFound);
        await Answers(await app.ClientAsync("nurse5"), $"/fhir/ImmunizationEvaluation?patient={resident}", HttpStatusCode.NotFound);
        await Answers(await app.ClientAsync("nurse5"), $"/fhir/ImmunizationEvaluation/{early.Id}", HttpStatusCode.NotFound);
        await Answers(nurse, $"/fhir/ImmunizationEvaluation/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await Answers(nurse, "/fhir/ImmunizationEvaluation", HttpStatusCode.BadRequest);
        await Answers(nurse, $"/fhir/ImmunizationEvaluation?patient={resident}&dose-status=maybe", HttpStatusCode.BadRequest);

        // a resident with no vaccination record has nothing evaluated yet
        var none = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/ImmunizationEvaluation?patient={await ResidentAsync(nurse, birth)}"));
        Assert.Equal(0, none.Total);

        var meta = await ReadAsync<CapabilityStatement>(await nurse.GetAsync("/fhir/metadata"));
        var capability = meta.Rest[0].Resource.Single(r => r.Type == "ImmunizationEvaluation");
        Assert.Equal(["read", "search-type"], capability.Interaction.Select(i => i.Code!.Value.ToString().ToLowerInvariant().Replace("searchtype", "search-type")));
        Assert.Contains(capability.SearchParam, p => p.Name == "patient" && p.Type == SearchParamType.Reference);
    }
}

public sealed class TranscribedDoseFhirTestsSqlite(SqliteApp app) : TranscribedDoseFhirTests<SqliteApp>(app);
public sealed class TranscribedDoseFhirTestsPostgres(PostgresApp app) : TranscribedDoseFhirTests<PostgresApp>(app);
