using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Keeps outgoing messages within Telegram's limits (per chat, per group, overall) with .NET's token buckets
/// (<see cref="TokenBucketRateLimiter"/>, one per chat and per group in a <see cref="PartitionedRateLimiter{TResource}"/>,
/// chained with the overall one), so the bot slows itself down instead of collecting 429s. Waiting senders are served
/// oldest first; buckets of chats gone quiet are dropped by the partitioned limiter itself. A 429 pauses its chat for
/// Telegram's <c>retry_after</c>, which token buckets cannot express. Uses real time: these are Telegram's seconds.
/// </summary>
public sealed class SendRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<long> _perChat;
    private readonly PartitionedRateLimiter<long> _perGroup;
    private readonly PartitionedRateLimiter<long> _overall;
    private readonly PartitionedRateLimiter<long> _all; // the chat's bucket, its group's, then the overall one
    private readonly ConcurrentDictionary<long, long> _pausedUntil = new(); // Stopwatch timestamps, after a 429

    public SendRateLimiter(IOptions<TelegramOptions> options)
    {
        var limits = options.Value;
        _perChat = PartitionedRateLimiter.Create<long, long>(chatId =>
            RateLimitPartition.GetTokenBucketLimiter(chatId, _ => Bucket(limits.PerChatBurst, limits.PerChatMessagesPerSecond)));
        _perGroup = PartitionedRateLimiter.Create<long, long>(chatId => chatId < 0
            ? RateLimitPartition.GetTokenBucketLimiter(chatId, _ => Bucket(limits.PerGroupMessagesPerMinute, limits.PerGroupMessagesPerMinute / 60.0))
            : RateLimitPartition.GetNoLimiter(0L));
        _overall = PartitionedRateLimiter.Create<long, int>(_ =>
            RateLimitPartition.GetTokenBucketLimiter(0, _ => Bucket(limits.GlobalMessagesPerSecond, limits.GlobalMessagesPerSecond)));
        _all = PartitionedRateLimiter.CreateChained(_perChat, _perGroup, _overall);
    }

    /// <summary>Waits until one message may go to <paramref name="chatId"/>, and takes its place in every budget.</summary>
    public async Task Acquire(long chatId, CancellationToken ct)
    {
        while (_pausedUntil.TryGetValue(chatId, out var until))
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            if (left <= TimeSpan.Zero)
            {
                _pausedUntil.TryRemove(KeyValuePair.Create(chatId, until));
                break;
            }

            await Task.Delay(left, ct);
        }

        using var lease = await _all.AcquireAsync(chatId, 1, ct);
        if (!lease.IsAcquired) throw new InvalidOperationException("A send found its rate limiter's queue full."); // the queues are unbounded
    }

    /// <summary>True when a message to <paramref name="chatId"/> would have to wait for its chat's or group's budget.</summary>
    public bool WouldWait(long chatId)
    {
        if (_pausedUntil.TryGetValue(chatId, out var until) && Stopwatch.GetTimestamp() < until) return true;
        return IsSpent(_perChat.GetStatistics(chatId)) || (chatId < 0 && IsSpent(_perGroup.GetStatistics(chatId)));
    }

    private static bool IsSpent(RateLimiterStatistics? statistics) => statistics is { CurrentAvailablePermits: < 1 } or { CurrentQueuedCount: > 0 };

    /// <summary>Telegram said 429: nothing more goes to that chat until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(long chatId, TimeSpan retryAfter)
    {
        var until = Stopwatch.GetTimestamp() + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency);
        _pausedUntil.AddOrUpdate(chatId, until, (_, before) => Math.Max(before, until));
    }

    public void Dispose()
    {
        _all.Dispose();
        _perChat.Dispose();
        _perGroup.Dispose();
        _overall.Dispose();
    }

    /// <summary>
    /// A bucket of <paramref name="capacity"/> refilled at <paramref name="perSecond"/>: in steps of a tenth of a second
    /// for fast rates, one token at a time for slow ones (20 a minute: one every 3 s). Waiting is unbounded and in order.
    /// Refilled by the partitioned limiter's one timer (every 100 ms), not by a timer per bucket: there is a bucket per chat.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(double capacity, double perSecond)
    {
        var (period, tokens) = perSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), (int)Math.Round(perSecond / 10))
            : (TimeSpan.FromSeconds(1 / Math.Max(perSecond, 1e-6)), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)Math.Clamp(capacity, 1, int.MaxValue),
            TokensPerPeriod = Math.Max(1, tokens),
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        };
    }
}
