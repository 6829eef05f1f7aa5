using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Quotes and quote boards on EF Core.</summary>
public sealed class QuoteStore(IDbContextFactory<BotDbContext> contexts) : IQuoteStore
{
    public async Task Request(long buyId, IEnumerable<long> supplierIds, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.SupplierQuotes.Where(q => q.BuyId == buyId).ToDictionaryAsync(q => q.SupplierId, ct);
        foreach (var supplierId in supplierIds)
        {
            if (!existing.TryGetValue(supplierId, out var quote))
            {
                db.SupplierQuotes.Add(new SupplierQuote { BuyId = buyId, SupplierId = supplierId, Status = QuoteStatus.Requested, UpdatedAt = now });
            }
            else if (quote.Status is QuoteStatus.Unreachable)
            {
                // Asked again: maybe they have started the bot since.
                quote.Status = QuoteStatus.Requested;
                quote.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<SupplierQuote>> ForBuy(long buyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SupplierQuotes.AsNoTracking().Where(q => q.BuyId == buyId).OrderBy(q => q.SupplierId).ToListAsync(ct);
    }

    public async Task<SupplierQuote?> Find(long buyId, long supplierId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SupplierQuotes.AsNoTracking().FirstOrDefaultAsync(q => q.BuyId == buyId && q.SupplierId == supplierId, ct);
    }

    public async Task<SupplierQuote?> FindByRequestMessage(long userId, int messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierIds = db.Suppliers.Where(s => s.UserId == userId).Select(s => s.Id);
        return await db.SupplierQuotes.AsNoTracking().FirstOrDefaultAsync(q => q.RequestMessageId == messageId && supplierIds.Contains(q.SupplierId), ct);
    }

    public async Task<IReadOnlyList<SupplierQuote>> AwaitingAnswerOf(long userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierIds = db.Suppliers.Where(s => s.UserId == userId).Select(s => s.Id);
        return await db.SupplierQuotes.AsNoTracking()
            .Where(q => q.Status == QuoteStatus.Requested && q.RequestMessageId != null && supplierIds.Contains(q.SupplierId)).ToListAsync(ct);
    }

    public async Task Save(SupplierQuote quote, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.SupplierQuotes.Update(quote);
        await db.SaveChangesAsync(ct);
    }

    public async Task RequestSent(long buyId, long supplierUserId, int? messageId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierIds = db.Suppliers.Where(s => s.UserId == supplierUserId).Select(s => s.Id);
        var waiting = db.SupplierQuotes.Where(q => q.BuyId == buyId && supplierIds.Contains(q.SupplierId) && (q.Status == QuoteStatus.Requested || q.Status == QuoteStatus.Unreachable));
        if (messageId is { } id)
        {
            await waiting.ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QuoteStatus.Requested).SetProperty(q => q.RequestMessageId, id).SetProperty(q => q.UpdatedAt, now), ct);
        }
        else
        {
            await waiting.ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QuoteStatus.Unreachable).SetProperty(q => q.UpdatedAt, now), ct);
        }
    }

    public async Task Choose(long buyId, long supplierId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SupplierQuotes.Where(q => q.BuyId == buyId && q.SupplierId != supplierId && q.Status != QuoteStatus.Unreachable)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QuoteStatus.NotChosen).SetProperty(q => q.UpdatedAt, now), ct);
        await db.SupplierQuotes.Where(q => q.BuyId == buyId && q.SupplierId == supplierId)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QuoteStatus.Chosen).SetProperty(q => q.UpdatedAt, now), ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<QuoteBoard?> Board(long buyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.QuoteBoards.AsNoTracking().FirstOrDefaultAsync(b => b.BuyId == buyId, ct);
    }

    public async Task SaveBoard(QuoteBoard board, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.QuoteBoards.Upsert(board, b => b.BuyId == board.BuyId, ct);
        await db.SaveChangesAsync(ct);
    }
}
