using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>The inbox: received updates, stored before Telegram is told they arrived, deleted once handled.</summary>
/// <param name="metrics">Counts what is received; none in a composition of the stores alone (tests).</param>
public sealed class UpdateInbox(IDbContextFactory<BotDbContext> contexts, WriteGate writes, TimeProvider time, BotMetrics? metrics = null)
{
    private const string LastUpdateIdKey = "LastUpdateId";

    // Updates whose row a change's own transaction deleted: the runner need not delete them again. Only ids of
    // updates under way are here; the runner takes each out when it is done.
    private readonly ConcurrentDictionary<long, byte> _removedWithChange = new();

    private readonly Lock _batchLock = new();
    private List<long> _batch = [];
    private TaskCompletionSource _batchDeleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _flushing;

    /// <summary>
    /// Stores a received batch in one transaction and returns the updates that are new (neither waiting nor
    /// handled before: a webhook may deliver one twice). With polling, the next offset is stored in the same
    /// transaction, so a restart neither skips nor refetches an update.
    /// </summary>
    public async Task<IReadOnlyList<Update>> Store(IReadOnlyList<Update> updates, bool polled, CancellationToken ct)
    {
        if (updates.Count == 0) return [];
        var ids = updates.Select(u => (long)u.Id).ToList();

        // Serialised before the write gate: every writer of the process waits while the gate is held.
        var payloads = updates.DistinctBy(u => u.Id).Select(u => (Update: u, Json: JsonSerializer.Serialize(u, JsonBotAPI.Options))).ToList();
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var known = new HashSet<long>(await db.Inbox.Where(u => ids.Contains(u.UpdateId)).Select(u => u.UpdateId)
            .Concat(db.HandledRequests.Where(r => ids.Contains(r.Id)).Select(r => r.Id)).ToListAsync(ct));
        var now = time.GetUtcNow();
        var fresh = new List<Update>();
        var rows = new List<InboxUpdate>();
        foreach (var (update, json) in payloads)
        {
            if (!known.Add(update.Id)) continue;
            fresh.Add(update);
            rows.Add(new InboxUpdate { UpdateId = update.Id, ChatId = ChatOf(update), Payload = json, ReceivedAt = now });
        }

        await HotQueries.InsertInboxRows(db, rows, ct);

        if (polled)
        {
            var last = updates.Max(u => u.Id).ToString(CultureInfo.InvariantCulture);
            var entry = await db.BotState.FirstOrDefaultAsync(e => e.Key == LastUpdateIdKey, ct);
            if (entry is null) db.BotState.Add(new BotStateEntry { Key = LastUpdateIdKey, Value = last });
            else entry.Value = last;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (metrics is not null) foreach (var update in fresh) metrics.UpdateReceived(update);
        return fresh;
    }

    /// <summary>Updates received but not handled (a stop or a crash came first), oldest first.</summary>
    public Task<IReadOnlyList<Update>> Waiting(CancellationToken ct) => Read(rows => rows, ct);

    /// <summary>One chat's updates received (by this instance or another) and not handled, oldest first.</summary>
    public Task<IReadOnlyList<Update>> WaitingIn(long chatId, CancellationToken ct) => Read(rows => rows.Where(u => u.ChatId == chatId), ct);

    private async Task<IReadOnlyList<Update>> Read(Func<IQueryable<InboxUpdate>, IQueryable<InboxUpdate>> which, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await which(db.Inbox.AsNoTracking()).OrderBy(u => u.UpdateId).Select(u => u.Payload).ToListAsync(ct);
        return [.. rows.Select(json => JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!)];
    }

    /// <summary>Chats with updates received before <paramref name="before"/> and still not handled (at most <paramref name="max"/>, those waiting longest first).</summary>
    public async Task<IReadOnlyList<long>> ChatsWaitingSince(DateTimeOffset before, int max, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Inbox.AsNoTracking().Where(u => u.ReceivedAt < before).GroupBy(u => u.ChatId)
            .OrderBy(chat => chat.Min(u => u.UpdateId)).Select(chat => chat.Key).Take(max).ToListAsync(ct);
    }

    /// <summary>The last update id received by polling: polling resumes after it.</summary>
    public async Task<int?> LastPolledUpdateId(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BotState.AsNoTracking().FirstOrDefaultAsync(e => e.Key == LastUpdateIdKey, ct);
        return entry is null ? null : int.Parse(entry.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An update has been handled: its row goes, unless the transaction of what it changed took it already. Rows
    /// of updates finishing at the same time go in one statement (group commit): each caller returns once its
    /// row is deleted.
    /// </summary>
    public async Task MarkHandled(long updateId, CancellationToken ct)
    {
        if (_removedWithChange.TryRemove(updateId, out _)) return;
        TaskCompletionSource deleted;
        var lead = false;
        lock (_batchLock)
        {
            _batch.Add(updateId);
            deleted = _batchDeleted;
            if (!_flushing) _flushing = lead = true;
        }

        if (lead) _ = Task.Run(Flush, CancellationToken.None);
        await deleted.Task.WaitAsync(ct);
    }

    private async Task Flush()
    {
        while (true)
        {
            List<long> ids;
            TaskCompletionSource deleted;
            lock (_batchLock)
            {
                if (_batch.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                (ids, _batch) = (_batch, []);
                (deleted, _batchDeleted) = (_batchDeleted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            try
            {
                using var writing = await writes.Enter(CancellationToken.None);
                await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
                await db.Inbox.Where(u => ids.Contains(u.UpdateId)).ExecuteDeleteAsync(CancellationToken.None);
                deleted.SetResult();
            }
            catch (Exception e)
            {
                deleted.SetException(e);
            }
        }
    }

    /// <summary>Deletes the update's row inside the caller's transaction: handled together with what it changed.</summary>
    public async Task MarkHandled(BotDbContext db, long updateId, CancellationToken ct)
    {
        if (updateId <= 0) return;
        await HotQueries.DeleteInboxRow(db, updateId, ct);

        // Noted before the commit: if the transaction fails after all, the row stays and the update is simply
        // handled again at the next start, which its request id makes harmless.
        _removedWithChange[updateId] = 0;
    }

    /// <summary>Forgets handled-request markers older than <paramref name="olderThan"/>: Telegram redelivers for at most a day.</summary>
    public async Task PruneHandledRequests(DateTimeOffset olderThan, CancellationToken ct)
    {
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.HandledRequests.Where(r => r.HandledAt < olderThan).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// The chat whose updates must be handled in order with this one (0 when none). A migration counts as the
    /// new supergroup's, so the buys have moved before anything sent there is handled.
    /// </summary>
    public static long ChatOf(Update update) => update switch
    {
        { Message: { } message } => message.MigrateToChatId ?? message.Chat.Id,
        { CallbackQuery: { } query } => query.Message?.Chat.Id ?? query.From.Id,
        { MyChatMember: { } member } => member.Chat.Id,
        { ChatMember: { } member } => member.Chat.Id,
        { PreCheckoutQuery: { } checkout } => checkout.From.Id, // before the payment's message, in the payer's private chat
        _ => 0,
    };
}
