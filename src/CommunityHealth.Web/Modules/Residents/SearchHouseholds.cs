using CommunityHealth.Data.Residents;
using CommunityHealth.Domain.Common;
using CommunityHealth.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace CommunityHealth.Web.Modules.Residents;

/// <summary>A person a household line names: the head, or the member whose name (or number) matched.</summary>
public sealed record HouseholdPerson(Guid ResidentId, string Name);

/// <summary>
/// One household of a look-up: its address, head, how many people live in it now, a masked phone to tell households apart
/// (the head's, else another current member's) and, when the search matched a member rather than the address, that member.
/// </summary>
public sealed record HouseholdHit(Guid Id, string Address, HouseholdPerson? Head, int MemberCount, string? MaskedPhone, HouseholdPerson? Match)
{
    /// <summary>The line for a household already read in full (the "add a family member" form opens with it chosen).</summary>
    public static HouseholdHit Of(HouseholdDto h)
    {
        var current = h.Members.Where(m => m.To is null).ToList();
        var head = current.FirstOrDefault(m => m.ResidentId == h.HeadId);
        return new HouseholdHit(h.Id, h.Address, head is null ? null : new HouseholdPerson(head.ResidentId, head.Name), current.Count, null, null);
    }
}

/// <summary>
/// The household look-up of "join a household" and "add a family member": households whose address contains the text, and
/// the households of the residents the text finds as the resident search box does (name prefix, pinyin initials, ID number,
/// phone, record number). In the user's scope, like the resident search; the API read is audited by the /api group.
/// </summary>
public sealed class SearchHouseholds(ScopedDb dbs, IResidentReads reads)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 100;
    /// <summary>An address is searched from two characters on: one (路, 号) would match nearly every household.</summary>
    public const int MinAddressLength = 2;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/households", async (string? q, int? limit, CurrentUser user, SearchHouseholds h, CancellationToken ct) =>
            (await h.HandleAsync(await user.GetAsync(), q, limit, ct)).ToResult(TypedResults.Ok))
            .WithTags("Residents")
            .WithSummary("Look up households by address (contains) or by a member's name, pinyin initials, ID number, phone or record number")
            .Produces<IReadOnlyList<HouseholdHit>>().ProducesValidationProblem();

    public async Task<Outcome<IReadOnlyList<HouseholdHit>>> HandleAsync(StaffContext staff, string? text, int? limit = null, CancellationToken ct = default)
    {
        var q = text?.Trim() ?? "";
        if (q.Length == 0) return new Invalid("q", "error.household.search_empty");
        if (q.Length > MaxQueryLength) return new Invalid([new FieldError("q", "error.too_long", MaxQueryLength)]);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) return new Invalid([new FieldError("limit", "error.range", 1, MaxLimit)]);

        await using var db = dbs.For(staff);
        // members whose record the text finds (current memberships only): household id → the member matched
        var matched = new Dictionary<Guid, HouseholdPerson>();
        if (ResidentSearch.Parse(q) is { } parsed)
        {
            var people = await reads.SearchAsync(db, parsed.Kind, parsed.Value, includeClosed: false, MaxLimit, ct);
            var ids = people.Select(p => p.Id).ToList();
            var names = people.ToDictionary(p => p.Id, p => p.Name);
            foreach (var m in await db.HouseholdMembers.AsNoTracking().Where(m => ids.Contains(m.ResidentId) && m.To == null)
                         .Select(m => new { m.HouseholdId, m.ResidentId }).ToListAsync(ct))
                matched.TryAdd(m.HouseholdId, new HouseholdPerson(m.ResidentId, names[m.ResidentId]));
        }
        var byAddress = q.Length < MinAddressLength ? []
            : await db.Households.AsNoTracking().Where(h => h.Address.Contains(q)).OrderBy(h => h.Address).Select(h => h.Id).Take(take).ToListAsync(ct);
        var householdIds = matched.Keys.Concat(byAddress).Distinct().Take(take).ToList();
        if (householdIds.Count == 0) return Array.Empty<HouseholdHit>();

        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToListAsync(ct);
        var members = await (from m in db.HouseholdMembers.AsNoTracking()
                             join r in db.Residents.AsNoTracking() on m.ResidentId equals r.Id
                             where householdIds.Contains(m.HouseholdId) && m.To == null
                             select new { m.HouseholdId, r.Id, r.Name, r.Phone }).ToListAsync(ct);
        var byHousehold = members.ToLookup(m => m.HouseholdId);
        return households
            .Select(h =>
            {
                var current = byHousehold[h.Id].ToList();
                var head = current.FirstOrDefault(m => m.Id == h.HeadId);
                var phone = head?.Phone ?? current.Select(m => m.Phone).FirstOrDefault(p => p is not null);
                var match = matched.GetValueOrDefault(h.Id);
                return new HouseholdHit(h.Id, h.Address, head is null ? null : new HouseholdPerson(head.Id, head.Name), current.Count,
                    phone is null ? null : PhoneNumber.Mask(phone), match is not null && match.ResidentId != head?.Id ? match : null);
            })
            .OrderBy(h => !matched.ContainsKey(h.Id)) // households of the members found first, then address matches
            .ThenBy(h => h.Address, StringComparer.Ordinal)
            .ToList();
    }
}
