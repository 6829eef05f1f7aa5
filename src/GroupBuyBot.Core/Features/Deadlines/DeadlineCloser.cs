using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Deadlines;

/// <summary>What a scheduled job wants said, and in which chat context.</summary>
public sealed record ScheduledOutcome(CommandContext Context, Outcome Outcome);

/// <summary>
/// The deadline of a buy has come: it closes, formed or failed. The transition happens inside the store's write
/// transaction, so when the deadline job, <c>/close</c> and a restart race, exactly one of them closes the buy
/// and only that one gets an <see cref="Outcome.Ended"/> (and sends notifications).
/// </summary>
public sealed class DeadlineCloser(IGroupBuyStore store, IChatStore chats, TimeProvider time)
{
    /// <returns>Null when nothing happened: the buy is gone, already ended, or its deadline moved later.</returns>
    public async Task<ScheduledOutcome?> CloseIfDue(long buyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await store.Find(buyId, ct) is not { } found) return null;
        var context = await SystemContext(chats, found, ct);
        var decided = await store.Decide(context, buyId, buy => buy.Deadline <= now && buy.Close(now)
            ? new Outcome { Reply = ClosingHandler.EndedText(context, buy), RefreshBuyId = buy.Id, Ended = buy }
            : Outcome.Nothing, ct);
        return decided?.Ended is null ? null : new ScheduledOutcome(context, decided);
    }

    /// <summary>A request made by the bot itself (a job), on behalf of the buy's organizer, in the buy's chat and topic.</summary>
    public static async Task<CommandContext> SystemContext(IChatStore chats, GroupBuy buy, CancellationToken ct) =>
        new(await chats.Get(buy.ChatId, ct), buy.ThreadId, buy.Organizer, 0, null);

    /// <summary>
    /// A member's request made elsewhere (a tap or a payment in their private chat) about a buy, as a request in the buy's
    /// chat: its language and time zone, their name, the request's own id (a redelivered one is applied once).
    /// </summary>
    public static async Task<CommandContext> InBuysChat(IChatStore chats, GroupBuy buy, CommandContext request, CancellationToken ct) =>
        await SystemContext(chats, buy, ct) with { Actor = request.Actor, RequestId = request.RequestId };
}
