namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// This process's claim to be the active instance of the bot on its database: the one that polls Telegram and drains
/// the outbox (<see cref="Pipeline.ActiveInstance"/>). Taken with <see cref="DatabaseProvider.TryLease"/>, held until
/// disposed or until it is lost (on PostgreSQL: its connection broke, and with it the session's advisory lock).
/// </summary>
public abstract class InstanceLease : IAsyncDisposable
{
    /// <summary>The lease of a database only one process uses (SQLite): it cannot be lost.</summary>
    public static InstanceLease Sole { get; } = new SoleLease();

    /// <summary>Whether the claim still holds; false once it is lost (then it stays lost: take a new lease).</summary>
    public abstract Task<bool> IsHeld(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class SoleLease : InstanceLease
    {
        public override Task<bool> IsHeld(CancellationToken ct) => Task.FromResult(true);

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
