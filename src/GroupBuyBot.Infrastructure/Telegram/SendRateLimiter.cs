using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Keeps outgoing messages within Telegram's limits (per chat, per group, overall), so the bot slows itself down instead
/// of collecting 429s. Per chat a token bucket (a small burst, then the rate). Per group and overall Telegram counts
/// messages in a window (20 a minute, about 30 a second), and a bucket that starts full lets twice that through in one
/// window: per group the bot keeps the times of the last sends and lets one more go only when fewer than the limit fall
/// within the window; overall it spaces sends evenly. Both are a fifth slower than the limit (<see cref="Margin"/>),
/// because Telegram counts when a message arrives and the bot when it sends: messages sent evenly may arrive bunched. A
/// message takes its place in all three at the same moment, once all three have room. Uses real time: these are
/// Telegram's seconds.
/// </summary>
public sealed class SendRateLimiter(IOptions<TelegramOptions> options)
{
    /// <summary>How much longer the bot's windows are than Telegram's: a send that arrives up to a fifth of the window late still counts in the right one.</summary>
    public const double Margin = 1.2;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(Margin);

    // Buckets and windows kept at most: beyond it, idle ones (which behave exactly like new ones) are dropped.
    private const int MaxKept = 10_000;

    private readonly TelegramOptions _options = options.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, TokenBucket> _chats = [];
    private readonly Dictionary<long, SendWindow> _groups = [];
    private readonly Spacing _overall = new(TimeSpan.FromSeconds(Margin / Math.Max(1, options.Value.GlobalMessagesPerSecond)));

