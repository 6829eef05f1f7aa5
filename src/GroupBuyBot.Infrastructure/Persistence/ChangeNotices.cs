namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Tells the other processes on the database that what this one cached about a chat changed (Telegram reported new
/// administrators to the instance that received the update), so that their caches forget it within a moment rather
/// than when it expires.
/// </summary>
public abstract class ChangeNotices
{
    /// <summary>One process on the database (SQLite): nobody else to tell.</summary>
    public static ChangeNotices Sole { get; } = new SoleNotices();

    public abstract Task Publish(long chatId, CancellationToken ct);

    /// <summary>
    /// Calls <paramref name="changed"/> with each chat another process published, until <paramref name="ct"/> is
    /// cancelled; with null when notices may have been missed (the connection was lost): forget every chat.
    /// </summary>
    public abstract Task Listen(Action<long?> changed, CancellationToken ct);

    private sealed class SoleNotices : ChangeNotices
    {
        public override Task Publish(long chatId, CancellationToken ct) => Task.CompletedTask;

        public override Task Listen(Action<long?> changed, CancellationToken ct) =>
            Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
