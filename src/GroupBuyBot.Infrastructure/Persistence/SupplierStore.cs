using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Suppliers, invites and orders on EF Core.</summary>
public sealed class SupplierStore(IDbContextFactory<BotDbContext> contexts) : ISupplierStore
{
    public async Task AddInvite(SupplierInvite invite, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.SupplierInvites.Add(invite);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Supplier?> Redeem(string code, Member user, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // A conditional update: of two redemptions racing for one code, only one changes a row.
        var used = await db.SupplierInvites.Where(i => i.Code == code && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), ct);
        if (used == 0) return null;

        var invite = await db.SupplierInvites.AsNoTracking().SingleAsync(i => i.Code == code, ct);
        var supplier = await db.Suppliers.FirstOrDefaultAsync(s => s.ChatId == invite.ChatId && s.UserId == user.UserId, ct);
        if (supplier is null)
        {
            supplier = new Supplier { ChatId = invite.ChatId, UserId = user.UserId, RegisteredAt = now };
            db.Suppliers.Add(supplier);
        }

        supplier.Name = user.DisplayName;
        supplier.Username = user.Username;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return supplier;
    }

    public async Task<IReadOnlyList<Supplier>> ListForChat(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Suppliers.AsNoTracking().Where(s => s.ChatId == chatId).OrderBy(s => s.Id).ToListAsync(ct);
    }

    public async Task<Supplier?> Find(long supplierId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == supplierId, ct);
    }

    public async Task<SupplierOrder?> FindOrder(long buyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SupplierOrders.AsNoTracking().FirstOrDefaultAsync(o => o.BuyId == buyId, ct);
    }

    public async Task SaveOrder(SupplierOrder order, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.SupplierOrders.Upsert(order, o => o.BuyId == order.BuyId, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task MarkOrderSent(long buyId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.SupplierOrders.Where(o => o.BuyId == buyId && o.Status == SupplierOrderStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, SupplierOrderStatus.Sent).SetProperty(o => o.UpdatedAt, at), ct);
    }

    public async Task<IReadOnlyList<SupplierOrder>> PendingOrdersOf(long userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierIds = db.Suppliers.Where(s => s.UserId == userId).Select(s => s.Id);
        return await db.SupplierOrders.AsNoTracking()
            .Where(o => o.Status == SupplierOrderStatus.Pending && supplierIds.Contains(o.SupplierId)).OrderBy(o => o.BuyId).ToListAsync(ct);
    }

    public async Task<SupplierOrder?> AwaitingDateOf(long userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var supplierIds = db.Suppliers.Where(s => s.UserId == userId).Select(s => s.Id);
        return await db.SupplierOrders.AsNoTracking()
            .Where(o => o.Status == SupplierOrderStatus.DateProposed && o.ProposedDate == null && supplierIds.Contains(o.SupplierId))
            .OrderByDescending(o => o.UpdatedAt).FirstOrDefaultAsync(ct);
    }
}
