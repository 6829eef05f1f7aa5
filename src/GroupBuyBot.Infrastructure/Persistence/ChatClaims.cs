namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Which instance handles a chat's updates now: one at a time per chat, so that each chat's updates are handled in
/// order even when several instances receive them (webhooks behind a load balancer). A claim is held while the chat's
/// queue is drained and released when it is empty; a process that dies loses its claims with it.
/// </summary>
public abstract class ChatClaims : IAsyncDisposable
{
    /// <summary>One process on the database (SQLite): every chat is this process's, nothing to claim.</summary>
    public static ChatClaims Sole { get; } = new SoleClaims();

    /// <summary>Whether other processes may claim chats (and store updates this one must pick up).</summary>
    public abstract bool Shared { get; }

    /// <returns>False when another instance holds the chat (or the claim could not be asked for): leave its updates.</returns>
    public abstract Task<bool> TryClaim(long chatId, CancellationToken ct);

    public abstract Task Release(long chatId);

    /// <summary>Whether this process still holds the chat it claimed (a claim dies with the process's session).</summary>
    public abstract bool Holds(long chatId);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private sealed class SoleClaims : ChatClaims
    {
        public override bool Shared => false;

        public override Task<bool> TryClaim(long chatId, CancellationToken ct) => Task.FromResult(true);

        public override Task Release(long chatId) => Task.CompletedTask;

        public override bool Holds(long chatId) => true;
    }
}
