using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Keeps outgoing messages within Telegram's limits (per chat, per group, overall) with token buckets,
/// so the bot slows itself down instead of collecting 429s. Uses real time: these are Telegram's seconds.
/// </summary>
public sealed class SendRateLimiter(IOptions<TelegramOptions> options)
{
    private readonly TelegramOptions _options = options.Value;
    private readonly ConcurrentDictionary<long, TokenBucket> _chats = new();
    private readonly ConcurrentDictionary<long, TokenBucket> _groups = new();
    private readonly TokenBucket _global = new(options.Value.GlobalMessagesPerSecond, options.Value.GlobalMessagesPerSecond);

    // Buckets kept at most: beyond it, full ones (which behave exactly like new ones) are dropped.
    private const int MaxBuckets = 10_000;

    public async Task Acquire(long chatId, CancellationToken ct)
    {
        if (_chats.Count > MaxBuckets) DropFull(_chats);
        if (_groups.Count > MaxBuckets) DropFull(_groups);
        var chat = _chats.GetOrAdd(chatId, _ => new TokenBucket(_options.PerChatBurst, _options.PerChatMessagesPerSecond));
        var group = chatId < 0 ? _groups.GetOrAdd(chatId, _ => new TokenBucket(_options.PerGroupMessagesPerMinute, _options.PerGroupMessagesPerMinute / 60.0)) : null;
        await chat.Take(ct);
        if (group is not null) await group.Take(ct);
        await _global.Take(ct);
    }

    /// <summary>True when a message to <paramref name="chatId"/> would have to wait for its chat's or group's budget.</summary>
    public bool WouldWait(long chatId)
    {
        if (_chats.TryGetValue(chatId, out var chat) && !chat.HasToken()) return true;
        return chatId < 0 && _groups.TryGetValue(chatId, out var group) && !group.HasToken();
    }

    private static void DropFull(ConcurrentDictionary<long, TokenBucket> buckets)
    {
        foreach (var (chatId, bucket) in buckets)
        {
            if (bucket.IsFull()) buckets.TryRemove(chatId, out _);
        }
    }

    /// <summary>Telegram said 429: nothing more goes to that chat until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(long chatId, TimeSpan retryAfter) =>
        _chats.GetOrAdd(chatId, _ => new TokenBucket(_options.PerChatBurst, _options.PerChatMessagesPerSecond)).Pause(retryAfter);

    private sealed class TokenBucket(double capacity, double perSecond)
    {
        private readonly Lock _lock = new();
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private long _updated = Stopwatch.GetTimestamp();
        private long _pausedUntil;

        public async Task Take(CancellationToken ct)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = Stopwatch.GetTimestamp();
                    _tokens = Math.Min(_capacity, _tokens + Stopwatch.GetElapsedTime(_updated, now).TotalSeconds * perSecond);
                    _updated = now;
                    if (now >= _pausedUntil && _tokens >= 1)
                    {
                        _tokens -= 1;
                        return;
                    }

                    var untilToken = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
                    var untilResume = now < _pausedUntil ? Stopwatch.GetElapsedTime(now, _pausedUntil) : TimeSpan.Zero;
                    wait = untilToken > untilResume ? untilToken : untilResume;
                }

                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, ct);
            }
        }

        public bool HasToken()
        {
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                var tokens = Math.Min(_capacity, _tokens + Stopwatch.GetElapsedTime(_updated, now).TotalSeconds * perSecond);
                return now >= _pausedUntil && tokens >= 1;
            }
        }

        /// <summary>All tokens back and not paused: the same as a new bucket.</summary>
        public bool IsFull()
        {
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                var tokens = Math.Min(_capacity, _tokens + Stopwatch.GetElapsedTime(_updated, now).TotalSeconds * perSecond);
                return now >= _pausedUntil && tokens >= _capacity;
            }
        }

        public void Pause(TimeSpan duration)
        {
            lock (_lock)
            {
                _pausedUntil = Math.Max(_pausedUntil, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));
            }
        }
    }
}
