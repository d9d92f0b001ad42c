using CommunityHealth.Data.Organizations;
using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Residents;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>
/// Generates a deterministic demo population in households: surnames by frequency, two-character and
/// one-character given names, ages following the age structure of a Chinese urban district (7th census,
/// 2020: about 14 % under 15, 66 % 15–59, 20 % 60 and over), valid ID numbers, mobile numbers for adults,
/// and addresses on the stations' grids. Pure generation: the caller stores the rows.
/// </summary>
public sealed class DemoPopulation(int seed, DateOnly today)
{
    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("王", 74), ("李", 72), ("张", 70), ("刘", 55), ("陈", 48), ("杨", 35), ("黄", 25), ("赵", 22), ("吴", 21), ("周", 20),
        ("徐", 17), ("孙", 16), ("马", 15), ("朱", 14), ("胡", 13), ("郭", 12), ("何", 12), ("林", 11), ("高", 11), ("罗", 10),
        ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 7), ("唐", 7), ("许", 7), ("韩", 6), ("冯", 6), ("邓", 6), ("曹", 6),
        ("彭", 5), ("曾", 5), ("肖", 5), ("田", 5), ("董", 5), ("潘", 4), ("袁", 4), ("蔡", 4), ("蒋", 4), ("余", 4),
        ("于", 4), ("杜", 3), ("叶", 3), ("程", 3), ("魏", 3), ("苏", 3), ("吕", 3), ("丁", 3), ("任", 3), ("沈", 3),
        ("单", 1), ("欧阳", 1), ("诸葛", 1), ("司马", 1),
    ];
    private const string MaleChars = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳晨博文志建国庆海东峰";
    private const string FemaleChars = "芳娜敏静丽艳娟霞秀英慧颖琳婷雪梅玲洁燕红萍倩欣怡佳悦晶莹月琴丹璐瑶雅薇";
    // Age weights per 5-year band 0–4 … 95–99 (urban district, 2020).
    private static readonly int[] AgeBands = [48, 52, 46, 42, 50, 70, 88, 92, 78, 76, 82, 80, 66, 60, 48, 32, 20, 12, 6, 2];
    private static readonly string[] Streets = ["保俶路", "文二路", "文三路", "教工路", "古墩路", "学院路", "天目山路", "莫干山路", "文一西路", "丰潭路"];

    private readonly Random _random = new(seed);
    private readonly Random _idRandom = new(seed ^ 0x5EED);
    private readonly long _idEpochMs = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
    private long _ids;

    /// <summary>
    /// A version 7 GUID (RFC 9562: 48-bit Unix milliseconds, then random bits) from the seeded generator:
    /// time-ordered like <see cref="Guid.CreateVersion7()"/>, so inserts stay at the right edge of the key
    /// index, but reproducible and without an operating-system random call per id (the cost that dominated
    /// generating a million residents).
    /// </summary>
    public Guid NewId()
    {
        Span<byte> b = stackalloc byte[16];
        _idRandom.NextBytes(b);
        var ms = _idEpochMs + _ids++ / 64;
        for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (8 * (5 - i)));
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
    private readonly int _surnameTotal = Surnames.Sum(s => s.Weight);
    private readonly int _ageTotal = AgeBands.Sum();
    private readonly Dictionary<DateOnly, HashSet<int>> _idSequence = [];

    public sealed record Person(Resident Resident, string Relationship);
    public sealed record Family(Household Household, IReadOnlyList<Person> Members);

    /// <summary>One household of 1–5 people managed by <paramref name="org"/> (and <paramref name="teamId"/>).</summary>
    public Family NextHousehold(Organization org, Guid? teamId, string grid, Func<string> nextRecordNumber, DateTime now)
    {
        var address = $"杭州市西湖区{Streets[_random.Next(Streets.Length)]}{_random.Next(1, 300)}号{grid}{_random.Next(1, 30)}幢{_random.Next(1, 6)}单元{_random.Next(1, 19)}{_random.Next(1, 5):D2}室";
        var household = new Household
        {
            Id = NewId(), DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, Address = address, CreatedAt = now,
        };
        int headAge;
        do headAge = SampleAge(); while (headAge < 22); // heads are adults; resampling keeps the adult age structure
        var surname = Surname();
        var members = new List<Person> { new(NewResident(org, teamId, surname, headAge, null, address, nextRecordNumber, now), "01") };
        // household size by the head's age (young families have children; older couples live alone or with a grandchild)
        var roll = _random.Next(100);
        var size = headAge switch
        {
            < 25 => roll < 60 ? 1 : roll < 90 ? 2 : 3,
            <= 50 => roll < 10 ? 1 : roll < 28 ? 2 : roll < 75 ? 3 : roll < 95 ? 4 : 5,
            <= 64 => roll < 18 ? 1 : roll < 62 ? 2 : roll < 85 ? 3 : 4,
            _ => roll < 35 ? 1 : roll < 85 ? 2 : 3,
        };
        if (size >= 2)
            members.Add(new(NewResident(org, teamId, Surname(), Math.Clamp(headAge + _random.Next(-4, 5), 20, 99), members[0].Resident.Sex == "1" ? "2" : "1", address, nextRecordNumber, now), "10"));
        for (var i = members.Count; i < size; i++)
        {
            if (headAge <= 55)
            {
                var childAge = headAge - _random.Next(24, 35);
                // son (20) or daughter (30): the sex is chosen with the relation, so the ID number's sex digit agrees with it
                var relation = _random.Next(2) == 0 ? "20" : "30";
                if (childAge >= 0) members.Add(new(NewResident(org, teamId, surname, childAge, relation == "20" ? "1" : "2", address, nextRecordNumber, now), relation));
                else if (headAge + 26 < 100) members.Add(new(NewResident(org, teamId, surname, headAge + _random.Next(24, 32), null, address, nextRecordNumber, now), "50"));
            }
            else
            {
                var grandchild = headAge - _random.Next(50, 62);
                if (grandchild >= 0) members.Add(new(NewResident(org, teamId, surname, grandchild, null, address, nextRecordNumber, now), "40"));
            }
        }
        foreach (var m in members) m.Resident.HouseholdId = household.Id;
        household.HeadId = members[0].Resident.Id;
        return new Family(household, members);
    }

    /// <summary>
    /// When the record was made (建档): a district's records were built up since the programme began (2009; here from 2012), a
    /// newborn's within a month of birth; spread by the ID sequence, not a further random draw, so the population stays the same.
    /// </summary>
    private DateTime Created(DateOnly birth, int sequence, DateTime now)
    {
        var first = new DateOnly(2012, 1, 1);
        var day = birth >= first ? birth.AddDays(sequence % 30) : first.AddDays((sequence * 7919 + birth.DayNumber) % Math.Max(1, today.DayNumber - first.DayNumber));
        if (day > today) day = today;
        var at = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(1, 30)), DateTimeKind.Utc); // 09:30 in China
        return at > now ? now : at;
    }

    private Resident NewResident(Organization org, Guid? teamId, string surname, int age, string? sex, string address, Func<string> nextRecordNumber, DateTime now)
    {
        sex ??= _random.Next(2) == 0 ? "1" : "2";
        var birth = today.AddYears(-age).AddDays(-_random.Next(0, 365));
        if (birth > today) birth = today;
        var given = sex == "1" ? MaleChars : FemaleChars;
        var name = surname + given[_random.Next(given.Length)] + (_random.Next(100) < 75 ? given[_random.Next(given.Length)].ToString() : "");
        // a random free sequence for the birth date (odd for men, even for women), as issuing offices spread them
        if (!_idSequence.TryGetValue(birth, out var used)) _idSequence[birth] = used = [];
        int sequence;
        do sequence = _random.Next(500) * 2 + (sex == "1" ? 1 : 0); while (!used.Add(sequence) && used.Count < 1000);
        var id = IdCardNumber.Compose("330106", birth, sequence);
        var number = nextRecordNumber();
        var r = new Resident
        {
            Id = NewId(), DistrictId = org.DistrictId, CenterId = org.CenterId, OrganizationId = org.Id, TeamId = teamId,
            RecordNumber = number, RecordLast8 = number[9..], Name = name, NameInitials = PinyinInitials.Of(name),
            DocumentType = ResidentRules.IdCard, DocumentNumber = id, IdNumber = id, IdLast4 = id[^4..], IdLast6 = id[^6..],
            Sex = sex, BirthDate = birth, ResidenceType = _random.Next(100) < 80 ? "1" : "2", Ethnicity = _random.Next(100) < 96 ? "01" : "03",
            Phone = age >= 16 ? $"1{"3578"[_random.Next(4)]}{_random.Next(0, 10)}{_random.Next(10_000_000, 99_999_999)}" : null,
            Address = address, Payments = [age >= 18 && age < 60 ? "1" : "2"], CreatedAt = Created(birth, sequence, now), UpdatedAt = now,
        };
        // chronic conditions rise with age (rough urban prevalence), so later programmes have patients
        if (age >= 35 && _random.Next(100) < (age >= 65 ? 45 : age >= 50 ? 25 : 8))
            r.Conditions.Add(Condition(r, "2", birth, age));
        if (age >= 35 && _random.Next(100) < (age >= 65 ? 18 : age >= 50 ? 10 : 3))
            r.Conditions.Add(Condition(r, "3", birth, age));
        return r;
    }

    private ResidentCondition Condition(Resident r, string code, DateOnly birth, int age) => new()
    {
        Id = NewId(), DistrictId = r.DistrictId, CenterId = r.CenterId, OrganizationId = r.OrganizationId, ResidentId = r.Id,
        Code = code, DiagnosedOn = birth.AddYears(Math.Max(30, age - _random.Next(1, 15))),
    };

    private string Surname()
    {
        var pick = _random.Next(_surnameTotal);
        foreach (var (name, weight) in Surnames) { if (pick < weight) return name; pick -= weight; }
        return "王";
    }

    private int SampleAge()
    {
        var pick = _random.Next(_ageTotal);
        for (var band = 0; band < AgeBands.Length; band++) { if (pick < AgeBands[band]) return band * 5 + _random.Next(5); pick -= AgeBands[band]; }
        return 40;
    }
}
