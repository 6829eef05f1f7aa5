using System.Collections.Concurrent;
using System.Diagnostics;
using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Drains the outbox continuously: each chat's rows in the order they were written, chats at the same time, within
/// Telegram's limits (<see cref="SendRateLimiter"/>, inside <see cref="TelegramSender"/>). A row is deleted once
/// Telegram accepted it; a row Telegram could not take is tried again later with a growing pause, and the rows after
/// it in its chat wait for it. Live-list edits are coalesced: one row per buy, at most one edit per
/// <see cref="TelegramOptions.ListEditIntervalMs"/>, always rendered from the buy as it is when sent. When a group's
/// budget is spent, plain messages waiting for it are merged into one (every member's confirmation still arrives,
/// in one message instead of many). After a restart it carries on with whatever is left.
/// <para>
/// Only the <see cref="ActiveInstance"/> sends. Rows are read, sent and then deleted without a claim on them, so two
/// senders on one database would send the same row twice; an instance that is not active (or stops being active)
/// lets its sends under way finish and starts no more. Rows written on any instance (a deadline closed by another
/// instance's scheduler) are found by the active one's periodic search. An instance that becomes active counts the
/// last second's overall budget as spent (<see cref="SendRateLimiter.TakeOver"/>), and each group's minute as the one
/// before it kept it (<see cref="GroupSendHistory"/>).
/// </para>
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<BotDbContext> contexts,
    WriteGate writes,
    OutboxWriter writer,
    OutboxDelivery delivery,
    SendRateLimiter limiter,
    GroupSendHistory groupSends,
    BotIdentity identity,
    ActiveInstance active,
    ChatClaims claims,
    IOptions<TelegramOptions> options,
    SecretRedactor redactor,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int RowsPerRead = 50;
    private const int MaxMergedLength = 3500; // Telegram takes 4,096 characters; room for the HTML
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    // Real time, whatever clock the bot runs on: retries and intervals are Telegram's seconds.
    private static readonly TimeProvider Wall = TimeProvider.System;

    private static readonly TimeSpan ScanEvery = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<long, bool> _draining = new();
    private readonly ConcurrentDictionary<long, byte> _again = new();
    private readonly ConcurrentDictionary<long, long> _lastListEdit = new();
    private readonly TimeSpan _listInterval = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.ListEditIntervalMs));
    private long _listEditsForgotten;
    private readonly SemaphoreSlim _drained = new(0);
    private CancellationToken _stopping;

    // Cancelled only when a stop has waited long enough: a send under way at a stop finishes and is marked, so a
    // graceful stop never repeats a message (only a crash can, once).
    private readonly CancellationTokenSource _abandon = new();
    private int _failing; // 1 after a failed send, until one succeeds: then every postponed row is due again

    /// <summary>
    /// Waits (up to <paramref name="max"/>) until no announcement or question to <paramref name="chatId"/> is still
    /// unsent, so a message whose id is being remembered right now can be recognised.
    /// </summary>
    public async Task WaitForMessageIds(long chatId, TimeSpan max, CancellationToken ct)
    {
        var until = Wall.GetUtcNow() + max;
        while (Wall.GetUtcNow() < until)
        {
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                if (!await db.Outbox.AnyAsync(m => m.ChatId == chatId && (m.Kind == OutboxKind.Announce || m.Kind == OutboxKind.Question), ct)) return;
            }

            await Task.Delay(20, ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;

        // The supplier's order links to the bot by username, which polling (or the webhook) learns with getMe.
        for (var waited = 0; identity.Username.Length == 0 && waited < 300 && !stoppingToken.IsCancellationRequested; waited++)
        {
            await Task.Delay(100, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var scanned = 0L;
        var historySaved = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!active.IsActive)
                {
                    await active.WhenActive(stoppingToken);
                    if (claims.Shared) await TakeOver(stoppingToken); // another instance may have sent until a moment ago
                    scanned = 0; // every due row, at once
                }

                if (claims.Shared && Stopwatch.GetElapsedTime(historySaved) >= GroupSendHistory.SaveEvery)
                {
                    historySaved = Stopwatch.GetTimestamp();
                    await SaveGroupSends(stoppingToken);
                }

                // Chats that just got rows, at once; every row that is due (retries, postponed edits, rows left by
                // a previous run, rows written outside the writer), by a search now and then.
                var chats = writer.TakeDirty();
                if (Stopwatch.GetElapsedTime(scanned) >= ScanEvery)
                {
                    scanned = Stopwatch.GetTimestamp();
                    chats.AddRange(await DueChats(stoppingToken));
                }

                foreach (var chatId in chats) Start(chatId);
                ForgetOldListEdits();
                await writer.WaitForRows(ScanEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError("The outbox could not be read; trying again: {Error}", redactor.Describe(e));
                await Task.Delay(1000, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The overall budget of the last second and each group's minute as the instance before this one left them.</summary>
    private async Task TakeOver(CancellationToken ct)
    {
        limiter.TakeOver();
        try
        {
            await groupSends.Restore(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The groups' recent sends could not be read; sending without them: {Error}", redactor.Describe(e));
        }
    }

    private async Task SaveGroupSends(CancellationToken ct)
    {
        try
        {
            await groupSends.Save(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The groups' recent sends could not be kept; trying again: {Error}", redactor.Describe(e));
        }
    }

    /// <summary>Stopping, or not the active instance (any more): start no send.</summary>
    private bool Idle => _stopping.IsCancellationRequested || !active.IsActive;

    /// <summary>Drains the chat, or, when it is being drained, makes that drain read it once more.</summary>
    private void Start(long chatId)
    {
        if (_draining.TryAdd(chatId, true)) _ = Task.Run(() => Drain(chatId), CancellationToken.None);
        else _again[chatId] = 0;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Let sends under way finish so their rows are marked; the rest waits for the next start.
        for (var i = 0; i < 50 && !_draining.IsEmpty && !cancellationToken.IsCancellationRequested; i++)
        {
            await _drained.WaitAsync(100, CancellationToken.None);
        }

        await _abandon.CancelAsync();
    }

    private async Task<List<long>> DueChats(CancellationToken ct)
    {
        var now = Wall.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await HotQueries.OutboxChatsDue(db, now, 1000, ct);
    }

    private async Task Drain(long chatId)
    {
        try
        {
            bool more;
            do
            {
                _again.TryRemove(chatId, out _);
                more = await DrainOnce(chatId);
            }
            while (!Idle && (more || _again.ContainsKey(chatId)));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested || _abandon.IsCancellationRequested)
        {
            // Stopping: unsent rows stay.
        }
        catch (Exception e)
        {
            logger.LogError("Sending to chat {ChatId} failed: {Exception}", chatId, redactor.Redact(e.ToString()));
        }
        finally
        {
            _draining.TryRemove(chatId, out _);
            if (_again.ContainsKey(chatId)) writer.Wake(); // rows arrived as it finished: the next pass finds them
            _drained.Release();
        }
    }

    /// <returns>True when there may be more to read at once (a full read, or merged rows).</returns>
    private async Task<bool> DrainOnce(long chatId)
    {
        List<OutboxMessage> rows;
        await using (var db = await contexts.CreateDbContextAsync(_abandon.Token))
        {
            rows = await HotQueries.OutboxRows(db, chatId, RowsPerRead, _abandon.Token);
        }

        var progressed = false;
        foreach (var row in rows)
        {
            if (Idle) return false; // a stop, or another instance is active now: what is not under way waits
            var now = Wall.GetUtcNow();
            if (row.Kind == OutboxKind.ListEdit)
            {
                // An edit renders the latest state whenever it goes, so it never holds up the messages after it.
                if (row.NextAttemptAt > now) continue;
                if (ListEditWait(row.BuyId!.Value) is { } wait)
                {
                    await Postpone(row, now + wait, countAttempt: false);
                    continue;
                }
            }
            else if (row.NextAttemptAt > now)
            {
                return false; // an earlier failure: later rows keep their order behind it
            }

            var merged = Mergeable(rows, row, now);
            if (merged.Count > 1)
            {
                return await SendMerged(merged); // the rows after the merged ones are read again
            }

            switch (await Send(row))
            {
                case Sent.Postponed:
                    return false;
                case Sent.Continues:
                    return true; // the row owes something else now: read it again, in its place
            }

            progressed = true;
        }

        return progressed && rows.Count == RowsPerRead;
    }

    /// <summary>
    /// The plain messages from <paramref name="first"/> on that can go as one, when the chat's budget would make
    /// each wait: texts without buttons to the same topic, due now, in order.
    /// </summary>
    private List<OutboxMessage> Mergeable(List<OutboxMessage> rows, OutboxMessage first, DateTimeOffset now)
    {
        if (!IsPlain(first) || !limiter.WouldWait(first.ChatId)) return [first];
        var merged = new List<OutboxMessage> { first };
        var texts = new HashSet<string>(StringComparer.Ordinal) { first.Html! };
        var length = first.Html!.Length;
        foreach (var next in rows.SkipWhile(r => r.Id != first.Id).Skip(1))
        {
            if (next.Kind == OutboxKind.ListEdit) continue; // edits do not keep order with messages
            if (!IsPlain(next) || next.ThreadId != first.ThreadId || next.NextAttemptAt > now) break;
            var repeated = texts.Contains(next.Html!); // the same answer to several members is said once
            if (!repeated && length + next.Html!.Length + 1 > MaxMergedLength) break;
            merged.Add(next);
            if (!repeated) length += next.Html!.Length + 1;
            texts.Add(next.Html!);
        }

        return merged;
    }

    private static bool IsPlain(OutboxMessage row) => row is { Kind: OutboxKind.Text, Buttons: null, Html: not null };

    private async Task<bool> SendMerged(List<OutboxMessage> rows)
    {
        var first = rows[0];
        var together = new OutboxMessage
        {
            Id = first.Id, Kind = OutboxKind.Text, ChatId = first.ChatId, ThreadId = first.ThreadId, Attempts = first.Attempts,
            Html = string.Join('\n', rows.Select(r => r.Html).Distinct(StringComparer.Ordinal)),
        };
        return await Send(together, [.. rows.Select(r => r.Id)]) != Sent.Postponed;
    }

    private enum Sent
    {
        /// <summary>It could not go now; it was postponed, and the rows behind it in its chat wait.</summary>
        Postponed,

        Done,

        /// <summary>Part of it went out and the row owes something else now (<see cref="DeliveryResult.Continues"/>).</summary>
        Continues,
    }

    /// <param name="rowIds">The rows this send answers for (several when merged); by default the row itself.</param>
    private async Task<Sent> Send(OutboxMessage row, IReadOnlyList<long>? rowIds = null)
    {
        Delivery result;
        try
        {
            if (row.Kind == OutboxKind.ListEdit) _lastListEdit[row.BuyId!.Value] = Stopwatch.GetTimestamp();
            result = await delivery.Deliver(row, SaveProgress, _abandon.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_abandon.IsCancellationRequested)
        {
            var pause = TimeSpan.FromMilliseconds(Math.Min(MaxPause.TotalMilliseconds, 500 * Math.Pow(2, Math.Min(row.Attempts, 10))));
            logger.LogWarning("Could not send outbox row {RowId} ({Kind}) to chat {ChatId}; again in {Pause}: {Error}",
                row.Id, row.Kind, row.ChatId, pause, redactor.Describe(e));
            Volatile.Write(ref _failing, 1);
            await Postpone(row, Wall.GetUtcNow() + pause, countAttempt: true);
            return Sent.Postponed;
        }

        await Complete(row, result, rowIds ?? [row.Id]);
        if (Interlocked.Exchange(ref _failing, 0) == 1) await RetryPostponedNow();
        return result.Result == DeliveryResult.Continues ? Sent.Continues : Sent.Done;
    }

    /// <summary>A round of private messages went one further: a retry (or a restart) goes on from there.</summary>
    private async Task SaveProgress(OutboxMessage row)
    {
        using var writing = await writes.Enter(CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Progress, row.Progress).SetProperty(m => m.Refused, row.Refused).SetProperty(m => m.Attempts, 0), CancellationToken.None);
    }

    private async Task Complete(OutboxMessage row, Delivery result, IReadOnlyList<long> rowIds)
    {
        using var writing = await writes.Enter(CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);

        // The list (or the draft's question) is found by its message id: replies under it, later edits.
        var remembered = result is { Result: DeliveryResult.Sent, MessageId: { } id } && row is { Kind: OutboxKind.Announce or OutboxKind.Question, BuyId: { } buyId }
            ? (BuyId: buyId, MessageId: id)
            : ((long BuyId, int MessageId)?)null;

        // One statement needs no transaction of its own; the row and what it leaves (a message id, new rows) go together.
        var also = result.Also ?? [];
        await using var transaction = remembered is not null || also.Count > 0 ? await db.Database.BeginTransactionAsync(CancellationToken.None) : null;
        if (result is { Result: DeliveryResult.Continues, Next: { } next })
        {
            // The same row (same place in the chat's order) now owes the chat what comes next.
            await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Kind, next.Kind).SetProperty(m => m.Html, next.Html).SetProperty(m => m.Buttons, next.Buttons)
                .SetProperty(m => m.ReplyTo, next.ReplyTo).SetProperty(m => m.Payload, next.Payload)
                .SetProperty(m => m.Progress, 0).SetProperty(m => m.Refused, (string?)null)
                .SetProperty(m => m.Content, (byte[]?)null).SetProperty(m => m.Attempts, 0), CancellationToken.None);
        }
        else if (row.Kind == OutboxKind.ListEdit)
        {
            // Only the state that was rendered is done: a newer change (a higher generation) keeps the row.
            var deleted = await HotQueries.DeleteListEdit(db, row.Id, row.Generation, CancellationToken.None);
            if (deleted > 0) writer.ListEditSent(row.BuyId!.Value);
        }
        else
        {
            if (rowIds.Count == 1) await HotQueries.DeleteOutboxRow(db, rowIds[0], CancellationToken.None);
            else await db.Outbox.Where(m => rowIds.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None); // merged messages
        }

        if (remembered is { } message && row.Kind == OutboxKind.Announce)
        {
            await db.GroupBuys.Where(b => b.Id == message.BuyId).ExecuteUpdateAsync(set => set
                .SetProperty(b => b.AnnouncementMessageId, message.MessageId).SetProperty(b => b.Version, b => b.Version + 1), CancellationToken.None);
        }
        else if (remembered is { } question)
        {
            await db.GroupBuys.Where(b => b.Id == question.BuyId).ExecuteUpdateAsync(set => set
                .SetProperty(b => b.DraftPromptMessageId, question.MessageId).SetProperty(b => b.Version, b => b.Version + 1), CancellationToken.None);
        }

        foreach (var added in also) await writer.Add(db, added, CancellationToken.None);
        if (also.Count > 0) await db.SaveChangesAsync(CancellationToken.None);
        if (transaction is not null) await transaction.CommitAsync(CancellationToken.None);
        if (also.Count > 0) writer.Committed();
    }

    /// <summary>Telegram answers again: what waited for it need not wait out its pause.</summary>
    private async Task RetryPostponedNow()
    {
        using var writing = await writes.Enter(CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.Outbox.Where(m => m.Attempts > 0).ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, DateTimeOffset.MinValue), CancellationToken.None);
        writer.Wake();
    }

    private async Task Postpone(OutboxMessage row, DateTimeOffset until, bool countAttempt)
    {
        using var writing = await writes.Enter(CancellationToken.None);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var attempts = row.Attempts + (countAttempt ? 1 : 0);
        await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.NextAttemptAt, until).SetProperty(m => m.Attempts, attempts), CancellationToken.None);
    }

    private TimeSpan? ListEditWait(long buyId)
    {
        if (!_lastListEdit.TryGetValue(buyId, out var last)) return null;
        var since = Stopwatch.GetElapsedTime(last);
        return since >= _listInterval ? null : _listInterval - since;
    }

    private void ForgetOldListEdits()
    {
        // A walk of every list's entry: once per interval is enough, not at each of the many wake-ups a busy
        // outbox has (it was 1.5% of the bot's CPU under load).
        if (Stopwatch.GetElapsedTime(_listEditsForgotten) < _listInterval) return;
        _listEditsForgotten = Stopwatch.GetTimestamp();
        foreach (var (buyId, last) in _lastListEdit)
        {
            if (Stopwatch.GetElapsedTime(last) >= _listInterval) _lastListEdit.TryRemove(buyId, out _);
        }
    }
}
