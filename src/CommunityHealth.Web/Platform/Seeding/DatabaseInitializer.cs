using System.Globalization;
using System.Security.Cryptography;
using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Modules.ChronicCare;
using CommunityHealth.Web.Platform.WorkList;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.Seeding;

public sealed class DistrictOptions
{
    public string Name { get; set; } = "西湖区";
    public string DivisionCode { get; set; } = "330106";
    public string BureauName { get; set; } = "西湖区卫生健康局";
}

/// <summary>
/// On start: apply migrations, then, in an empty database, create the district, its bureau and the
/// <c>admin</c> account (password from <c>Bootstrap:AdminPassword</c>, or random and printed once),
/// and with <c>Demo:Enabled</c> the demo district.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider root, IConfiguration config, CancellationToken ct = default)
    {
        await using var scope = root.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var factory = sp.GetRequiredService<IHealthDbFactory>();
        await using (var db = factory.Create(DataScope.System))
        {
            await DatabaseSetup.MigrateAsync(factory, db, ct);
            await ChronicStats.BackfillAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            await WorkItemBackfill.RunAsync(sp, db, ct);
            if (await db.Districts.AnyAsync(ct)) return;
        }

        // Check every configured secret before writing anything, so a bad value never leaves a half-made district.
        var configured = config["Bootstrap:AdminPassword"];
        if (!string.IsNullOrEmpty(configured)) CheckPassword("Bootstrap:AdminPassword", configured, ["admin"]);
        if (config["Demo:Password"] is { Length: > 0 } demoPassword) CheckPassword("Demo:Password", demoPassword, DemoLogins);

        var district = config.GetSection("District").Get<DistrictOptions>() ?? new DistrictOptions();
        if (DivisionCode.Check(OrganizationKind.Bureau, district.DivisionCode) is { } bad)
            throw new StartupSettingException(Bilingual(c => $"District:DivisionCode '{district.DivisionCode}': {Text.Get(bad)}"));
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        var districtId = Guid.CreateVersion7();
        var bureau = new Organization
        {
            Id = Guid.CreateVersion7(), DistrictId = districtId, Kind = OrganizationKind.Bureau, Name = district.BureauName,
            DivisionCode = district.DivisionCode, CreatedAt = now, UpdatedAt = now,
        };
        await using (var db = factory.Create(DataScope.System))
        {
            db.Districts.Add(new District { Id = districtId, Name = district.Name, DivisionCode = district.DivisionCode });
            db.Organizations.Add(bureau);
            await db.SaveChangesAsync(ct);
        }

        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var adminPassword = string.IsNullOrEmpty(configured) ? RandomPassword() : configured;
        await CreateStaffAsync(users, bureau, "admin", "系统管理员", adminPassword, [StaffRole.SystemAdministrator], null, now);
        if (string.IsNullOrEmpty(configured))
            Print($"[CommunityHealth] Created account 'admin' with a one-time random password: {adminPassword}  (set Bootstrap:AdminPassword to choose it)");

        if (config.GetValue("Demo:Enabled", false))
        {
            var password = config["Demo:Password"];
            var demo = new DemoSeedContext(sp, factory, bureau, config, now, string.IsNullOrEmpty(password) ? RandomPassword() : password);
            foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order)) await seeder.SeedAsync(demo, ct);
            Print("[CommunityHealth] Demo district seeded. Demo logins (all share one password):");
            foreach (var l in demo.Logins) Print($"    {l.User,-10} {l.Role,-15} {l.Name}  {l.Org}");
            Print($"[CommunityHealth] Demo password: {demo.Password}  (set Demo:Password to choose it)");
        }
    }

    /// <summary>
    /// The logins the demo seeders create (<c>Modules/Organizations/DemoOrganizations.cs</c>; a test compares the two):
    /// the shared demo password may contain none of them.
    /// </summary>
    public static readonly IReadOnlyList<string> DemoLogins =
    [
        "bureau1", "director1", "phs1", "pharm1", "recep1", "cdoctor1", "director2", "phs2", "pharm2", "recep2", "cdoctor2",
        "doctor1", "nurse1", "doctor2", "nurse2", "doctor3", "nurse3", "doctor4", "nurse4", "doctor5", "nurse5",
    ];

    /// <summary>A configured password that breaks the policy stops the start with one line naming the setting and the rule, in both languages.</summary>
    private static void CheckPassword(string setting, string password, IEnumerable<string> userNames)
    {
        foreach (var user in userNames)
            if (StaffRules.CheckPassword(password, user) is { } rule)
                throw new StartupSettingException(Bilingual(c => c == "zh-CN"
                    ? $"{setting} 不符合密码规则：{Text.Get(rule)}" + (rule == "error.staff.password_contains_username" ? $"（{user}）" : "")
                    : $"{setting} breaks the password rules: {Text.Get(rule)}" + (rule == "error.staff.password_contains_username" ? $" ({user})" : "")));
    }

    /// <summary>The same message rendered in Chinese, then English: the operator reading the console may read either.</summary>
    private static string Bilingual(Func<string, string> message)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            return string.Join(" / ", new[] { "zh-CN", "en-US" }.Select(c =>
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(c);
                return message(c);
            }));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    public static async Task<StaffUser> CreateStaffAsync(UserManager<StaffUser> users, Organization org, string userName,
        string displayName, string password, string[] roles, Guid? teamId, DateTime now, string? title = null, string? phone = null)
    {
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, DistrictId = org.DistrictId,
            CenterId = org.CenterId, OrganizationId = org.Id, TeamId = teamId, LockoutEnabled = true, Title = title,
            PhoneNumber = phone, CreatedAt = now, UpdatedAt = now,
        };
        user.Roles = roles.Select(r => new StaffRoleAssignment { DistrictId = org.DistrictId, StaffId = user.Id, Role = r }).ToList();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create '{userName}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return user;
    }

    /// <summary>16 characters from an unambiguous alphabet, always with upper, lower and digit.</summary>
    public static string RandomPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        var all = upper + lower + digits;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    internal static void Print(string line)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
    }
}

/// <summary>A configured setting that cannot be used: the start stops with <see cref="Exception.Message"/> as its one line, and exit code 1.</summary>
public sealed class StartupSettingException(string message) : Exception(message);
