using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Storage;

/// <summary>Persistence of group buys and their sign-ups.</summary>
public interface IGroupBuyStore
{
    Task<GroupBuy?> Find(long buyId, CancellationToken ct);

    /// <summary>Open buys of a chat, by number.</summary>
    Task<IReadOnlyList<GroupBuy>> ListOpen(long chatId, CancellationToken ct);

    /// <summary>Open buys of every chat: what the scheduler reconciles its triggers with.</summary>
    Task<IReadOnlyList<GroupBuy>> ListAllOpen(CancellationToken ct);

    Task<GroupBuy?> FindByNumber(long chatId, int number, CancellationToken ct);

    /// <summary>The chat's newest buy (the highest number), whatever its state; null when it has none.</summary>
    Task<GroupBuy?> FindNewest(long chatId, CancellationToken ct);

    Task<GroupBuy?> FindByAnnouncement(long chatId, int messageId, CancellationToken ct);

    /// <summary>Open buys members of a chat can sign up to: its own and those shared with it, by their number there.</summary>
    Task<IReadOnlyList<GroupBuy>> ListOpenIn(long chatId, CancellationToken ct);

    /// <summary>The buy a chat knows by this number: its own, or one shared with it.</summary>
    Task<GroupBuy?> FindByNumberIn(long chatId, int number, CancellationToken ct);

    /// <summary>The buy whose list in a chat is this message: its own announcement, or a shared buy's list there.</summary>
    Task<GroupBuy?> FindByListIn(long chatId, int messageId, CancellationToken ct);

    /// <summary>The number the chat's next buy (its own or one shared with it) gets.</summary>
    Task<int> NextNumber(long chatId, CancellationToken ct);

    /// <summary>The chat's buys that have payments (formed ones), newest first.</summary>
    Task<IReadOnlyList<GroupBuy>> ListWithPayments(long chatId, CancellationToken ct);

    /// <summary>Buys of every chat that come round again (<see cref="GroupBuy.Rhythm"/> set) and closed formed.</summary>
    Task<IReadOnlyList<GroupBuy>> ListWithRhythm(CancellationToken ct);

    /// <summary>
    /// Buys of every chat that closed formed since <paramref name="since"/>, without their sign-ups and payments (what a
    /// rhythm is looked for in: load one with <see cref="Find"/> to see who was in it).
    /// </summary>
    Task<IReadOnlyList<GroupBuy>> ListFormedSince(DateTimeOffset since, CancellationToken ct);

    /// <summary>Buys of every chat with payment reminders on and a payment still due.</summary>
    Task<IReadOnlyList<GroupBuy>> ListAwaitingPayment(CancellationToken ct);

    /// <summary>The draft whose question is the message <paramref name="promptMessageId"/>.</summary>
    Task<GroupBuy?> FindDraftByPrompt(long chatId, int promptMessageId, CancellationToken ct);

    /// <summary>Adds a buy built by <paramref name="create"/> from the chat's next buy number.</summary>
    Task<StoreChange<GroupBuy>> Create(long chatId, long? requestId, Func<int, GroupBuy> create, CancellationToken ct);

    /// <summary>
    /// Loads the buy, applies <paramref name="change"/> and saves, atomically with respect to every other change of it.
    /// With a <paramref name="requestId"/> (the Telegram update id), a request is applied at most once.
    /// </summary>
    Task<StoreChange<T>> Change<T>(long buyId, long? requestId, Func<GroupBuy, T> change, CancellationToken ct);

    /// <summary>
    /// Like <see cref="Change{T}"/>, but <paramref name="decide"/> also says what the change promises to tell people,
    /// and that is stored in the same transaction as the change (and the request marked handled): a crash after the
    /// commit cannot lose it, and a redelivered request gets <see cref="Outcome.AlreadySaid"/>.
    /// Null when the buy does not exist; otherwise the outcome, <see cref="Outcome.Recorded"/>.
    /// </summary>
    Task<Outcome?> Decide(CommandContext request, long buyId, Func<GroupBuy, Outcome> decide, CancellationToken ct);

    /// <summary>
    /// Several requests on one buy, each decided in turn on the buy as the ones before left it, all in one
    /// transaction (group commit). A request seen before gets <see cref="Outcome.AlreadySaid"/>. Null when the buy
    /// does not exist; otherwise one outcome per request, in order.
    /// </summary>
    Task<IReadOnlyList<Outcome>?> DecideMany(long buyId, IReadOnlyList<(CommandContext Request, Func<GroupBuy, Outcome> Decide)> requests, CancellationToken ct);

    /// <summary><see cref="Create"/> with what the new buy promises to say stored with it, as <see cref="Decide"/> does.</summary>
    Task<Outcome> CreateAndDecide(CommandContext request, Func<int, GroupBuy> create, Func<GroupBuy, Outcome> describe, CancellationToken ct);

    /// <summary>A group became a supergroup: its buys move to the new chat id.</summary>
    Task MoveChat(long fromChatId, long toChatId, CancellationToken ct);
}

/// <param name="Found">False when the buy does not exist.</param>
/// <param name="AlreadyApplied">True when this request was applied before (a redelivered update): nothing was done now.</param>
public sealed record StoreChange<T>(bool Found, bool AlreadyApplied, T? Value);
