using System.Collections.Concurrent;
using System.Reflection;
using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Platform.Fhir;

/// <summary>
/// The patients a FHIR answer is about: a Patient's own id, and every other resource's top-level reference to
/// <c>Patient/{id}</c> (Immunization.patient, Condition.subject, Observation.subject …); a Bundle is the union of its entries.
/// Read from the model, so a resource type added later is covered without a table here.
/// </summary>
public static class FhirSubjects
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> References = new();

    public static bool Collect(Resource resource, ISet<DataSubject> into)
    {
        switch (resource)
        {
            case Bundle bundle:
                foreach (var entry in bundle.Entry)
                    if (entry.Resource is { } r) Collect(r, into);
                return true;
            case Patient patient:
                if (Guid.TryParse(patient.Id, out var id)) into.Add(new DataSubject("Resident", id));
                return true;
            default:
                var refs = ReferencesOf(resource.GetType());
                foreach (var p in refs)
                    if (p.GetValue(resource) is ResourceReference { Reference: { } reference } && PatientId(reference) is { } pid)
                        into.Add(new DataSubject("Resident", pid));
                return refs.Length > 0;
        }
    }

    /// <summary>Whether resources of FHIR type <paramref name="type"/> can be about a patient (an empty search of them still is).</summary>
    public static bool CanCarry(string type) =>
        type == "Patient" || (ModelInfo.GetTypeForFhirType(type) is { } t && typeof(Resource).IsAssignableFrom(t) && ReferencesOf(t).Length > 0);

    private static PropertyInfo[] ReferencesOf(Type type) => References.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(ResourceReference) && p.Name is "Patient" or "Subject").ToArray());

    private static Guid? PatientId(string reference)
    {
        var slash = reference.LastIndexOf("Patient/", StringComparison.Ordinal);
        return slash >= 0 && Guid.TryParse(reference.AsSpan(slash + "Patient/".Length), out var id) ? id : null;
    }
}
