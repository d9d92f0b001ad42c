using CommunityHealth.Data;
using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Data.Staff;
using CommunityHealth.Domain.Organizations;
using CommunityHealth.Domain.Staff;
using CommunityHealth.Web.Platform.Seeding;
using Microsoft.AspNetCore.Identity;

namespace CommunityHealth.Web.Modules.Organizations;

/// <summary>
/// The demo district's organisations: 2 centers, 5 stations, a family-doctor team per center and station with grids,
/// each station's record-number counter, and staff of every role (logins share the demo password).
/// </summary>
internal sealed class DemoOrganizations : IDemoSeeder
{
    public int Order => 100;

    private sealed record Site(string Code, string Name, string Address, string[] Grids);

    private static readonly (Site Center, Site[] Stations)[] Layout =
    [
        (new("330106001", "北山街道社区卫生服务中心", "杭州市西湖区保俶路 12 号", ["保俶路网格", "北山路网格"]),
        [
            new("330106001001", "宝石社区卫生服务站", "杭州市西湖区宝石二路 8 号", ["宝石一区", "宝石二区"]),
            new("330106001002", "葛岭社区卫生服务站", "杭州市西湖区葛岭路 21 号", ["葛岭东片", "葛岭西片"]),
            new("330106001003", "松木场社区卫生服务站", "杭州市西湖区松木场街 5 号", ["松木场南片"]),
        ]),
        (new("330106002", "西溪街道社区卫生服务中心", "杭州市西湖区文二路 99 号", ["文二网格", "教工路网格"]),
        [
            new("330106002001", "文新社区卫生服务站", "杭州市西湖区文新路 33 号", ["文新一区", "文新二区"]),
            new("330106002002", "古荡社区卫生服务站", "杭州市西湖区古荡新村 2 幢", ["古荡湾网格"]),
        ]),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽娟", "海燕", "伟", "静", "敏", "磊", "婷婷", "晓明", "欣怡", "子涵", "宇航", "桂芳", "明", "浩然", "雪梅"];

    public async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var (factory, bureau, now, password, logins) = (demo.Factory, demo.Bureau, demo.Now, demo.Password, demo.Logins);
        var users = demo.Services.GetRequiredService<UserManager<StaffUser>>();
        var n = 0;
        string NextName() { var name = Surnames[n % Surnames.Length] + Given[(n * 7) % Given.Length]; n++; return name; }
        async Task<StaffUser> Add(Organization org, string user, string role, Guid? team, string? title = null)
        {
            var name = NextName();
            var staff = await DatabaseInitializer.CreateStaffAsync(users, org, user, name, password, [role], team, now, title, $"1380571{n:D4}");
            logins.Add((user, name, role, org.Name));
            return staff;
        }

        await Add(bureau, "bureau1", StaffRole.BureauStaff, null, "科员");
        var centerNo = 0;
        var stationNo = 0;
        foreach (var (centerSite, stationSites) in Layout)
        {
            centerNo++;
            await using var db = factory.Create(DataScope.System);
            var center = NewOrg(bureau, OrganizationKind.Center, centerSite, null, now);
            center.CenterId = center.Id;
            db.Organizations.Add(center);
            var centerTeam = NewTeam(center, $"{centerSite.Name[..4]}中心家庭医生团队", centerSite.Grids, now);
            db.Teams.Add(centerTeam);
            var stations = stationSites.Select(s => NewOrg(bureau, OrganizationKind.Station, s, center, now)).ToList();
            db.Organizations.AddRange(stations);
            var stationTeams = stations.Zip(stationSites, (o, s) => NewTeam(o, $"{s.Name.Replace("社区卫生服务站", "")}家庭医生团队", s.Grids, now)).ToList();
            db.Teams.AddRange(stationTeams);
            db.RecordNumberSequences.AddRange(stations.Prepend(center).Select(o => new RecordNumberSequence
            {
                Prefix = Domain.Residents.HealthRecordNumber.PrefixFor(o.DivisionCode), DistrictId = o.DistrictId, Next = 1,
            }));
            await db.SaveChangesAsync(ct);

            await Add(center, $"director{centerNo}", StaffRole.CenterDirector, null, "主任");
            await Add(center, $"phs{centerNo}", StaffRole.PublicHealth, centerTeam.Id, "公卫医师");
            await Add(center, $"pharm{centerNo}", StaffRole.Pharmacist, null, "药师");
            await Add(center, $"recep{centerNo}", StaffRole.Receptionist, null, "收费员");
            // each team is led by its family doctor (团队长), as a contract team is
            var leaders = new Dictionary<Guid, Guid> { [centerTeam.Id] = (await Add(center, $"cdoctor{centerNo}", StaffRole.FamilyDoctor, centerTeam.Id, "主治医师")).Id };
            foreach (var (station, team) in stations.Zip(stationTeams))
            {
                stationNo++;
                leaders[team.Id] = (await Add(station, $"doctor{stationNo}", StaffRole.FamilyDoctor, team.Id, "全科医师")).Id;
                await Add(station, $"nurse{stationNo}", StaffRole.Nurse, team.Id, "护师");
            }
            foreach (var team in stationTeams.Prepend(centerTeam)) { db.Attach(team); team.LeaderId = leaders[team.Id]; }
            await db.SaveChangesAsync(ct);
        }
    }

    private static Organization NewOrg(Organization bureau, OrganizationKind kind, Site site, Organization? center, DateTime now)
    {
        var org = new Organization
        {
            Id = Guid.CreateVersion7(), DistrictId = bureau.DistrictId, Kind = kind, Name = site.Name,
            DivisionCode = site.Code, ParentId = center?.Id ?? bureau.Id, CenterId = center?.Id, Address = site.Address,
            Phone = "0571-8" + site.Code[^7..], CreatedAt = now, UpdatedAt = now,
        };
        return org;
    }

    private static Team NewTeam(Organization org, string name, string[] grids, DateTime now)
    {
        var team = new Team
        {
            Id = Guid.CreateVersion7(), DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id,
            Name = name, CreatedAt = now, UpdatedAt = now,
        };
        team.Grids = grids.Select(g => new Grid
        {
            Id = Guid.CreateVersion7(), DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = team.Id, Name = g,
        }).ToList();
        return team;
    }
}
