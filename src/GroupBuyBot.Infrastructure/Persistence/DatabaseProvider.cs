using GroupBuyBot.Infrastructure.Persistence.Postgres;
using GroupBuyBot.Infrastructure.Persistence.Sqlite;
using GroupBuyBot.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SchedulingOptions = GroupBuyBot.Infrastructure.Scheduling.SchedulingOptions;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Everything that differs between the databases the bot runs on, one subclass per provider
/// (<see cref="SqliteDatabase"/>, <see cref="PostgresDatabase"/>): connection setup, migrations and the lock they run
/// under, which errors are worth another attempt, how this process queues its writers, which instance is the active one,
/// and where Quartz keeps its triggers. The stores, the pipeline and the scheduler speak EF Core and Quartz only; nothing outside these classes
/// names a provider.
/// </summary>
public abstract class DatabaseProvider
{
    public static DatabaseProvider For(DatabaseOptions options) => options.Provider switch
    {
        DatabaseProviderKind.Sqlite => new SqliteDatabase(options),
        DatabaseProviderKind.Postgres => new PostgresDatabase(options),
        _ => throw new InvalidOperationException($"Unknown {DatabaseOptions.Section}:Provider '{options.Provider}': use Sqlite or Postgres."),
    };

    public abstract DatabaseProviderKind Kind { get; }

    /// <summary>Registers a pooled <see cref="IDbContextFactory{BotDbContext}"/> that makes this provider's context.</summary>
    public abstract void AddContexts(IServiceCollection services);

    /// <summary>A context made outside the container (tests, tools); the caller disposes it.</summary>
    public abstract BotDbContext CreateContext();

    /// <summary>
    /// Brings the schema up to date. Several processes may call this at once on one database: one applies the
    /// migrations, the others find nothing left to do.
    /// </summary>
    /// <returns>The migrations this call applied.</returns>
    public abstract Task<IReadOnlyList<string>> Migrate(BotDbContext db, CancellationToken ct);

    /// <summary>
    /// Inside a write transaction, before the buy is read: holds its row until the commit, so that writers of the same
    /// buy in other processes queue behind this one instead of failing on its version token.
    /// </summary>
    public abstract Task LockBuy(BotDbContext db, long buyId, CancellationToken ct);

    /// <summary>
    /// Inside a write transaction, before a chat's need board is read: holds the board until the commit, so that
    /// changes of it in other processes (a discovery round, an organizer's tap) queue instead of losing one another.
    /// </summary>
    public abstract Task LockBoard(BotDbContext db, long chatId, CancellationToken ct);

    /// <summary>
    /// Tries to become the active instance on this database (the one that polls Telegram and drains the outbox).
    /// </summary>
    /// <returns>The lease, or null when another process holds it now.</returns>
    public abstract Task<InstanceLease?> TryLease(CancellationToken ct);

    /// <summary>How this process claims the chats whose updates it handles (see <see cref="ChatClaims"/>).</summary>
    public abstract ChatClaims CreateChatClaims();

    /// <summary>How this process tells the others on the database that a chat's cached state changed (see <see cref="ChangeNotices"/>).</summary>
    public abstract ChangeNotices CreateChangeNotices();

    /// <summary>Whether a write transaction that failed with <paramref name="exception"/> may succeed if run again.</summary>
    public abstract bool IsTransient(Exception exception);

    /// <summary>How this process's writers queue (see <see cref="WriteGate"/>).</summary>
    public abstract WriteGate CreateWriteGate();

    /// <summary>Quartz's persistent store: where the triggers live and whether schedulers form a cluster.</summary>
    public abstract void UseSchedulerStore(IPersistentStoreBuilder store, SchedulingOptions scheduling);

    /// <summary>Closes idle pooled connections (after a test or the demo, before its data is deleted).</summary>
    public abstract void ClearPools();

    /// <summary>The <see cref="IDbContextFactory{BotDbContext}"/> the rest of the bot uses, over a provider's own factory.</summary>
    protected sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<BotDbContext>
        where TContext : BotDbContext
    {
        public BotDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<BotDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
