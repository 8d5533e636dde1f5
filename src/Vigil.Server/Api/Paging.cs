using Microsoft.EntityFrameworkCore;
using Vigil.Domain;

namespace Vigil.Server.Api;

/// <summary>One page of a list.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items in the whole list.</param>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

internal static class Paging
{
    public const int MaxPageSize = 200;

    public static async Task<PageOf<TOut>> ToPageAsync<TIn, TOut>(this IQueryable<TIn> query, int? page, int? pageSize,
        Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1)
        {
            throw new DomainException("page", "out-of-range", "The page number starts at 1.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw new DomainException("pageSize", "out-of-range", $"The page size must be between 1 and {MaxPageSize}.");
        }

        var total = await query.CountAsync(cancellationToken);
        var skip = (long)(p - 1) * size;
        var items = skip >= total ? [] : await query.Skip((int)skip).Take(size).ToListAsync(cancellationToken);
        return new PageOf<TOut>(items.Select(map).ToList(), p, size, total);
    }
}
