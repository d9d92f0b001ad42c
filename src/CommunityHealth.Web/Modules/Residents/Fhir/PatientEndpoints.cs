using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using CommunityHealth.Web.Platform.Fhir;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents.Fhir;

/// <summary>FHIR R4 Patient: create, read, update, search (identifier, name, birthdate, gender, _count/_offset).</summary>
public static class PatientEndpoints
{
    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient/{id}", async (string id, CurrentUser user, GetResident h, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Patient", id));
            var outcome = await h.HandleAsync(await user.GetAsync(), guid, ct);
            return outcome.IsSuccess ? FhirJson.Ok(PatientMapping.ToFhir(outcome.Value)) : FhirJson.Outcome(outcome.Error!);
        });

        fhir.MapPost("/Patient", async (HttpRequest request, CurrentUser user, RegisterResidentHandler h, CancellationToken ct) =>
        {
            var (patient, parseError) = await ReadAsync(request, ct);
            if (patient is null) return parseError!;
            var (cmd, invalid) = PatientMapping.FromFhir(patient, null);
            if (invalid is not null) return Outcome(invalid);
            var outcome = await h.HandleAsync(await user.GetAsync(), cmd!, ct);
            if (!outcome.IsSuccess) return Outcome(outcome.Error!);
            request.HttpContext.Response.Headers.Location = $"{FhirEndpoints.BaseUrl(request.HttpContext)}/Patient/{outcome.Value.Id}";
            return FhirJson.Ok(PatientMapping.ToFhir(outcome.Value), 201);
        });

        fhir.MapPut("/Patient/{id}", async (string id, HttpRequest request, CurrentUser user, GetResident get, TransferResidentHandler transfer, UpdateResident update,
            CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return FhirJson.Outcome(new NotFound("Patient", id));
            var (patient, parseError) = await ReadAsync(request, ct);
            if (patient is null) return parseError!;
            if (patient.Id is { } bodyId && bodyId != id)
                return FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.fhir.id_mismatch"), "Patient.id"), 400);
            var staff = await user.GetAsync();
            var current = await get.HandleAsync(staff, guid, ct);
            if (!current.IsSuccess) return FhirJson.Outcome(current.Error!);
            var (cmd, invalid) = PatientMapping.FromFhir(patient, current.Value.Record);
            if (invalid is not null) return Outcome(invalid);
            if (cmd!.OrganizationId is { } org && org != current.Value.OrganizationId)
            {
                var moved = await transfer.HandleAsync(staff, guid, new TransferResident(org, null), ct);
                if (!moved.IsSuccess) return Outcome(moved.Error!);
            }
            var outcome = await update.HandleAsync(staff, guid, cmd.Record, ct);
            return outcome.IsSuccess ? FhirJson.Ok(PatientMapping.ToFhir(outcome.Value)) : Outcome(outcome.Error!);
        });

        fhir.MapGet("/Patient", async (HttpContext http, CurrentUser user, ScopedDb dbs, TimeProvider clock, CancellationToken ct) =>
        {
            var staff = await user.GetAsync();
            await using var db = dbs.For(staff);
            var q = db.Residents.AsNoTracking().Include(r => r.Conditions).Where(r => r.Status != ResidentStatus.Merged);
            var query = http.Request.Query;
            if (query["identifier"].ToString() is { Length: > 0 } identifier)
            {
                var bar = identifier.IndexOf('|');
                var (system, value) = bar < 0 ? ("", identifier) : (identifier[..bar], identifier[(bar + 1)..]);
                q = system switch
                {
                    PatientMapping.IdCardSystem => q.Where(r => r.IdNumber == value.ToUpperInvariant()),
                    PatientMapping.RecordNumberSystem => q.Where(r => r.RecordNumber == value),
                    "" => q.Where(r => r.IdNumber == value.ToUpperInvariant() || r.RecordNumber == value || r.DocumentNumber == value),
                    _ when system.StartsWith(PatientMapping.DocumentSystemPrefix, StringComparison.Ordinal) =>
                        q.Where(r => r.DocumentType == system.Substring(PatientMapping.DocumentSystemPrefix.Length) && r.DocumentNumber == value),
                    _ => q.Where(r => false),
                };
            }
            if (query["name"].ToString() is { Length: > 0 } name)
            {
                var upper = ResidentSearch.UpperBound(name);
                q = q.Where(r => string.Compare(r.Name, name) >= 0 && string.Compare(r.Name, upper) < 0);
            }
            if (query["gender"].ToString() is { Length: > 0 } gender)
            {
                var sex = gender switch { "male" => "1", "female" => "2", "unknown" => "0", _ => "9" };
                q = q.Where(r => r.Sex == sex);
            }
            if (FhirDateSearch.Apply(q, query["birthdate"], r => r.BirthDate) is not { } dated)
                return FhirJson.Ok(OperationOutcomes.Issue(OperationOutcome.IssueType.Invalid, Text.Get("error.fhir.full_date"), "birthdate"), 400);
            q = dated;
            var count = int.TryParse(query["_count"], out var c) ? Math.Clamp(c, 0, 500) : 50;
            var offset = int.TryParse(query["_offset"], out var o) ? Math.Max(o, 0) : 0;
            var total = await q.CountAsync(ct);
            var rows = await q.OrderBy(r => r.Name).ThenBy(r => r.Id).Skip(offset).Take(count).ToListAsync(ct);
            var today = clock.Today();
            var resources = rows.Select(r => (Resource)PatientMapping.ToFhir(ResidentMapping.ToDto(r, today))).ToList();
            return FhirEndpoints.SearchPage(http, "Patient", resources, total, offset, count);
        });
        return fhir;
    }

    private static Task<(Patient? Patient, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct) =>
        FhirBody.ReadAsync<Patient>(request, "error.fhir.not_patient", ct);

    /// <summary>Form-field errors (and a conflict's field) named by the Patient element that carries them.</summary>
    private static IResult Outcome(Error error) => error switch
    {
        Invalid invalid => FhirJson.Ok(OperationOutcomes.FromFields(invalid.Errors.Select(e => e with { Field = PatientMapping.Elements.GetValueOrDefault(e.Field, "Patient") })), 400),
        Conflict c => FhirJson.Outcome(c with { Field = PatientMapping.Elements.GetValueOrDefault(c.Field, "Patient") }),
        _ => FhirJson.Outcome(error),
    };
}
