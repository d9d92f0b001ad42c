using CommunityHealth.Domain.Organizations;

namespace CommunityHealth.Domain.Tests.Organizations;

public class DivisionCodeTests
{
    [Theory]
    [InlineData(OrganizationKind.Bureau, "330106", null)]
    [InlineData(OrganizationKind.Bureau, "110105", null)]
    [InlineData(OrganizationKind.Bureau, "810000", "error.division_code.county")] // a province, not a county
    [InlineData(OrganizationKind.Bureau, "990106", "error.division_code.county")] // no province 99
    [InlineData(OrganizationKind.Bureau, "33010", "error.division_code.length_6")]
    [InlineData(OrganizationKind.Center, "330106001", null)]
    [InlineData(OrganizationKind.Center, "330106000", "error.division_code.township")]
    [InlineData(OrganizationKind.Center, "3301060O1", "error.division_code.length_9")]
    [InlineData(OrganizationKind.Station, "330106001001", null)]
    [InlineData(OrganizationKind.Station, "330106001099", null)]
    [InlineData(OrganizationKind.Station, "330106001101", null)]  // 村委会
    [InlineData(OrganizationKind.Station, "330106001199", null)]
    [InlineData(OrganizationKind.Station, "330106001901", null)]  // other
    [InlineData(OrganizationKind.Station, "330106001000", "error.division_code.village")]
    [InlineData(OrganizationKind.Station, "330106001100", "error.division_code.village")]
    [InlineData(OrganizationKind.Station, "330106001200", "error.division_code.village")]
    [InlineData(OrganizationKind.Station, "330106001900", "error.division_code.village")]
    [InlineData(OrganizationKind.Station, "", "error.required")]
    public void Check_follows_gbt2260_and_the_record_number_village_ranges(OrganizationKind kind, string code, string? expected) =>
        Assert.Equal(expected, DivisionCode.Check(kind, code));

    [Theory]
    [InlineData(OrganizationKind.Center, OrganizationKind.Bureau, "330106009", "330106", null)]
    [InlineData(OrganizationKind.Center, OrganizationKind.Center, "330106009", "330106001", "parentId")]
    [InlineData(OrganizationKind.Station, OrganizationKind.Bureau, "330106001009", "330106", "parentId")]
    [InlineData(OrganizationKind.Station, OrganizationKind.Center, "330106002009", "330106001", "divisionCode")]
    [InlineData(OrganizationKind.Station, null, "330106001009", null, "parentId")]
    public void Validate_requires_the_right_parent_and_a_code_inside_it(OrganizationKind kind, OrganizationKind? parentKind, string code, string? parentCode, string? field)
    {
        var error = OrganizationRules.Validate(new(kind, "名称", code, parentCode, parentKind, null, null));
        if (field is null) Assert.Null(error);
        else Assert.Contains(error!.Errors, e => e.Field == field);
    }

    [Fact]
    public void Validate_reports_every_fault_at_once()
    {
        var error = OrganizationRules.Validate(new(OrganizationKind.Station, new string('名', 101), "12", "330106001", OrganizationKind.Center, new string('址', 201), null));
        Assert.Equal(["name", "address", "divisionCode"], error!.Errors.Select(e => e.Field));
    }
}
