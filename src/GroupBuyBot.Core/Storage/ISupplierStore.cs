using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Storage;

/// <summary>Suppliers, their invites and the orders sent to them.</summary>
public interface ISupplierStore
{
    Task AddInvite(SupplierInvite invite, CancellationToken ct);

    /// <summary>
    /// Uses an invite once: registers <paramref name="user"/> as a supplier of the invite's chat (or updates them).
    /// Null when the code is unknown, used or expired. Atomic, so two redemptions of one code cannot both succeed.
    /// </summary>
    Task<Supplier?> Redeem(string code, Member user, DateTimeOffset now, CancellationToken ct);

    Task<IReadOnlyList<Supplier>> ListForChat(long chatId, CancellationToken ct);

    Task<Supplier?> Find(long supplierId, CancellationToken ct);

    Task<SupplierOrder?> FindOrder(long buyId, CancellationToken ct);

    Task SaveOrder(SupplierOrder order, CancellationToken ct);

    /// <summary>Records that the order's DM went out, unless the supplier already answered it (their tap can win the race).</summary>
    Task MarkOrderSent(long buyId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Orders that could not be delivered to the suppliers of Telegram user <paramref name="userId"/>.</summary>
    Task<IReadOnlyList<SupplierOrder>> PendingOrdersOf(long userId, CancellationToken ct);

    /// <summary>An order whose supplier chose "Propose another date" and has not said which yet.</summary>
    Task<SupplierOrder?> AwaitingDateOf(long userId, CancellationToken ct);
}
