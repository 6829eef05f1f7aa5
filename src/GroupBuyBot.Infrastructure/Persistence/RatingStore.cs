using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Supplier ratings on EF Core; the supplier's sum and count change in the rating's transaction.</summary>
public sealed class RatingStore(IDbContextFactory<BotDbContext> contexts) : IRatingStore
{
    public async Task<int?> Rate(SupplierRating rating, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.SupplierRatings.FirstOrDefaultAsync(r => r.BuyId == rating.BuyId && r.UserId == rating.UserId && r.Option == rating.Option, ct);
        var before = existing?.Stars;
        if (existing is null) db.SupplierRatings.Add(rating);
        else
        {
            existing.Stars = rating.Stars;
            existing.RatedAt = rating.RatedAt;
        }

        // A changed rating moves the sum only; a new one also counts.
        var delta = rating.Stars - (before ?? 0);
        var added = before is null ? 1 : 0;
        await db.Suppliers.Where(s => s.Id == rating.SupplierId).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.RatingSum, s => s.RatingSum + delta)
            .SetProperty(s => s.RatingCount, s => s.RatingCount + added), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return before;
    }

    public async Task<IReadOnlyList<GroupBuy>> FormedBuysOf(long userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplied = db.Suppliers.Where(s => s.UserId == userId).Select(s => (long?)s.Id);
        return await db.GroupBuys.AsNoTracking().Include(b => b.SignUps)
            .Where(b => b.Status == GroupBuyStatus.Formed && (b.Organizer.UserId == userId || supplied.Contains(b.SupplierId)))
            .OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> FormedBuysIn(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.GroupBuys.AsNoTracking().Include(b => b.SignUps)
            .Where(b => b.ChatId == chatId && b.Status == GroupBuyStatus.Formed).OrderBy(b => b.Number).ToListAsync(ct);
    }
}
