using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Saving a detached entity whose row may or may not exist yet.</summary>
internal static class DbSetUpsert
{
    /// <summary>Marks <paramref name="entity"/> as modified when <paramref name="sameRow"/> finds its row, else as new.</summary>
    public static async Task Upsert<T>(this DbSet<T> set, T entity, Expression<Func<T, bool>> sameRow, CancellationToken ct)
        where T : class
    {
        if (await set.AnyAsync(sameRow, ct)) set.Update(entity);
        else set.Add(entity);
    }
}
