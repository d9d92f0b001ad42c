using CommunityHealth.Web.Platform.Modules;
using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Platform.Fhir;

/// <summary>The CapabilityStatement, built from the resources each module declares.</summary>
public static class Capability
{
    public static CapabilityStatement Build(string baseUrl, IEnumerable<FhirResourceCapability> resources) => new()
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
                Resource = resources.Select(r => new CapabilityStatement.ResourceComponent
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
