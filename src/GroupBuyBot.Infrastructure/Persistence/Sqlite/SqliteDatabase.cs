using System.Data.Common;
using System.Runtime.CompilerServices;
using GroupBuyBot.Infrastructure.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SchedulingOptions = GroupBuyBot.Infrastructure.Scheduling.SchedulingOptions;

namespace GroupBuyBot.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Everything specific to SQLite lives here: the file, WAL mode, the busy timeout, which errors are worth a retry,
/// the one-writer gate and Quartz's own file. Its sibling for PostgreSQL is <see cref="Postgres.PostgresDatabase"/>.
/// </summary>
public sealed class SqliteDatabase(DatabaseOptions options) : DatabaseProvider
{
    public const string FileName = "groupbuybot.db";

    /// <summary>Quartz keeps its triggers in this file of the data directory, apart from the bot's database, so its locking never meets the bot's writes.</summary>
    public const string QuartzFileName = "quartz.db";

    public override DatabaseProviderKind Kind => DatabaseProviderKind.Sqlite;

    public string ConnectionString()
    {
        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataDirectory, FileName),
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
        }.ToString();
    }

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(ConnectionString()).AddInterceptors(new ConnectionPragmas(options.BusyTimeoutMs));

    public override void AddContexts(IServiceCollection services)
    {
        services.AddPooledDbContextFactory<SqliteBotDbContext>(builder => Configure(builder));
        services.AddSingleton<IDbContextFactory<BotDbContext>>(provider =>
            new ContextFactory<SqliteBotDbContext>(provider.GetRequiredService<IDbContextFactory<SqliteBotDbContext>>()));
    }

    public override BotDbContext CreateContext() =>
        new SqliteBotDbContext((DbContextOptions<SqliteBotDbContext>)Configure(new DbContextOptionsBuilder<SqliteBotDbContext>()).Options);

    /// <summary>
    /// Applies migrations and switches the file to WAL, so readers never block the writer. One process owns the file;
    /// should two start on it, SQLite's own write lock (and EF Core's migration lock) let one migrate.
    /// </summary>
    public override async Task<IReadOnlyList<string>> Migrate(BotDbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return pending;
    }

    /// <summary>Nothing to take: a SQLite write transaction (<c>BEGIN IMMEDIATE</c>) already excludes every other writer.</summary>
    public override Task LockBuy(BotDbContext db, long buyId, CancellationToken ct) => Task.CompletedTask;

    /// <inheritdoc cref="LockBuy"/>
    public override Task LockBoard(BotDbContext db, long chatId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>One process owns the file, so it is always the active instance.</summary>
    public override Task<InstanceLease?> TryLease(CancellationToken ct) => Task.FromResult<InstanceLease?>(InstanceLease.Sole);

    /// <summary>SQLITE_BUSY / SQLITE_LOCKED: another writer held the lock longer than the busy timeout.</summary>
    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } || exception.InnerException is { } inner && IsTransient(inner);

    /// <summary>
    /// SQLite takes one writer at a time, and a writer that finds the lock taken sleeps and polls (busy timeout), so
    /// parallel chats writing at once would wait far longer than the writes take: they queue in the gate instead.
    /// </summary>
    public override WriteGate CreateWriteGate() => new();

    /// <summary>One process on the file: every chat is its own.</summary>
    public override ChatClaims CreateChatClaims() => ChatClaims.Sole;

    public override ChangeNotices CreateChangeNotices() => ChangeNotices.Sole;

    /// <summary>Quartz in its own file beside the bot's database, not clustered (one process owns the files).</summary>
    public override void UseSchedulerStore(IPersistentStoreBuilder store, SchedulingOptions scheduling)
    {
        Directory.CreateDirectory(options.DataDirectory);
        store.UseSqlite(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(Path.Combine(options.DataDirectory, QuartzFileName)),
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
        }.ToString());
        store.UseSystemTextJsonSerializer();
        store.ProvisionSchema();
    }

    public override void ClearPools() => SqliteConnection.ClearAllPools();

    private sealed class ConnectionPragmas(int busyTimeoutMs) : DbConnectionInterceptor
    {
        // synchronous=NORMAL is durable against process crashes in WAL mode, and much faster than FULL.
        private readonly string _pragmas = $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

        // EF opens a pooled connection for every query; the pragmas stick to the native connection, so once is enough.
        private readonly ConditionalWeakTable<object, object> _prepared = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsPrepared(connection)) return;
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsPrepared(connection)) return;
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private bool IsPrepared(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle }) return false;
            if (_prepared.TryGetValue(handle, out _)) return true;
            _prepared.AddOrUpdate(handle, true);
            return false;
        }
    }
}
