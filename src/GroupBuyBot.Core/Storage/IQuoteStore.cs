using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Storage;

/// <summary>Quotes asked of suppliers, and the group message showing them.</summary>
public interface IQuoteStore
{
    /// <summary>Asks these suppliers (again): new rows are <see cref="QuoteStatus.Requested"/>; a quote already given stays.</summary>
    Task Request(long buyId, IEnumerable<long> supplierIds, DateTimeOffset now, CancellationToken ct);

    Task<IReadOnlyList<SupplierQuote>> ForBuy(long buyId, CancellationToken ct);

    Task<SupplierQuote?> Find(long buyId, long supplierId, CancellationToken ct);

    /// <summary>The request a supplier (Telegram user) replied to in their private chat.</summary>
    Task<SupplierQuote?> FindByRequestMessage(long userId, int messageId, CancellationToken ct);

    /// <summary>Requests of this user's suppliers still waiting for a first answer.</summary>
    Task<IReadOnlyList<SupplierQuote>> AwaitingAnswerOf(long userId, CancellationToken ct);

    Task Save(SupplierQuote quote, CancellationToken ct);

    /// <summary>
    /// The request for the buy went to the supplier of Telegram user <paramref name="supplierUserId"/> as message
    /// <paramref name="messageId"/>, or could not reach them (null). A quote answered meanwhile keeps its answer.
    /// </summary>
    Task RequestSent(long buyId, long supplierUserId, int? messageId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The organizer picked <paramref name="supplierId"/>: its quote is chosen, every other one of the buy is not.</summary>
    Task Choose(long buyId, long supplierId, DateTimeOffset now, CancellationToken ct);

    Task<QuoteBoard?> Board(long buyId, CancellationToken ct);

    Task SaveBoard(QuoteBoard board, CancellationToken ct);
}
