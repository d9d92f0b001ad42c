using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;

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
}
