using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;

namespace CommunityHealth.Domain.Tests.Staff;

public class StaffRulesTests
{
    [Theory]
    [InlineData("doctor1", null)]
    [InlineData("wang.fang", null)]
    [InlineData("li_na-2", null)]
    [InlineData("ab", "error.staff.username_length")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "error.staff.username_length")]
    [InlineData("1doctor", "error.staff.username_chars")]
    [InlineData("Doctor", "error.staff.username_chars")]
    [InlineData("张医生", "error.staff.username_chars")]
    [InlineData("", "error.required")]
    public void User_names(string name, string? expected) => Assert.Equal(expected, StaffRules.CheckUserName(name));

    [Theory]
    [InlineData("Health2026ok", "doctor1", null)]
    [InlineData("Short1a", "doctor1", "error.staff.password_length")]
    [InlineData("health2026ok", "doctor1", "error.staff.password_weak")]
    [InlineData("HEALTH2026OK", "doctor1", "error.staff.password_weak")]
    [InlineData("HealthNoDigit", "doctor1", "error.staff.password_weak")]
    [InlineData("Aa1Aa1Aa1Aa1", "doctor1", "error.staff.password_weak")] // only 3 distinct characters
    [InlineData("Doctor1Pass2026", "doctor1", "error.staff.password_contains_username")]
    public void Passwords(string password, string user, string? expected) => Assert.Equal(expected, StaffRules.CheckPassword(password, user));

    [Theory]
    [InlineData(StaffRole.SystemAdministrator, OrganizationKind.Bureau, true)]
    [InlineData(StaffRole.SystemAdministrator, OrganizationKind.Station, false)]
    [InlineData(StaffRole.BureauStaff, OrganizationKind.Center, false)]
    [InlineData(StaffRole.CenterDirector, OrganizationKind.Center, true)]
    [InlineData(StaffRole.CenterDirector, OrganizationKind.Station, false)]
    [InlineData(StaffRole.FamilyDoctor, OrganizationKind.Station, true)]
    [InlineData(StaffRole.FamilyDoctor, OrganizationKind.Bureau, false)]
    [InlineData(StaffRole.Receptionist, OrganizationKind.Center, true)]
    public void Roles_fit_their_organisation_level(string role, OrganizationKind kind, bool allowed) =>
        Assert.Equal(allowed, StaffRole.AllowedAt(role, kind));

    [Theory]
    [InlineData(new[] { StaffRole.SystemAdministrator }, StaffRole.BureauStaff, true)]
    [InlineData(new[] { StaffRole.CenterDirector }, StaffRole.Nurse, true)]
    [InlineData(new[] { StaffRole.CenterDirector }, StaffRole.SystemAdministrator, false)]
    [InlineData(new[] { StaffRole.CenterDirector }, StaffRole.BureauStaff, false)]
    [InlineData(new[] { StaffRole.FamilyDoctor }, StaffRole.Nurse, false)]
    public void Granting_roles(string[] granter, string role, bool allowed) => Assert.Equal(allowed, Permissions.CanGrant(granter, role));

    [Fact]
    public void Validate_rejects_unknown_and_misplaced_roles()
    {
        var unknown = StaffRules.Validate(new("zhang.san", "张三", "Health2026ok", OrganizationKind.Station, ["Surgeon"], null, null, true));
        Assert.Equal("error.staff.role_unknown", unknown!.Errors.Single().MessageCode);
        var misplaced = StaffRules.Validate(new("zhang.san", "张三", "Health2026ok", OrganizationKind.Station, [StaffRole.CenterDirector], null, null, true));
        Assert.Equal("error.staff.role_not_here", misplaced!.Errors.Single().MessageCode);
        Assert.Null(StaffRules.Validate(new("zhang.san", "张三", "Health2026ok", OrganizationKind.Station, [StaffRole.FamilyDoctor, StaffRole.Nurse], null, null, true)));
    }

    [Theory]
    [InlineData("一团队", OrganizationKind.Station, new[] { "甲", "乙" }, null)]
    [InlineData("", OrganizationKind.Station, new string[0], "name")]
    [InlineData("一团队", OrganizationKind.Bureau, new string[0], "organizationId")]
    [InlineData("一团队", OrganizationKind.Center, new[] { "甲", " 甲" }, "grids")]
    [InlineData("一团队", OrganizationKind.Center, new[] { "" }, "grids")]
    public void Team_rules(string name, OrganizationKind owner, string[] grids, string? field)
    {
        var error = TeamRules.Validate(name, owner, grids);
        if (field is null) Assert.Null(error);
        else Assert.Equal(field, error!.Errors.Single().Field);
    }
}