    public async Task Acquire(long chatId, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                var chat = Chat(chatId);
                var group = chatId < 0 ? Group(chatId) : null;
                wait = Longest(chat.WaitAt(now), group?.WaitAt(now) ?? TimeSpan.Zero, _overall.WaitAt(now));
                if (wait <= TimeSpan.Zero)
                {
                    chat.Take(now);
                    group?.Take(now);
                    _overall.Take(now);
                    return;
                }
            }

            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, ct);
        }
    }

    /// <summary>True when a message to <paramref name="chatId"/> would have to wait for its chat's or group's budget.</summary>
    public bool WouldWait(long chatId)
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            if (_chats.TryGetValue(chatId, out var chat) && chat.WaitAt(now) > TimeSpan.Zero) return true;
            return chatId < 0 && _groups.TryGetValue(chatId, out var group) && group.WaitAt(now) > TimeSpan.Zero;
        }
    }

    /// <summary>Telegram said 429: nothing more goes to that chat until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(long chatId, TimeSpan retryAfter)
    {
        lock (_lock) Chat(chatId).Pause(Stopwatch.GetTimestamp(), retryAfter);
    }

    /// <summary>
    /// This process starts sending after another instance did (it just became the active one): the other may have spent
    /// the overall budget of the last second, so this one sends nothing for a second. (Each group's minute comes from
    /// what the other kept in the database: <see cref="Seed"/>.)
    /// </summary>
    public void TakeOver()
    {
        lock (_lock) _overall.Hold(Stopwatch.GetTimestamp(), TimeSpan.FromSeconds(Margin));
    }

    /// <summary>The sends each group's window still counts, as wall-clock times: for an instance that takes over sending.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset[]> GroupSends()
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            var wall = DateTimeOffset.UtcNow;
            var sends = new Dictionary<long, DateTimeOffset[]>();
            foreach (var (chatId, group) in _groups)
            {
                if (!group.IsEmpty(now)) sends[chatId] = [.. group.Times.Select(sent => wall - Stopwatch.GetElapsedTime(sent, now))];
            }

            return sends;
        }
    }

    /// <summary>Counts what another instance sent to these groups (at these wall-clock times) as sent from here.</summary>
    public void Seed(IReadOnlyDictionary<long, DateTimeOffset[]> sends)
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            var wall = DateTimeOffset.UtcNow;
            foreach (var (chatId, times) in sends)
            {
                if (chatId >= 0) continue;
                Group(chatId).Add(times.Select(sent => now - (long)((wall - sent).TotalSeconds * Stopwatch.Frequency)));
            }
        }
    }

    private TokenBucket Chat(long chatId)
    {
        if (_chats.TryGetValue(chatId, out var chat)) return chat;
        if (_chats.Count >= MaxKept) DropIdle(_chats, c => c.IsFull(Stopwatch.GetTimestamp()));
        return _chats[chatId] = new TokenBucket(_options.PerChatBurst, _options.PerChatMessagesPerSecond);
    }

    private SendWindow Group(long chatId)
    {
        if (_groups.TryGetValue(chatId, out var group)) return group;
        if (_groups.Count >= MaxKept) DropIdle(_groups, g => g.IsEmpty(Stopwatch.GetTimestamp()));
        return _groups[chatId] = new SendWindow(Math.Max(1, _options.PerGroupMessagesPerMinute), Minute);
    }

    private static void DropIdle<T>(Dictionary<long, T> kept, Func<T, bool> idle)
    {
        foreach (var (chatId, limit) in kept)
        {
            if (idle(limit)) kept.Remove(chatId);
        }
    }

    private static TimeSpan Longest(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    /// <summary>At most <c>count</c> sends in any <c>window</c>: the times of the last sends, oldest first.</summary>
    private sealed class SendWindow(int count, TimeSpan window)
    {
        private readonly Queue<long> _sent = new();

        public TimeSpan WaitAt(long now)
        {
            Forget(now);
            return _sent.Count < count ? TimeSpan.Zero : window - Stopwatch.GetElapsedTime(_sent.Peek(), now);
        }

        public void Take(long now) => _sent.Enqueue(now);

        public IEnumerable<long> Times => _sent;

        /// <summary>Sends made elsewhere: merged with these in time order (the window's oldest first).</summary>
        public void Add(IEnumerable<long> sent)
        {
            var all = _sent.Concat(sent).Order().ToList();
            _sent.Clear();
            foreach (var time in all) _sent.Enqueue(time);
        }

        public bool IsEmpty(long now)
        {
            Forget(now);
            return _sent.Count == 0;
        }

        private void Forget(long now)
        {
            while (_sent.Count > 0 && Stopwatch.GetElapsedTime(_sent.Peek(), now) >= window) _sent.Dequeue();
        }
    }

    /// <summary>One send every <c>interval</c>, no burst: any window holds at most its length divided by the interval, plus one.</summary>
    private sealed class Spacing(TimeSpan interval)
    {
        private long _next;

        public TimeSpan WaitAt(long now) => now >= _next ? TimeSpan.Zero : Stopwatch.GetElapsedTime(now, _next);

        public void Take(long now) => _next = now + (long)(interval.TotalSeconds * Stopwatch.Frequency);

        public void Hold(long now, TimeSpan pause) => _next = Math.Max(_next, now + (long)(pause.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>A burst of <c>capacity</c>, then <c>perSecond</c>; paused after a 429.</summary>
    private sealed class TokenBucket(double capacity, double perSecond)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private long _updated = Stopwatch.GetTimestamp();
        private long _pausedUntil;

        public TimeSpan WaitAt(long now)
        {
            Refill(now);
            var untilToken = _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            var untilResume = now < _pausedUntil ? Stopwatch.GetElapsedTime(now, _pausedUntil) : TimeSpan.Zero;
            return untilToken > untilResume ? untilToken : untilResume;
        }

        public void Take(long now)
        {
            Refill(now);
            _tokens -= 1;
        }

        /// <summary>All tokens back and not paused: the same as a new bucket.</summary>
        public bool IsFull(long now)
        {
            Refill(now);
            return now >= _pausedUntil && _tokens >= _capacity;
        }

        public void Pause(long now, TimeSpan duration) =>
            _pausedUntil = Math.Max(_pausedUntil, now + (long)(duration.TotalSeconds * Stopwatch.Frequency));

        private void Refill(long now)
        {
            _tokens = Math.Min(_capacity, _tokens + (Stopwatch.GetElapsedTime(_updated, now).TotalSeconds * perSecond));
            _updated = now;
        }
    }
}
