using System.Diagnostics;
using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Telemetry;

/// <summary>
/// How much the pipeline holds: updates in the inbox and rows in the outbox, with the age of the oldest of each on the
/// bot's clock. Read from the database (the inbox and the outbox are shared by every instance on PostgreSQL): four small
/// queries over two tables that stay short while the bot keeps up, at most once per <see cref="CacheFor"/> however often
/// the gauges are scraped.
/// </summary>
public sealed class PipelineBacklog(IDbContextFactory<BotDbContext> contexts, TimeProvider time, SecretRedactor redactor, ILogger<PipelineBacklog> logger)
{
    /// <summary>Scrapes every few seconds (or several scrapers) read the database once per this interval.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Snapshot? _last;
    private long _readAt;

    /// <summary>The oldest outbox row's time of writing, or null when the outbox is empty.</summary>
    public async Task<DateTimeOffset?> OldestOutboxRow(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OldestOutbox(db).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The backlog as of at most <see cref="CacheFor"/> ago; null when the database cannot be read (the gauges then
    /// report nothing rather than a zero that looks healthy). Synchronous: metric callbacks are.
    /// </summary>
    public Snapshot? Read()
    {
        lock (_lock)
        {
            if (_readAt != 0 && Stopwatch.GetElapsedTime(_readAt) < CacheFor) return _last;
            try
            {
                using var db = contexts.CreateDbContext();
                var inbox = db.Inbox.AsNoTracking().Count();
                var oldestUpdate = db.Inbox.AsNoTracking().OrderBy(u => u.UpdateId).Select(u => (DateTimeOffset?)u.ReceivedAt).FirstOrDefault();
                var outbox = db.Outbox.AsNoTracking().Count();
                var oldestRow = OldestOutbox(db).FirstOrDefault();
                var now = time.GetUtcNow();
                _last = new Snapshot(inbox, AgeOf(oldestUpdate, now), outbox, AgeOf(oldestRow, now));
            }
            catch (Exception e)
            {
                logger.LogWarning("Could not read the inbox and outbox for the metrics: {Error}", redactor.Describe(e));
                _last = null;
            }

            _readAt = Stopwatch.GetTimestamp();
            return _last;
        }
    }

    private static IQueryable<DateTimeOffset?> OldestOutbox(BotDbContext db) =>
        db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt);

    private static double AgeOf(DateTimeOffset? oldest, DateTimeOffset now) => oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;

    /// <param name="InboxOldestAge">Seconds; 0 when the inbox is empty.</param>
    /// <param name="OutboxOldestAge">Seconds; 0 when the outbox is empty.</param>
    public sealed record Snapshot(long InboxDepth, double InboxOldestAge, long OutboxDepth, double OutboxOldestAge);
}
