#nullable disable
using System.Net;
using System.Text;
using System.Text.Json;
using CommunityHealth.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using FhirImmunization = Hl7.Fhir.Model.Immunization;
using Task = System.Threading.Tasks.Task;

namespace CommunityHealth.Web.Tests.Immunization;

/// <summary>FHIR Immunization, ImmunizationRecommendation and the NIP CodeSystem.</summary>
public abstract class ImmunizationFhirTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private const string Nip = "https://fhir.communityhealth.cn/CodeSystem/nip-vaccine";
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static DateOnly Today => ImmunizationApiTests<TApp>.Today;

    private static StringContent Body(Resource r) => new(JsonSerializer.Serialize(r, r.GetType(), Fhir), Encoding.UTF8, "application/fhir+json");
    private static async Task<T> ReadAsync<T>(HttpResponseMessage r) where T : Resource => JsonSerializer.Deserialize<T>(await r.Content.ReadAsStringAsync(), Fhir);

    private static FhirImmunization Dose(string resident, string code, string when, string lot = null) => new()
    {
        Status = FhirImmunization.ImmunizationStatusCodes.Completed,
        VaccineCode = new CodeableConcept(Nip, code),
        Patient = new ResourceReference($"Patient/{resident}"),
        Occurrence = new FhirDateTime(when),
        LotNumber = lot,
    };

    [Fact]
    public async Task Immunization_create_read_search_and_the_dose_number_computed_by_the_server()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-3);
        var (resident, _, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        var lotNumber = "FHIR-" + Guid.NewGuid().ToString("N")[..6];
        var lot = await ImmunizationApiTests<TApp>.LotAsync(nurse, "HepB", 3, lotNumber: lotNumber);

        var first = await nurse.PostAsync("/fhir/Immunization", Body(Dose(resident, "HepB", birth.ToString("yyyy-MM-dd"))));
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var second = await nurse.PostAsync("/fhir/Immunization", Body(Dose(resident, "HepB", $"{Today.AddDays(-1):yyyy-MM-dd}T10:30:00+08:00", lotNumber)));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var created = await ReadAsync<FhirImmunization>(second);
        Assert.Equal(2, ((PositiveInt)created.ProtocolApplied.Single().DoseNumber).Value);
        Assert.Equal(lotNumber, created.LotNumber);
        Assert.False(created.IsSubpotent);
        Assert.EndsWith($"/fhir/Immunization/{created.Id}", second.Headers.Location!.ToString());

        var read = await ReadAsync<FhirImmunization>(await nurse.GetAsync($"/fhir/Immunization/{created.Id}"));
        Assert.Equal("HepB", read.VaccineCode.Coding.Single().Code);
        Assert.Equal(Nip, read.VaccineCode.Coding.Single().System);
        Assert.Equal($"{Today.AddDays(-1):yyyy-MM-dd}T10:30:00+08:00", ((FhirDateTime)read.Occurrence).Value);
        await using (var db = app.SystemDb())
            Assert.Equal(2, (await db.VaccineLots.SingleAsync(l => l.Id == Guid.Parse(lot))).DosesOnHand);

        var byPatient = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/Immunization?patient=Patient/{resident}"));
        Assert.Equal(2, byPatient.Total);
        var byDate = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/Immunization?patient={resident}&date=ge{Today.AddDays(-1):yyyy-MM-dd}"));
        Assert.Equal(created.Id, byDate.Entry.Single().Resource.Id);
        var other = await app.ClientAsync("nurse5");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/fhir/Immunization/{created.Id}")).StatusCode);
        Assert.Equal(0, (await ReadAsync<Bundle>(await other.GetAsync($"/fhir/Immunization?patient={resident}"))).Total);
    }

    [Fact]
    public async Task Bad_immunizations_get_an_operation_outcome_naming_the_element_and_nothing_is_stored()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-4);
        var (resident, _, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        var mmrLot = "MMR-" + Guid.NewGuid().ToString("N")[..6];
        await ImmunizationApiTests<TApp>.LotAsync(nurse, "MMR", 3, lotNumber: mmrLot);
        await using var db = app.SystemDb();
        var before = await db.VaccinationDoses.CountAsync();
        async Task Refused(FhirImmunization imm, string element)
        {
            var r = await nurse.PostAsync("/fhir/Immunization", Body(imm));
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var outcome = await ReadAsync<OperationOutcome>(r);
            Assert.Contains(outcome.Issue, i => i.Expression.Contains(element));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", outcome.Issue[0].Diagnostics);
        }
        await Refused(Dose(resident, "IPV", birth.AddDays(-2).ToString("yyyy-MM-dd")), "Immunization.occurrence");
        await Refused(Dose(resident, "IPV", Today.AddDays(3).ToString("yyyy-MM-dd")), "Immunization.occurrence");
        await Refused(Dose(resident, "PCV13", Today.ToString("yyyy-MM-dd")), "Immunization.vaccineCode");
        await Refused(Dose(resident, "IPV", Today.ToString("yyyy-MM-dd"), mmrLot), "Immunization.lotNumber");
        Assert.Equal(before, await db.VaccinationDoses.CountAsync());
    }

    [Fact]
    public async Task ImmunizationRecommendation_as_of_a_date_with_loinc_date_criteria()
    {
        var nurse = await app.ClientAsync("nurse1");
        var birth = Today.AddMonths(-3).AddDays(-10);
        var (resident, child, _) = await ImmunizationApiTests<TApp>.ChildAsync(nurse, birth);
        await nurse.PostAsync("/fhir/Immunization", Body(Dose(resident, "HepB", birth.ToString("yyyy-MM-dd"))));
        await nurse.PostAsync("/fhir/Immunization", Body(Dose(resident, "BCG", birth.ToString("yyyy-MM-dd"))));

        var bundle = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/ImmunizationRecommendation?patient={resident}&date={Today:yyyy-MM-dd}"));
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var rec = (ImmunizationRecommendation)bundle.Entry.Single().Resource;
        Assert.Equal(9, rec.Recommendation.Count);
        var hepB = rec.Recommendation.Single(r => r.VaccineCode.Single().Coding.Any(c => c.Code == "HepB"));
        Assert.Equal(2, ((PositiveInt)hepB.DoseNumber).Value);
        Assert.Equal("overdue", hepB.ForecastStatus.Coding.Single().Code);
        Assert.Equal(birth.AddMonths(1).ToString("yyyy-MM-dd"), hepB.DateCriterion.Single(c => c.Code.Coding[0].Code == "30981-5").Value);
        Assert.Equal(birth.AddMonths(1).ToString("yyyy-MM-dd"), hepB.DateCriterion.Single(c => c.Code.Coding[0].Code == "30980-7").Value);
        Assert.Contains("乙肝疫苗", hepB.ForecastReason.Single().Text);
        var bcg = rec.Recommendation.Single(r => r.VaccineCode.Single().Coding.Any(c => c.Code == "BCG"));
        Assert.Equal("complete", bcg.ForecastStatus.Coding.Single().Code);
        Assert.Empty(bcg.DateCriterion);
        var mmr = rec.Recommendation.Single(r => r.VaccineCode.Single().Coding.Any(c => c.Code == "MMR"));
        Assert.Equal("not-due", mmr.ForecastStatus.Coding.Single().Code);

        // as of an earlier date: the birth day itself, HepB 2 not yet due
        var atBirth = await ReadAsync<Bundle>(await nurse.GetAsync($"/fhir/ImmunizationRecommendation?patient=Patient/{resident}&date={birth.AddDays(1):yyyy-MM-dd}"));
        var early = ((ImmunizationRecommendation)atBirth.Entry.Single().Resource).Recommendation.Single(r => r.VaccineCode.Single().Coding.Any(c => c.Code == "HepB"));
        Assert.Equal("not-due", early.ForecastStatus.Coding.Single().Code);

        var bad = await nurse.GetAsync($"/fhir/ImmunizationRecommendation?patient={resident}&date=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var other = await app.ClientAsync("nurse5");
        Assert.Empty((await ReadAsync<Bundle>(await other.GetAsync($"/fhir/ImmunizationRecommendation?patient={resident}"))).Entry);
        Assert.NotEmpty(child);
    }

    [Fact]
    public async Task The_nip_code_system_has_exactly_the_thirteen_codes()
    {
        var client = await app.ClientAsync("nurse1");
        var cs = await ReadAsync<CodeSystem>(await client.GetAsync("/fhir/CodeSystem/nip-vaccine"));
        Assert.Equal(Nip, cs.Url);
        Assert.Equal(["HepB", "BCG", "IPV", "bOPV", "DTaP", "DT", "MMR", "JE-L", "JE-I", "MPSV-A", "MPSV-AC", "HepA-L", "HepA-I"], cs.Concept.Select(c => c.Code));
        var search = await ReadAsync<Bundle>(await client.GetAsync($"/fhir/CodeSystem?url={Uri.EscapeDataString(Nip)}"));
        Assert.Equal(1, search.Total);
        var meta = await ReadAsync<CapabilityStatement>(await client.GetAsync("/fhir/metadata"));
        Assert.Contains(meta.Rest[0].Resource, r => r.Type == "ImmunizationRecommendation");
    }
}

public sealed class ImmunizationFhirTestsSqlite(SqliteApp app) : ImmunizationFhirTests<SqliteApp>(app);
public sealed class ImmunizationFhirTestsPostgres(PostgresApp app) : ImmunizationFhirTests<PostgresApp>(app);
