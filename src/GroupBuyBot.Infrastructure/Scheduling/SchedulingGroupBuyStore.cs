using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// Keeps the triggers in step with the buys: whenever a change opens, ends or moves the deadline of a buy
/// (<c>/newbuy</c>, <c>/edit</c>, <c>/extend</c>, <c>/close</c>, <c>/cancel</c>, the deadline itself), its triggers
/// are synced after the change is committed. One place, so no entry point can forget it.
/// </summary>
public sealed class SchedulingGroupBuyStore(IGroupBuyStore inner, IDeadlineSchedule schedule, ILogger<SchedulingGroupBuyStore> logger) : IGroupBuyStore
{
    public Task<GroupBuy?> Find(long buyId, CancellationToken ct) => inner.Find(buyId, ct);
    public Task<IReadOnlyList<GroupBuy>> ListOpen(long chatId, CancellationToken ct) => inner.ListOpen(chatId, ct);
    public Task<IReadOnlyList<GroupBuy>> ListAllOpen(CancellationToken ct) => inner.ListAllOpen(ct);
    public Task<GroupBuy?> FindByNumber(long chatId, int number, CancellationToken ct) => inner.FindByNumber(chatId, number, ct);

    public Task<GroupBuy?> FindNewest(long chatId, CancellationToken ct) => inner.FindNewest(chatId, ct);
    public Task<GroupBuy?> FindByAnnouncement(long chatId, int messageId, CancellationToken ct) => inner.FindByAnnouncement(chatId, messageId, ct);
    public Task<IReadOnlyList<GroupBuy>> ListOpenIn(long chatId, CancellationToken ct) => inner.ListOpenIn(chatId, ct);
    public Task<GroupBuy?> FindByNumberIn(long chatId, int number, CancellationToken ct) => inner.FindByNumberIn(chatId, number, ct);
    public Task<GroupBuy?> FindByListIn(long chatId, int messageId, CancellationToken ct) => inner.FindByListIn(chatId, messageId, ct);
    public Task<int> NextNumber(long chatId, CancellationToken ct) => inner.NextNumber(chatId, ct);
    public Task<IReadOnlyList<GroupBuy>> ListWithPayments(long chatId, CancellationToken ct) => inner.ListWithPayments(chatId, ct);
    public Task<IReadOnlyList<GroupBuy>> ListAwaitingPayment(CancellationToken ct) => inner.ListAwaitingPayment(ct);
    public Task<IReadOnlyList<GroupBuy>> ListWithRhythm(CancellationToken ct) => inner.ListWithRhythm(ct);
    public Task<IReadOnlyList<GroupBuy>> ListFormedSince(DateTimeOffset since, CancellationToken ct) => inner.ListFormedSince(since, ct);
    public Task<GroupBuy?> FindDraftByPrompt(long chatId, int promptMessageId, CancellationToken ct) => inner.FindDraftByPrompt(chatId, promptMessageId, ct);
    public Task MoveChat(long fromChatId, long toChatId, CancellationToken ct) => inner.MoveChat(fromChatId, toChatId, ct);

    public async Task<StoreChange<GroupBuy>> Create(long chatId, long? requestId, Func<int, GroupBuy> create, CancellationToken ct)
    {
        var created = await inner.Create(chatId, requestId, create, ct);
        if (created.Value is { Status: GroupBuyStatus.Open } buy) await Sync(buy, ct);
        return created;
    }

    public async Task<StoreChange<T>> Change<T>(long buyId, long? requestId, Func<GroupBuy, T> change, CancellationToken ct)
    {
        GroupBuy? changed = null;
        var stored = await inner.Change(buyId, requestId, buy =>
        {
            // The store may run this again after a conflict: only the last run's buy was saved.
            var before = (buy.Status, buy.Deadline);
            var result = change(buy);
            changed = before == (buy.Status, buy.Deadline) ? null : buy;
            return result;
        }, ct);

        if (changed is not null && stored is { Found: true, AlreadyApplied: false }) await Sync(changed, ct);
        return stored;
    }

    public async Task<Outcome?> Decide(CommandContext request, long buyId, Func<GroupBuy, Outcome> decide, CancellationToken ct)
    {
        GroupBuy? changed = null;
        var outcome = await inner.Decide(request, buyId, buy =>
        {
            var before = (buy.Status, buy.Deadline);
            var result = decide(buy);
            changed = before == (buy.Status, buy.Deadline) ? null : buy;
            return result;
        }, ct);

        if (changed is not null && outcome is { } decided && !ReferenceEquals(decided, Outcome.AlreadySaid)) await Sync(changed, ct);
        return outcome;
    }

    public async Task<IReadOnlyList<Outcome>?> DecideMany(long buyId, IReadOnlyList<(CommandContext Request, Func<GroupBuy, Outcome> Decide)> requests, CancellationToken ct)
    {
        GroupBuy? changed = null;
        (GroupBuyStatus, DateTimeOffset?)? before = null;
        var outcomes = await inner.DecideMany(buyId, [.. requests.Select(r => (r.Request, (Func<GroupBuy, Outcome>)(buy =>
        {
            before ??= (buy.Status, buy.Deadline);
            var result = r.Decide(buy);
            if (before != (buy.Status, buy.Deadline)) changed = buy;
            return result;
        })))], ct);

        if (changed is not null && outcomes is not null) await Sync(changed, ct);
        return outcomes;
    }

    public async Task<Outcome> CreateAndDecide(CommandContext request, Func<int, GroupBuy> create, Func<GroupBuy, Outcome> describe, CancellationToken ct)
    {
        GroupBuy? created = null;
        var outcome = await inner.CreateAndDecide(request, number => created = create(number), describe, ct);
        if (created is { Status: GroupBuyStatus.Open } buy && !ReferenceEquals(outcome, Outcome.AlreadySaid)) await Sync(buy, ct);
        return outcome;
    }

    private async Task Sync(GroupBuy buy, CancellationToken ct)
    {
        try
        {
            await schedule.Sync(buy, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is committed; the next start-up's reconciliation schedules it from the database.
            logger.LogError(e, "Could not schedule the deadline of buy {BuyId}", buy.Id);
        }
    }
}
