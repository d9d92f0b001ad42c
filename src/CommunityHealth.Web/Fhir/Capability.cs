using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Fhir;

/// <summary>The CapabilityStatement: grows as modules add resources.</summary>
public static class Capability
{
    private static readonly (string Type, string[] Interactions, string[] SearchParams)[] Resources =
    [
        ("Organization", ["read", "search-type"], ["_id", "name", "identifier", "partof", "active"]),
        ("Practitioner", ["read", "search-type"], ["_id", "name", "identifier", "active"]),
        ("Patient", ["read", "search-type", "create", "update"], ["identifier", "name", "birthdate", "gender", "_count"]),
        ("Immunization", ["read", "search-type", "create"], ["patient", "date", "_count"]),
        ("ImmunizationRecommendation", ["search-type"], ["patient", "date"]),
        ("Condition", ["read", "search-type"], ["patient", "code", "onset-date", "recorded-date", "clinical-status", "_count"]),
        ("Observation", ["read", "search-type"], ["patient", "code", "date", "_count"]),
        ("CodeSystem", ["read", "search-type"], ["url"]),
    ];

    public static CapabilityStatement Build(string baseUrl) => new()
    {
        Status = PublicationStatus.Active,
        Date = "2026-11-23",
        Kind = CapabilityStatementKind.Instance,
        Name = "CommunityHealth",
        Title = "社区卫生服务信息系统 FHIR 接口",
        Publisher = "CommunityHealth",
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Software = new CapabilityStatement.SoftwareComponent { Name = "CommunityHealth" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "社区卫生服务信息系统", Url = baseUrl },
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Security = new CapabilityStatement.SecurityComponent
                {
                    Description = "Bearer token from POST /api/auth/token; data scope follows the user's organisation.",
                },
                Resource = Resources.Select(r => new CapabilityStatement.ResourceComponent
                {
                    Type = r.Type,
                    Interaction = r.Interactions.Select(i => new CapabilityStatement.ResourceInteractionComponent
                    {
                        Code = Enum.Parse<CapabilityStatement.TypeRestfulInteraction>(i.Replace("-", ""), ignoreCase: true),
                    }).ToList(),
                    SearchParam = r.SearchParams.Select(p => new CapabilityStatement.SearchParamComponent
                    {
                        Name = p,
                        Type = p switch { "name" => SearchParamType.String, "partof" or "patient" => SearchParamType.Reference, "birthdate" or "date" => SearchParamType.Date, "url" => SearchParamType.Uri, "_count" => SearchParamType.Number, _ => SearchParamType.Token },
                    }).ToList(),
                }).ToList(),
            },
        ],
    };
}
