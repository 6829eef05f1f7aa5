using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>The update queue behind getUpdates.</summary>
public sealed partial class EmulatorState
{
    // Telegram leaves these out unless the bot asks for them in allowed_updates.
    private static readonly HashSet<string> OptInUpdateTypes = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Queue<PendingUpdate> _pendingUpdates = new();
    private HashSet<string>? _allowedUpdates;
    private int _lastUpdateId;
    private TaskCompletionSource _updateArrived = NewSignal();
    private int _inFlightBotCalls;
    private long _lastBotCallTimestamp = Stopwatch.GetTimestamp();

    /// <summary>The webhook the bot registered with setWebhook (deleteWebhook does not clear it), or null.</summary>
    public Models.EmulatedWebhook? Webhook { get; internal set; }

    /// <summary>Updates the bot has not yet confirmed with a getUpdates offset.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _pendingUpdates.Count;
            }
        }
    }

    /// <summary>Queues an update of <paramref name="type"/> (e.g. "message"); returns its id, or 0 if the bot filtered it out.</summary>
    private int EnqueueUpdate(string type, JsonObject payload)
    {
        if (!IsAllowed(type))
        {
            return 0;
        }

        var id = ++_lastUpdateId;
        _pendingUpdates.Enqueue(new PendingUpdate(id, type, new JsonObject { ["update_id"] = id, [type] = payload }));
        var arrived = _updateArrived;
        _updateArrived = NewSignal();
        arrived.TrySetResult();
        return id;
    }

    private bool IsAllowed(string type) =>
        _allowedUpdates is null ? !OptInUpdateTypes.Contains(type) : _allowedUpdates.Contains(type);

    internal async Task<JsonArray> GetUpdatesAsync(
        long? offset,
        int limit,
        int timeoutSeconds,
        IReadOnlyList<string>? allowedUpdates,
        CancellationToken requestAborted)
    {
        limit = Math.Clamp(limit <= 0 ? 100 : limit, 1, 100);
        var wait = TimeSpan.FromSeconds(Math.Max(0, timeoutSeconds));
        if (wait > Options.MaxLongPoll)
        {
            wait = Options.MaxLongPoll;
        }

        // Real time on purpose: a fake clock the test never advances must not stall the bot's poll loop.
        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, Stopping);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (allowedUpdates is not null)
                {
                    SetAllowedUpdates(allowedUpdates);
                    allowedUpdates = null;
                }

                ConfirmUpdates(offset);
                if (_pendingUpdates.Count > 0)
                {
                    var batch = new JsonArray();
                    foreach (var update in _pendingUpdates)
                    {
                        if (batch.Count == limit)
                        {
                            break;
                        }

                        batch.Add(update.Payload.DeepClone());
                    }

                    return batch;
                }

                arrived = _updateArrived.Task;
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero || linked.IsCancellationRequested)
            {
                return [];
            }

            try
            {
                await arrived.WaitAsync(remaining, linked.Token);
            }
            catch (TimeoutException)
            {
                return [];
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    private void SetAllowedUpdates(IReadOnlyList<string> allowedUpdates)
    {
        // An empty list means "everything except the opt-in types", as on Telegram.
        _allowedUpdates = allowedUpdates.Count == 0 ? null : [.. allowedUpdates];
        var kept = _pendingUpdates.Where(u => IsAllowed(u.Type)).ToList();
        _pendingUpdates.Clear();
        foreach (var update in kept)
        {
            _pendingUpdates.Enqueue(update);
        }
    }

    /// <summary>offset N confirms (deletes) every update below N; a negative offset keeps only the last -N.</summary>
    private void ConfirmUpdates(long? offset)
    {
        if (offset is null or 0)
        {
            return;
        }

        if (offset < 0)
        {
            while (_pendingUpdates.Count > -offset.Value)
            {
                _pendingUpdates.Dequeue();
            }

            return;
        }

        while (_pendingUpdates.Count > 0 && _pendingUpdates.Peek().UpdateId < offset)
        {
            _pendingUpdates.Dequeue();
        }
    }

    internal void DropPendingUpdates()
    {
        lock (_gate)
        {
            _pendingUpdates.Clear();
        }
    }

    internal void BotCallStarted()
    {
        Interlocked.Increment(ref _inFlightBotCalls);
        Interlocked.Exchange(ref _lastBotCallTimestamp, Stopwatch.GetTimestamp());
    }

    internal void BotCallFinished()
    {
        Interlocked.Exchange(ref _lastBotCallTimestamp, Stopwatch.GetTimestamp());
        Interlocked.Decrement(ref _inFlightBotCalls);
    }

    /// <summary>
    /// Waits until the bot has confirmed every update, has no Bot API call in flight (getUpdates aside),
    /// and has made none for <paramref name="quietPeriod"/> (default 100 ms): its handlers have settled.
    /// </summary>
    public async Task WaitUntilIdle(TimeSpan timeout, TimeSpan? quietPeriod = null)
    {
        var quiet = quietPeriod ?? TimeSpan.FromMilliseconds(100);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var idle = PendingUpdateCount == 0
                && Volatile.Read(ref _inFlightBotCalls) == 0
                && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastBotCallTimestamp)) >= quiet;
            if (idle)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException(
                    $"The bot was not idle within {timeout}: {PendingUpdateCount} update(s) unconfirmed, {Volatile.Read(ref _inFlightBotCalls)} call(s) in flight.");
            }

            await Task.Delay(10);
        }
    }
}
