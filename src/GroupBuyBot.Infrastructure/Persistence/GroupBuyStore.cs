using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Group buys on EF Core. Every change of a buy runs in one write transaction, behind a per-buy lock in this
/// process (so parallel taps queue instead of fighting over the database), the buy's row lock where the provider
/// has one (PostgreSQL: other processes' writers of the buy queue too) and a concurrency token (so another process
/// can never overwrite a newer version). <see cref="Decide"/> also writes what the change promises to say
/// (outbox rows) and removes the request from the inbox, in the same transaction.
/// </summary>
public sealed class GroupBuyStore(IDbContextFactory<BotDbContext> contexts, WriteGate writes, OutboxWriter outbox, UpdateInbox inbox, TimeProvider time, DatabaseProvider database) : IGroupBuyStore
{
    private const int Attempts = 5;

    public async Task<GroupBuy?> Find(long buyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HotQueries.BuyToRead(db, buyId, ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListOpen(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).Where(b => b.ChatId == chatId && b.Status == GroupBuyStatus.Open).OrderBy(b => b.Number).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListAllOpen(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).Where(b => b.Status == GroupBuyStatus.Open).OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<GroupBuy?> FindByNumber(long chatId, int number, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).FirstOrDefaultAsync(b => b.ChatId == chatId && b.Number == number, ct);
    }

    public async Task<GroupBuy?> FindNewest(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).Where(b => b.ChatId == chatId).OrderByDescending(b => b.Number).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListWithPayments(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).Where(b => b.ChatId == chatId && b.Payments.Any()).OrderByDescending(b => b.Number).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListWithRhythm(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).Where(b => (b.Rhythm == BuyRhythm.Monthly || b.Rhythm == BuyRhythm.Yearly) && (b.Status == GroupBuyStatus.Formed || b.Status == GroupBuyStatus.Delivered))
            .OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListFormedSince(DateTimeOffset since, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.GroupBuys.AsNoTracking()
            .Where(b => (b.Status == GroupBuyStatus.Formed || b.Status == GroupBuyStatus.Delivered) && b.ClosedAt >= since)
            .OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListAwaitingPayment(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).Where(b => b.PaymentReminderMinute != null && b.Payments.Any(p => p.Status == PaymentStatus.Due)).OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<GroupBuy?> FindByAnnouncement(long chatId, int messageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WithSignUps(db).FirstOrDefaultAsync(b => b.ChatId == chatId && b.AnnouncementMessageId == messageId, ct);
    }

    public async Task<IReadOnlyList<GroupBuy>> ListOpenIn(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var shared = await SharedWith(db, chatId, b => b.Status == GroupBuyStatus.Open, ct);
        var open = await WithSignUps(db).Where(b => (b.ChatId == chatId || shared.Contains(b.Id)) && b.Status == GroupBuyStatus.Open).ToListAsync(ct);
        return [.. open.OrderBy(b => b.NumberIn(chatId))];
    }

    public async Task<GroupBuy?> FindByNumberIn(long chatId, int number, CancellationToken ct) =>
        await FindByNumber(chatId, number, ct) ?? await FindSharedWith(chatId, g => g.Number == number, ct);

    public async Task<GroupBuy?> FindByListIn(long chatId, int messageId, CancellationToken ct) =>
        await FindByAnnouncement(chatId, messageId, ct) ?? await FindSharedWith(chatId, g => g.ListMessageId == messageId, ct);

    /// <summary>Another chat's buy shared with this one whose group here matches <paramref name="group"/>.</summary>
    private async Task<GroupBuy?> FindSharedWith(long chatId, Func<BuyGroup, bool> group, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var shared = await SharedWith(db, chatId, null, ct, group);
        return shared.Count == 0 ? null : await WithSignUps(db).FirstOrDefaultAsync(b => b.Id == shared[0], ct);
    }

    public async Task<int> NextNumber(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await NextNumber(db, chatId, ct);
    }

    /// <summary>After the chat's own buys and the buys shared with it: a chat never has two buys of one number.</summary>
    private static async Task<int> NextNumber(BotDbContext db, long chatId, CancellationToken ct)
    {
        var own = await db.GroupBuys.Where(b => b.ChatId == chatId).MaxAsync(b => (int?)b.Number, ct) ?? 0;
        var groups = await db.GroupBuys.Where(b => b.IsShared && b.ChatId != chatId).Select(b => b.Groups).ToListAsync(ct);
        var shared = groups.SelectMany(g => g).Where(g => g.ChatId == chatId).Select(g => (int?)g.Number).Max() ?? 0;
        return Math.Max(own, shared) + 1;
    }

    /// <summary>
    /// Ids of other chats' buys shared with this one (whose group there matches <paramref name="group"/>). Shared buys
    /// are few and flagged, so their groups are read without their sign-ups and matched here.
    /// </summary>
    private static async Task<List<long>> SharedWith(BotDbContext db, long chatId, System.Linq.Expressions.Expression<Func<GroupBuy, bool>>? filter,
        CancellationToken ct, Func<BuyGroup, bool>? group = null)
    {
        var query = db.GroupBuys.Where(b => b.IsShared && b.ChatId != chatId);
        if (filter is not null) query = query.Where(filter);
        var candidates = await query.Select(b => new { b.Id, b.Groups }).ToListAsync(ct);
        return [.. candidates.Where(c => c.Groups.Any(g => g.ChatId == chatId && (group is null || group(g)))).Select(c => c.Id)];
    }

    public async Task<GroupBuy?> FindDraftByPrompt(long chatId, int promptMessageId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.GroupBuys.AsNoTracking()
            .FirstOrDefaultAsync(b => b.ChatId == chatId && b.Status == GroupBuyStatus.Draft && b.DraftPromptMessageId == promptMessageId, ct);
    }

    public Task<StoreChange<GroupBuy>> Create(long chatId, long? requestId, Func<int, GroupBuy> create, CancellationToken ct) =>
        InWriteTransaction(requestId, async db =>
        {
            var buy = create(await NextNumber(db, chatId, ct));
            db.GroupBuys.Add(buy);
            return new StoreChange<GroupBuy>(true, false, buy);
        }, ct);

    public Task<StoreChange<T>> Change<T>(long buyId, long? requestId, Func<GroupBuy, T> change, CancellationToken ct) =>
        InWriteTransaction(requestId, async db =>
        {
            var buy = await Load(db, buyId, ct);
            return buy is null ? new StoreChange<T>(false, false, default) : new StoreChange<T>(true, false, change(buy));
        }, ct);

    public async Task<Outcome?> Decide(CommandContext request, long buyId, Func<GroupBuy, Outcome> decide, CancellationToken ct)
    {
        var stored = await InWriteTransaction(RequestIdOf(request), async db =>
        {
            var buy = await Load(db, buyId, ct);
            if (buy is null) return new StoreChange<Outcome>(false, false, null);
            return new StoreChange<Outcome>(true, false, await Record(db, request, decide(buy), ct));
        }, ct);
        return Said(stored);
    }

    public async Task<IReadOnlyList<Outcome>?> DecideMany(long buyId, IReadOnlyList<(CommandContext Request, Func<GroupBuy, Outcome> Decide)> requests, CancellationToken ct)
    {
        var stored = await InWriteTransaction(null, async db =>
        {
            var buy = await Load(db, buyId, ct);
            if (buy is null) return new StoreChange<IReadOnlyList<Outcome>>(false, false, null);
            var ids = requests.Select(r => r.Request.RequestId).Where(id => id > 0).ToList();
            var seen = new HashSet<long>(await db.HandledRequests.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct));
            var outcomes = new List<Outcome>(requests.Count);
            foreach (var (request, decide) in requests)
            {
                if (request.RequestId > 0 && !seen.Add(request.RequestId))
                {
                    outcomes.Add(Outcome.AlreadySaid);
                    continue;
                }

                outcomes.Add(await Record(db, request, decide(buy), ct));
                if (request.RequestId > 0) db.HandledRequests.Add(new HandledRequest { Id = request.RequestId, HandledAt = time.GetUtcNow() });
            }

            return new StoreChange<IReadOnlyList<Outcome>>(true, false, outcomes);
        }, ct);
        return stored.Found ? stored.Value : null;
    }

    public async Task<Outcome> CreateAndDecide(CommandContext request, Func<int, GroupBuy> create, Func<GroupBuy, Outcome> describe, CancellationToken ct)
    {
        var stored = await InWriteTransaction(RequestIdOf(request), async db =>
        {
            var buy = create(await NextNumber(db, request.ChatId, ct));
            db.GroupBuys.Add(buy);
            await db.SaveChangesAsync(ct); // the buy's id, which the announcement row refers to
            return new StoreChange<Outcome>(true, false, await Record(db, request, describe(buy), ct));
        }, ct);
        return Said(stored) ?? Outcome.AlreadySaid;
    }

    /// <summary>The outcome's outbox rows and the request's inbox row, in the change's transaction (saved with it).</summary>
    private async Task<Outcome> Record(BotDbContext db, CommandContext request, Outcome outcome, CancellationToken ct)
    {
        // A change that ended the buy is saved first: that save queues the BuyEnded row the outcome's summary fills.
        if (outcome.Ended is not null) await db.SaveChangesAsync(ct);
        await outbox.Add(db, request, outcome, ct);
        await inbox.MarkHandled(db, request.RequestId, ct);
        return outcome with { Recorded = true };
    }

    private static Outcome? Said(StoreChange<Outcome> stored)
    {
        return stored.AlreadyApplied ? Outcome.AlreadySaid : stored.Value;
    }

    /// <summary>Requests the bot makes itself (jobs) carry no update id: nothing to recognise when redelivered.</summary>
    private static long? RequestIdOf(CommandContext request) => request.RequestId > 0 ? request.RequestId : null;

    public async Task MoveChat(long fromChatId, long toChatId, CancellationToken ct)
    {
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.GroupBuys.Where(b => b.ChatId == fromChatId)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ChatId, toChatId).SetProperty(b => b.Version, b => b.Version + 1), ct);
    }

    /// <summary>The buy to change, held for this transaction where the provider needs it (other processes' writers queue).</summary>
    private async Task<GroupBuy?> Load(BotDbContext db, long buyId, CancellationToken ct)
    {
        await database.LockBuy(db, buyId, ct);
        return await HotQueries.BuyToChange(db, buyId, ct);
    }

    /// <summary>A buy with its sign-ups and payments; split, so a formed buy's two lists are not multiplied by each other.</summary>
    private static IQueryable<GroupBuy> WithSignUps(BotDbContext db) => db.GroupBuys.AsNoTracking().Include(b => b.SignUps).Include(b => b.Payments).AsSplitQuery();

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction and saves. The request id is recorded in the same
    /// transaction, so a redelivered update is recognised and nothing is applied twice. No lock of its own: writers of
    /// this process queue at the <see cref="WriteGate"/>, other processes' writers of the same buy at its row
    /// (<see cref="DatabaseProvider.LockBuy"/>), and a change that still meets another's (the version token) runs again.
    /// </summary>
    private async Task<StoreChange<T>> InWriteTransaction<T>(long? requestId, Func<BotDbContext, Task<StoreChange<T>>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var writing = await writes.Enter(ct);
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (requestId is { } id && await HotQueries.RequestHandled(db, id, ct))
                {
                    return new StoreChange<T>(true, true, default);
                }

                var result = await work(db);
                if (requestId is { } handled && result.Found)
                {
                    db.HandledRequests.Add(new HandledRequest { Id = handled, HandledAt = time.GetUtcNow() });
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                outbox.Committed();
                return result;
            }
            catch (Exception e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || database.IsTransient(e)))
            {
                await Task.Delay(20 * attempt, ct);
            }
        }
    }
}
