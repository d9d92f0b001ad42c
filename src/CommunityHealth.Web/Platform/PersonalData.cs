using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using CommunityHealth.Web.Platform.Fhir;

namespace CommunityHealth.Web.Platform;

/// <summary>One person whose data a read returned: the entity that names them (Resident, Vaccinee) and its id.</summary>
public readonly record struct DataSubject(string Entity, Guid Id);

/// <summary>
/// Marks a DTO whose <c>Id</c> is a resident's id (<c>ResidentDto</c>, <c>ResidentSummary</c>). Any other DTO names its person
/// by a <c>ResidentId</c> property (or, without one, <c>VaccineeId</c>), which <see cref="PersonalData"/> finds by itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ResidentRecordAttribute : Attribute;

/// <summary>
/// Finds the people in whatever a read returns — a DTO, a list or page of them, nested DTOs, FHIR resources and bundles —
/// by convention, so a new endpoint or page is covered without declaring anything. The walk per type is planned once by
/// reflection (which properties can lead to a person) and cached; types that cannot carry a person cost one lookup.
/// </summary>
public static class PersonalData
{
    private static readonly ConcurrentDictionary<Type, Plan?> Plans = new();

    /// <summary>The people in <paramref name="value"/>, added to <paramref name="into"/>; true when its type can carry people.</summary>
    public static bool Collect(object? value, ISet<DataSubject> into)
    {
        if (value is null) return false;
        if (value is Hl7.Fhir.Model.Resource resource) return FhirSubjects.Collect(resource, into);
        if (PlanFor(value.GetType()) is not { } plan) return false;
        plan.Collect(value, into, 0);
        return true;
    }

    /// <summary>Whether values of <paramref name="type"/> can name a person (a list of residents can, even when empty).</summary>
    public static bool CanCarry(Type type) => PlanFor(type) is not null;

    private static Plan? PlanFor(Type type) => Plans.TryGetValue(type, out var p) ? p : Build(type, []);

    private static Plan? Build(Type type, HashSet<Type> building)
    {
        if (Plans.TryGetValue(type, out var known)) return known;
        if (!building.Add(type)) return null; // a cycle: the outer plan decides
        Plan? plan = null;
        if (ElementType(type) is { } element)
        {
            if (Build(element, building) is { } inner) plan = new Plan(null, null, [], inner);
        }
        else if (IsOurs(type))
        {
            var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
            var key = Find(props, "ResidentId") is { } rid ? (rid, "Resident")
                : type.GetCustomAttribute<ResidentRecordAttribute>() is not null && Find(props, "Id") is { } id ? (id, "Resident")
                : Find(props, "VaccineeId") is { } vid ? (vid, "Vaccinee") : default((PropertyInfo, string)?);
            var nested = props.Where(p => !IsGuid(p.PropertyType))
                .Select(p => (Property: p, Plan: Build(p.PropertyType, building))).Where(x => x.Plan is not null)
                .Select(x => (x.Property, x.Plan!)).ToList();
            if (key is not null || nested.Count > 0) plan = new Plan(key?.Item1, key?.Item2, nested, null);
        }
        building.Remove(type);
        return Plans.GetOrAdd(type, plan);
    }

    private static PropertyInfo? Find(List<PropertyInfo> props, string name) => props.FirstOrDefault(p => p.Name == name && IsGuid(p.PropertyType));

    private static bool IsGuid(Type t) => t == typeof(Guid) || t == typeof(Guid?);

    private static bool IsOurs(Type t) => t.Assembly.GetName().Name?.StartsWith("CommunityHealth.", StringComparison.Ordinal) == true && !t.IsEnum;

    private static Type? ElementType(Type t)
    {
        if (t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t)) return null;
        if (t.IsArray) return t.GetElementType();
        var e = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? t
            : t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return e?.GetGenericArguments()[0];
    }

    private sealed record Plan(PropertyInfo? Key, string? Entity, List<(PropertyInfo Property, Plan Plan)> Nested, Plan? Element)
    {
        public void Collect(object value, ISet<DataSubject> into, int depth)
        {
            if (depth > 8) return;
            if (Element is not null)
            {
                foreach (var item in (IEnumerable)value)
                    if (item is not null) Element.Collect(item, into, depth + 1);
                return;
            }
            if (Key?.GetValue(value) is Guid id && id != Guid.Empty) into.Add(new DataSubject(Entity!, id));
            foreach (var (property, plan) in Nested)
                if (property.GetValue(value) is { } child) plan.Collect(child, into, depth + 1);
        }
    }
}
