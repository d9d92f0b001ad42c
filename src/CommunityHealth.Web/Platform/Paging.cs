using CommunityHealth.Domain.Common;

namespace CommunityHealth.Web.Platform;

/// <summary>
/// One page of a work list: 1-based page number and rows per page. Lists answer one page and the total, so a
/// team of 5,000 patients does not travel as a 2,000-row document on every open; printing asks for the largest page.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultSize = 100;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Checks page ≥ 1 and 1 ≤ pageSize ≤ <paramref name="maxSize"/>; absent values take page 1 and the default size.</summary>
    public static Outcome<PageRequest> Of(int? page, int? pageSize, int maxSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? Math.Min(DefaultSize, maxSize);
        if (size < 1 || size > maxSize) return new Invalid([new FieldError("pageSize", "error.range", 1, maxSize)]);
        // the last reachable row stays within int: beyond that no list has rows anyway
        if (p < 1 || p > int.MaxValue / maxSize) return new Invalid([new FieldError("page", "error.range", 1, int.MaxValue / maxSize)]);
        return new PageRequest(p, size);
    }
}
