using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Platform.Seeding;

/// <summary>
/// A module's demo data, registered by its <c>&lt;Name&gt;Module.AddServices</c>. With <c>Demo:Enabled</c> an empty database
/// gets every module's demo data once, in <see cref="Order"/> (the organisation tree first, then the residents, then the
/// programmes that need them).
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(DemoSeedContext demo, CancellationToken ct);
}

/// <summary>What the seeders share: the new district's bureau, the demo logins' password, and the list of logins printed at the end.</summary>
public sealed class DemoSeedContext(IServiceProvider services, IHealthDbFactory factory, Organization bureau, IConfiguration config, DateTime now, string password)
{
    public IServiceProvider Services { get; } = services;
    public IHealthDbFactory Factory { get; } = factory;
    public Organization Bureau { get; } = bureau;
    public IConfiguration Config { get; } = config;
    public DateTime Now { get; } = now;
    public string Password { get; } = password;
    public List<(string User, string Name, string Role, string Org)> Logins { get; } = [];

    /// <summary>
    /// The district's stations in division-code order, each with its first login holding <paramref name="role"/> (the one
    /// who records the station's demo history); stations without such a login are left out.
    /// </summary>
    public async Task<List<(Guid Id, string Code, string UserName)>> StationsWithAsync(string role, CancellationToken ct)
    {
        await using var db = Factory.Create(DataScope.System);
        var stations = await db.Organizations.AsNoTracking().Where(o => o.DistrictId == Bureau.DistrictId && o.Kind == Domain.Organizations.OrganizationKind.Station)
            .OrderBy(o => o.DivisionCode).Select(o => new { o.Id, o.DivisionCode }).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.DistrictId == Bureau.DistrictId && u.Roles.Any(r => r.Role == role))
            .Select(u => new { u.OrganizationId, u.UserName }).ToListAsync(ct);
        return stations.Select(o => (o.Id, o.DivisionCode, User: users.Where(u => u.OrganizationId == o.Id).Select(u => u.UserName!).Order(StringComparer.Ordinal).FirstOrDefault()))
            .Where(s => s.User is not null).Select(s => (s.Id, s.DivisionCode, s.User!)).ToList();
    }

    /// <summary>A demo login as the handlers see it, so that a seeder writes through the module's own slices (rules, stored dates, audit).</summary>
    public async Task<StaffContext> StaffAsync(string userName, CancellationToken ct)
    {
        await using var db = Factory.Create(DataScope.System);
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).SingleAsync(u => u.DistrictId == Bureau.DistrictId && u.UserName == userName, ct);
        var kind = await db.Organizations.Where(o => o.Id == user.OrganizationId).Select(o => o.Kind).SingleAsync(ct);
        return new StaffContext(user.Id, userName, user.DisplayName, user.Roles.Select(r => r.Role).ToArray(), user.OrganizationId, kind, user.CenterId,
            user.DistrictId, null);
    }
}
