using CommunityHealth.Domain.Organizations;
using CommunityHealth.Web.Modules.Staff;
using Hl7.Fhir.Model;

namespace CommunityHealth.Web.Modules.Organizations.Fhir;

/// <summary>Pure mappings from the system's DTOs to FHIR R4 resources.</summary>
public static class FhirMappings
{
    public const string DivisionCodeSystem = "https://communityhealth.example.cn/fhir/sid/division-code";
    public const string OrgLevelSystem = "https://communityhealth.example.cn/fhir/CodeSystem/organization-level";
    public const string StaffLoginSystem = "https://communityhealth.example.cn/fhir/sid/staff-login";
    public const string StaffRoleSystem = "https://communityhealth.example.cn/fhir/CodeSystem/staff-role";

    public static Organization ToFhir(OrganizationDto o)
    {
        var org = new Organization
        {
            Id = o.Id.ToString(),
            Active = o.IsActive,
            Name = o.Name,
            Identifier = [new Identifier(DivisionCodeSystem, o.DivisionCode)],
            Type =
            [
                new CodeableConcept(OrgLevelSystem, o.Kind.ToString().ToLowerInvariant(), LevelName(o.Kind)),
                new CodeableConcept("http://terminology.hl7.org/CodeSystem/organization-type",
                    o.Kind == OrganizationKind.Bureau ? "govt" : "prov", o.Kind == OrganizationKind.Bureau ? "Government" : "Healthcare Provider"),
            ],
            PartOf = o.ParentId is { } p ? new ResourceReference($"Organization/{p}") : null,
        };
        if (o.Address is not null) org.Address = [new Address { Text = o.Address, Country = "CN" }];
        if (o.Phone is not null) org.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, o.Phone)];
        return org;
    }

    public static Practitioner ToFhir(StaffDto s)
    {
        var p = new Practitioner
        {
            Id = s.Id.ToString(),
            Active = s.IsActive,
            Identifier = [new Identifier(StaffLoginSystem, s.UserName)],
            Name = [new HumanName { Text = s.DisplayName, Use = HumanName.NameUse.Official }],
            Qualification = s.Roles.Select(r => new Practitioner.QualificationComponent
            {
                Code = new CodeableConcept(StaffRoleSystem, r, RoleName(r)),
                Issuer = new ResourceReference($"Organization/{s.OrganizationId}"),
            }).ToList(),
        };
        if (s.Phone is not null) p.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, s.Phone)];
        return p;
    }

    public static string LevelName(OrganizationKind k) => k switch
    {
        OrganizationKind.Bureau => "区卫生局",
        OrganizationKind.Center => "社区卫生服务中心",
        _ => "社区卫生服务站",
    };

    public static string RoleName(string role) => Platform.Text.Get("role." + role);
}
