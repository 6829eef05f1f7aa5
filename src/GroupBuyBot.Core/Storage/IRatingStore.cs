using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Storage;

/// <summary>Participants' ratings of suppliers; the supplier's sum and count follow in the same transaction.</summary>
public interface IRatingStore
{
    /// <summary>Records (or changes) a rating. Returns the stars given before, if any.</summary>
    Task<int?> Rate(SupplierRating rating, CancellationToken ct);

    /// <summary>Formed (not yet delivered) buys this user organizes or supplies, in every chat.</summary>
    Task<IReadOnlyList<GroupBuy>> FormedBuysOf(long userId, CancellationToken ct);

    /// <summary>Formed (not yet delivered) buys of a chat, by number.</summary>
    Task<IReadOnlyList<GroupBuy>> FormedBuysIn(long chatId, CancellationToken ct);
}
