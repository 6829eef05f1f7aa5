using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Tests.Fakes;

/// <summary>Buys in memory, counting writes: a refused request must not write at all.</summary>
public sealed class InMemoryGroupBuyStore : IGroupBuyStore
{
    private readonly List<GroupBuy> _buys = [];
    private readonly HashSet<long> _handled = [];

    public int Writes { get; private set; }

    /// <summary>What each <see cref="Decide"/> said, in order.</summary>
    public List<Outcome> Decided { get; } = [];

    public IReadOnlyList<GroupBuy> All => _buys;

    /// <summary>Adds a buy, giving it the next id as the database would (a buy made in a test has none).</summary>
    public GroupBuy Add(GroupBuy buy)
    {
        GiveId(buy);
        _buys.Add(buy);
        return buy;
    }

    private void GiveId(GroupBuy buy)
    {
        if (buy.Id == 0) typeof(GroupBuy).GetProperty(nameof(GroupBuy.Id))!.SetValue(buy, _buys.Count == 0 ? 1 : _buys.Max(b => b.Id) + 1);
    }

    public Task<GroupBuy?> Find(long buyId, CancellationToken ct) => Task.FromResult(_buys.FirstOrDefault(b => b.Id == buyId));

    public Task<IReadOnlyList<GroupBuy>> ListOpen(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.ChatId == chatId && b.Status == GroupBuyStatus.Open).OrderBy(b => b.Number)]);

    public Task<IReadOnlyList<GroupBuy>> ListAllOpen(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.Status == GroupBuyStatus.Open)]);

    public Task<GroupBuy?> FindByNumber(long chatId, int number, CancellationToken ct) =>
        Task.FromResult(_buys.FirstOrDefault(b => b.ChatId == chatId && b.Number == number));

    public Task<GroupBuy?> FindNewest(long chatId, CancellationToken ct) =>
        Task.FromResult(_buys.Where(b => b.ChatId == chatId).MaxBy(b => b.Number));

    public Task<IReadOnlyList<GroupBuy>> ListWithPayments(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.ChatId == chatId && b.Payments.Count > 0).OrderByDescending(b => b.Number)]);

    public Task<IReadOnlyList<GroupBuy>> ListWithRhythm(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.Rhythm is BuyRhythm.Monthly or BuyRhythm.Yearly && b.Status is GroupBuyStatus.Formed or GroupBuyStatus.Delivered)]);

    public Task<IReadOnlyList<GroupBuy>> ListFormedSince(DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.Status is GroupBuyStatus.Formed or GroupBuyStatus.Delivered && b.ClosedAt >= since)]);

    public Task<IReadOnlyList<GroupBuy>> ListAwaitingPayment(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.PaymentReminderMinute is not null && b.Payments.Any(p => p.Status == PaymentStatus.Due))]);

    public Task<GroupBuy?> FindByAnnouncement(long chatId, int messageId, CancellationToken ct) =>
        Task.FromResult(_buys.FirstOrDefault(b => b.ChatId == chatId && b.AnnouncementMessageId == messageId));

    public Task<IReadOnlyList<GroupBuy>> ListOpenIn(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GroupBuy>>([.. _buys.Where(b => b.IsIn(chatId) && b.Status == GroupBuyStatus.Open).OrderBy(b => b.NumberIn(chatId))]);

    public Task<GroupBuy?> FindByNumberIn(long chatId, int number, CancellationToken ct) =>
        Task.FromResult(_buys.FirstOrDefault(b => b.IsIn(chatId) && b.NumberIn(chatId) == number));

    public Task<GroupBuy?> FindByListIn(long chatId, int messageId, CancellationToken ct) =>
        Task.FromResult(_buys.FirstOrDefault(b => b.IsIn(chatId) && b.ListMessageIn(chatId) == messageId));

    public Task<int> NextNumber(long chatId, CancellationToken ct) =>
        Task.FromResult(_buys.Where(b => b.IsIn(chatId)).Select(b => b.NumberIn(chatId)).DefaultIfEmpty(0).Max() + 1);

    public Task<GroupBuy?> FindDraftByPrompt(long chatId, int promptMessageId, CancellationToken ct) =>
        Task.FromResult(_buys.FirstOrDefault(b => b.ChatId == chatId && b.Status == GroupBuyStatus.Draft && b.DraftPromptMessageId == promptMessageId));

    public Task<StoreChange<GroupBuy>> Create(long chatId, long? requestId, Func<int, GroupBuy> create, CancellationToken ct)
    {
        if (requestId is { } id && !_handled.Add(id)) return Task.FromResult(new StoreChange<GroupBuy>(true, true, null));
        Writes++;
        var buy = create(_buys.Count(b => b.ChatId == chatId) + 1);
        GiveId(buy);
        _buys.Add(buy);
        return Task.FromResult(new StoreChange<GroupBuy>(true, false, buy));
    }

    public Task<StoreChange<T>> Change<T>(long buyId, long? requestId, Func<GroupBuy, T> change, CancellationToken ct)
    {
        var buy = _buys.FirstOrDefault(b => b.Id == buyId);
        if (buy is null) return Task.FromResult(new StoreChange<T>(false, false, default));
        if (requestId is { } id && !_handled.Add(id)) return Task.FromResult(new StoreChange<T>(true, true, default));
        Writes++;
        return Task.FromResult(new StoreChange<T>(true, false, change(buy)));
    }

    public async Task<Outcome?> Decide(CommandContext request, long buyId, Func<GroupBuy, Outcome> decide, CancellationToken ct)
    {
        var stored = await Change(buyId, request.RequestId > 0 ? request.RequestId : null, decide, ct);
        if (stored.AlreadyApplied) return Outcome.AlreadySaid;
        if (stored.Value is { } said) Decided.Add(said);
        return stored.Value is { } outcome ? outcome with { Recorded = true } : null;
    }

    public async Task<IReadOnlyList<Outcome>?> DecideMany(long buyId, IReadOnlyList<(CommandContext Request, Func<GroupBuy, Outcome> Decide)> requests, CancellationToken ct)
    {
        if (_buys.All(b => b.Id != buyId)) return null;
        var outcomes = new List<Outcome>();
        foreach (var (request, decide) in requests) outcomes.Add((await Decide(request, buyId, decide, ct))!);
        return outcomes;
    }

    public async Task<Outcome> CreateAndDecide(CommandContext request, Func<int, GroupBuy> create, Func<GroupBuy, Outcome> describe, CancellationToken ct)
    {
        var created = await Create(request.ChatId, request.RequestId > 0 ? request.RequestId : null, create, ct);
        return created.AlreadyApplied ? Outcome.AlreadySaid : describe(created.Value!) with { Recorded = true };
    }

    public Task MoveChat(long fromChatId, long toChatId, CancellationToken ct) => throw new NotSupportedException();
}
