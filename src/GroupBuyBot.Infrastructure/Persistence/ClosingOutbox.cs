using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>The <see cref="PendingNotification"/> rows of ended buys: read at start-up, deleted once sent.</summary>
public sealed class ClosingOutbox(IDbContextFactory<BotDbContext> contexts)
{
    public async Task<IReadOnlyList<long>> PendingBuyIds(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PendingNotifications.AsNoTracking().Where(p => p.Kind == PendingNotification.BuyEnded)
            .GroupBy(p => p.BuyId).OrderBy(g => g.Min(p => p.Id)).Select(g => g.Key).ToListAsync(ct); // oldest close first
    }

    public async Task Sent(long buyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.PendingNotifications.Where(p => p.BuyId == buyId && p.Kind == PendingNotification.BuyEnded).ExecuteDeleteAsync(ct);
    }
}
