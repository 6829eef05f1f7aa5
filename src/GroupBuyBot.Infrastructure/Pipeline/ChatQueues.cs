using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telegram;
using GroupBuyBot.Infrastructure.Telegram.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Hands stored updates to <see cref="UpdateRunner"/>: each chat's updates one after another in update order,
/// different chats at the same time (up to <see cref="TelegramOptions.MaxParallelChats"/>). A chat's queue exists
/// only while it has updates waiting, so memory follows the backlog, not the number of chats ever seen. Receiving
/// never waits for handling, only for the backlog to shrink below <see cref="TelegramOptions.MaxWaitingUpdates"/>.
/// With several instances on one database (<see cref="ChatClaims.Shared"/>), a chat's queue runs only while this
/// instance holds the chat's claim: updates of a chat another instance holds stay in the inbox for it; the holder, before
/// each step, makes its queue what the inbox holds for the chat (what others stored is added, what others handled is
/// dropped). A chat is claimed only once a handling slot is free here, so the chats a busy instance received and cannot
/// start on yet stay unclaimed; every instance looks four times a second for chats whose updates have waited longer
/// than <see cref="Unclaimed"/> and takes those it has room for. That is how instances that do not receive (stand-bys in
/// polling mode) share the handling. An update whose model call runs beside the path (<see cref="ModelCalls"/>) keeps
/// its inbox row and its chat's claim until the call is done: the chat goes on here meanwhile, and nobody handles it twice.
/// </summary>
public sealed class ChatQueues(UpdateRunner runner, UpdateInbox inbox, ChatClaims claims, ModelCalls modelCalls, IOptions<TelegramOptions> options,
    ILogger<ChatQueues> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an update may wait in the inbox before any instance takes its chat (its receiver starts on it at once when it has room).</summary>
    private static readonly TimeSpan Unclaimed = TimeSpan.FromMilliseconds(250);

    private const int MaxTapsTogether = 100;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, Queue<Update>> _chats = [];
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxParallelChats));
    private readonly List<Task> _workers = [];
    private TaskCompletionSource _roomOrIdle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<int> _queued = []; // ids of the updates waiting or under way
    private CancellationToken _stopping;
    private int _waiting;

    /// <summary>Queues updates already stored in the inbox (one that is queued already is skipped).</summary>
    public void Enqueue(IEnumerable<Update> updates)
    {
        lock (_lock)
        {
            foreach (var update in updates)
            {
                if (!_queued.Add(update.Id)) continue;
                _waiting++;
                var chatId = UpdateInbox.ChatOf(update);
                if (_chats.TryGetValue(chatId, out var queue))
                {
                    queue.Enqueue(update);
                    continue;
                }

                _chats[chatId] = queue = new Queue<Update>();
                queue.Enqueue(update);
                _workers.RemoveAll(w => w.IsCompleted);
                _workers.Add(Task.Run(() => Drain(chatId, queue), CancellationToken.None));
            }
        }
    }

    /// <summary>Starts a queue for each of these chats that has none here; its claim decides whether this instance handles it (its updates are read from the inbox then).</summary>
    private void Take(IReadOnlyList<long> chats)
    {
        lock (_lock)
        {
            foreach (var chatId in chats.Where(c => !_chats.ContainsKey(c)))
            {
                var queue = _chats[chatId] = new Queue<Update>();
                _workers.RemoveAll(w => w.IsCompleted);
                _workers.Add(Task.Run(() => Drain(chatId, queue), CancellationToken.None));
            }
        }
    }

    /// <summary>Waits until fewer than the configured number of updates are waiting (back-pressure for receiving).</summary>
    public async Task WaitForRoom(CancellationToken ct)
    {
        while (true)
        {
            Task signal;
            lock (_lock)
            {
                if (_waiting < options.Value.MaxWaitingUpdates) return;
                signal = _roomOrIdle.Task;
            }

            await signal.WaitAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        if (!claims.Shared)
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(SweepEvery, stoppingToken);
                Take(await inbox.ChatsWaitingSince(DateTimeOffset.UtcNow - Unclaimed, 4 * options.Value.MaxParallelChats, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning("Sweeping the inbox for unclaimed updates failed; trying again: {Error}", e.Message);
            }
        }
    }

    /// <summary>
    /// Queues what the inbox holds (a stop or crash left it unhandled, or the instance that was active before), in
    /// order; the receiver calls this before it receives anything new. Updates already queued here are not queued twice.
    /// </summary>
    public async Task EnqueueLeftOver(CancellationToken ct)
    {
        var waiting = await inbox.Waiting(ct);
        if (waiting.Count > 0) logger.LogInformation("Handling {Count} updates received before", waiting.Count);
        Enqueue(waiting);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] workers;
        lock (_lock) workers = [.. _workers];
        try
        {
            // Updates not started stay in the inbox for the next run; the ones under way finish or are cancelled.
            await Task.WhenAll(workers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Drain(long chatId, Queue<Update> queue)
    {
        // The claim waits for a free slot: a chat this instance cannot start on stays free for another instance to take.
        try
        {
            await _slots.WaitAsync(_stopping);
        }
        catch (OperationCanceledException)
        {
            Drop(chatId, queue);
            return;
        }

        if (!await Claim(chatId))
        {
            _slots.Release();
            Drop(chatId, queue); // another instance holds the chat: it takes these from the inbox
            return;
        }

        var finishing = new List<Task>();
        try
        {
            await DrainClaimed(chatId, queue, finishing, slotHeld: true);
        }
        finally
        {
            await Finished(finishing);
            await claims.Release(chatId);
        }
    }

    /// <summary>
    /// Updates of the chat whose model call is still under way here are still being handled: the claim stays until they
    /// are done, so that no other instance takes them from the inbox meanwhile (only a stop cuts the wait short).
    /// </summary>
    private async Task Finished(List<Task> finishing)
    {
        if (!claims.Shared || finishing.Count == 0) return;
        try
        {
            await Task.WhenAll(finishing).WaitAsync(_stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> Claim(long chatId)
    {
        try
        {
            return await claims.TryClaim(chatId, _stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The queue's updates leave this instance (they stay in the inbox).</summary>
    private void Drop(long chatId, Queue<Update> queue)
    {
        lock (_lock) Close(chatId, queue);
    }

    /// <summary>Under the lock: the chat's queue ends here; what is left in it stays in the inbox, for this run or another.</summary>
    private void Close(long chatId, Queue<Update> queue)
    {
        _waiting -= queue.Count;
        foreach (var left in queue) _queued.Remove(left.Id);
        queue.Clear();
        _chats.Remove(chatId);
        Signal();
    }

    /// <summary>
    /// Makes the chat's queue what the inbox holds for it, in order: adds the updates other instances stored, and drops
    /// the queued ones whose rows are gone (another instance handled them while this one waited for the claim: a sweep's
    /// read is old by the time its claim is granted, and an answer that changes nothing, such as <c>/buys</c>, would be
    /// given twice). Only with shared claims, and only while holding the chat's claim, when nobody else can handle it:
    /// alone on the database, everything received is queued here already and nothing else deletes its rows.
    /// </summary>
    private async Task Resync(long chatId, Queue<Update> queue)
    {
        if (!claims.Shared || _stopping.IsCancellationRequested) return;
        IReadOnlyList<Update> stored;
        try
        {
            // An update whose model call is under way here keeps its row until it is done: it is not waiting.
            stored = [.. (await inbox.WaitingIn(chatId, _stopping)).Where(u => modelCalls.UnderWay(u.Id) is null)];
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            var waiting = stored.Select(u => u.Id).ToHashSet();
            var gone = queue.Where(u => !waiting.Contains(u.Id)).ToList();
            var added = stored.Where(u => _queued.Add(u.Id)).ToList();
            if (gone.Count == 0 && added.Count == 0) return;
            foreach (var update in gone) _queued.Remove(update.Id);
            _waiting += added.Count - gone.Count;
            var ordered = queue.Where(u => waiting.Contains(u.Id)).Concat(added).OrderBy(u => u.Id).ToList();
            queue.Clear();
            foreach (var update in ordered) queue.Enqueue(update);
            if (gone.Count > 0) Signal();
        }
    }

    /// <param name="finishing">Collects the model calls its updates left under way.</param>
    /// <param name="slotHeld">The first step's slot is taken already (the claim waited for it).</param>
    private async Task DrainClaimed(long chatId, Queue<Update> queue, List<Task> finishing, bool slotHeld)
    {
        try
        {
            while (true)
            {
                List<Update> next;
                long? buyId;

                // A claim lost with its session (the database connection broke) is taken again, or the chat left to
                // whoever took it meanwhile: this instance goes on only while nobody else can handle the chat.
                if (!claims.Holds(chatId) && !await Claim(chatId))
                {
                    Drop(chatId, queue);
                    return;
                }

                // Before each step, while this instance holds the chat: what the inbox holds for it (earlier updates go first).
                await Resync(chatId, queue);
                lock (_lock)
                {
                    if (queue.Count == 0 || _stopping.IsCancellationRequested)
                    {
                        Close(chatId, queue);
                        return;
                    }

                    // A run of taps on one list goes as one change; anything else, one update at a time.
                    buyId = ListTaps.BuyOf(queue.Peek());
                    next = buyId is { } id ? [.. queue.TakeWhile(u => ListTaps.BuyOf(u) == id).Take(MaxTapsTogether)] : [queue.Peek()];
                }

                try
                {
                    if (!slotHeld) await _slots.WaitAsync(_stopping);
                    slotHeld = true;
                    if (next.Count > 1) await runner.RunTaps(buyId!.Value, next, _stopping);
                    else await runner.Run(next[0], _stopping);
                    if (next.Count == 1 && modelCalls.UnderWay(next[0].Id) is { } underWay) finishing.Add(underWay);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                    // Stopping: the updates stay in the inbox.
                }
                finally
                {
                    if (slotHeld) _slots.Release();
                    slotHeld = false;
                }

                lock (_lock)
                {
                    for (var i = 0; i < next.Count; i++) _queued.Remove(queue.Dequeue().Id);
                    _waiting -= next.Count;
                    Signal();
                }
            }
        }
        finally
        {
            if (slotHeld) _slots.Release(); // the queue ended before its first step
        }
    }

    private void Signal()
    {
        // Wakes whoever waits for room or for idleness; they check the count again.
        var previous = _roomOrIdle;
        _roomOrIdle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
