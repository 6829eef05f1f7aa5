using GroupBuyBot.Core.GroupBuys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using SchedulingOptions = GroupBuyBot.Infrastructure.Scheduling.SchedulingOptions;

namespace GroupBuyBot.Infrastructure.Persistence.Postgres;

/// <summary>
/// Everything specific to PostgreSQL lives here: the connection, the advisory lock migrations run under, the row lock
/// a buy's writers queue on, the advisory lock the active instance holds (<see cref="PostgresInstanceLease"/>), which errors are worth a retry, and Quartz's clustered store in the same database. Several bot processes may share one
/// database. Its sibling for SQLite is <see cref="Sqlite.SqliteDatabase"/>.
/// </summary>
public sealed class PostgresDatabase : DatabaseProvider
{
    /// <summary>The advisory lock key migrations hold (<c>pg_advisory_lock</c>), per database: "GBBmigr" in ASCII.</summary>
    public const long MigrationLockKey = 0x4742_426D_6967_72;

    private readonly string _connectionString;
    private readonly string? _problem;

    /// <remarks>Options with a <see cref="DatabaseOptions.Problem"/> throw it when the database is first used (Program.cs says it first).</remarks>
    public PostgresDatabase(DatabaseOptions options)
    {
        if (options.Problem() is { } problem)
        {
            _connectionString = "";
            _problem = problem;
            return;
        }

        _connectionString = Named(options.ConnectionString);
    }

    /// <summary>The connection string the bot connects with: named, so its sessions are recognisable on the server.</summary>
    private static string Named(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "GroupBuyBot";
        return builder.ConnectionString;
    }

    public override DatabaseProviderKind Kind => DatabaseProviderKind.Postgres;

    public string ConnectionString => _problem is null ? _connectionString : throw new InvalidOperationException(_problem);

    // No EnableRetryOnFailure: the stores open their own transactions (which a retrying execution strategy refuses)
    // and GroupBuyStore runs a failed write transaction again itself, asking IsTransient.
    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(ConnectionString);

    public override void AddContexts(IServiceCollection services)
    {
        services.AddPooledDbContextFactory<PostgresBotDbContext>(builder => Configure(builder));
        services.AddSingleton<IDbContextFactory<BotDbContext>>(provider =>
            new ContextFactory<PostgresBotDbContext>(provider.GetRequiredService<IDbContextFactory<PostgresBotDbContext>>()));
    }

    public override BotDbContext CreateContext() =>
        new PostgresBotDbContext((DbContextOptions<PostgresBotDbContext>)Configure(new DbContextOptionsBuilder<PostgresBotDbContext>()).Options);

    /// <summary>
    /// Applies the pending migrations holding a session-level advisory lock on a connection of its own: instances
    /// starting together queue on it, the first migrates, the others then find nothing pending. The lock goes with
    /// the connection, so an instance that dies while migrating does not hold the others up.
    /// </summary>
    public override async Task<IReadOnlyList<string>> Migrate(BotDbContext db, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0) await db.Database.MigrateAsync(ct);
            return pending;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The active instance is the session holding an advisory lock (<see cref="PostgresInstanceLease"/>).</summary>
    public override async Task<InstanceLease?> TryLease(CancellationToken ct) => await PostgresInstanceLease.TryTake(ConnectionString, ct);

    /// <summary><c>SELECT … FOR UPDATE</c> on the buy's row: held until the transaction ends.</summary>
    public override async Task LockBuy(BotDbContext db, long buyId, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(GroupBuy))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var id = entity.FindProperty(nameof(GroupBuy.Id))!.GetColumnName(table)!;
        var sql = $"SELECT 1 FROM {Quoted(entity.GetSchema(), entity.GetTableName()!)} WHERE \"{id}\" = @id FOR UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [new NpgsqlParameter("id", buyId)], ct);
    }

    /// <summary>The advisory lock class of need boards: "GBnb" in ASCII (the object is <see cref="LockObjectOf"/> the chat).</summary>
    private const int BoardLockClass = 0x4742_6E62;

    /// <summary>
    /// A transaction-level advisory lock on the chat's board (a board may have no row yet to lock): released at the commit.
    /// </summary>
    public override async Task LockBoard(BotDbContext db, long chatId, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(@class, @chat)",
            [new NpgsqlParameter("class", BoardLockClass), new NpgsqlParameter("chat", LockObjectOf(chatId))], ct);

    /// <summary>
    /// The object of a per-chat advisory lock (boards, chat claims): a hash of the chat id into the 32 bits a two-key lock
    /// takes. Chats sharing one wait for each other, which is harmless.
    /// </summary>
    internal static int LockObjectOf(long chatId) => (int)(chatId ^ (chatId >> 32));

    private static string Quoted(string? schema, string table) => schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";

    /// <summary>
    /// Worth another attempt: a lost or refused connection, a timeout (Npgsql's own judgement), a serialization failure
    /// or deadlock (40001, 40P01), a lock not available (55P03), and a unique violation (23505): another process
    /// inserted the same key first (the same update id, the next buy number of a chat), which the next attempt reads.
    /// </summary>
    public override bool IsTransient(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.UniqueViolation } => true,
        NpgsqlException { IsTransient: true } => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    /// <summary>
    /// PostgreSQL itself takes writers in parallel; this process still commits one at a time for now, because the
    /// outbox's wake-up and each chat's row order assume it (see <see cref="WriteGate"/>).
    /// </summary>
    public override WriteGate CreateWriteGate() => new();

    public override ChatClaims CreateChatClaims() => new PostgresChatClaims(ConnectionString);

    public override ChangeNotices CreateChangeNotices() => _problem is null ? new PostgresChangeNotices(ConnectionString) : ChangeNotices.Sole;

    /// <summary>
    /// Quartz's tables (<c>qrtz_*</c>) in the bot's database, clustered: every instance's scheduler takes part, each
    /// trigger fires on one of them, and the triggers of an instance that stops checking in are recovered by another.
    /// Quartz creates its tables when missing (its PostgreSQL script is built in; schedulers racing to create them
    /// find the winner's).
    /// </summary>
    public override void UseSchedulerStore(IPersistentStoreBuilder store, SchedulingOptions scheduling)
    {
        if (_problem is not null) return; // Quartz reads this at registration; Program.cs reports the problem before anything starts
        store.UsePostgres(ConnectionString);
        store.UseSystemTextJsonSerializer();
        store.UseClustering(cluster =>
        {
            cluster.CheckinInterval = TimeSpan.FromMilliseconds(scheduling.ClusterCheckinIntervalMs);
            cluster.CheckinMisfireThreshold = TimeSpan.FromMilliseconds(scheduling.ClusterCheckinMisfireThresholdMs);
        });
        store.ProvisionSchema();
    }

    public override void ClearPools() => NpgsqlConnection.ClearAllPools();

    /// <summary>
    /// The playground's own database beside the configured one: the same server and user, the database named
    /// "<c>&lt;configured&gt;_playground</c>". The playground drops it at every start, so it never touches the bot's data.
    /// </summary>
    public static string PlaygroundConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        builder.Database = (builder.Database ?? builder.Username ?? "postgres") + "_playground";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Drops the database of <paramref name="connectionString"/> (closing its sessions) and creates it empty, through the
    /// server's maintenance database <c>postgres</c>. The user needs the right to create databases.
    /// </summary>
    public static async Task Recreate(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = "\"" + target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        // Idle pooled sessions of an earlier run in this process would be dead after the drop.
        foreach (var pool in new[] { connectionString, Named(connectionString) })
        {
            await using var pooled = new NpgsqlConnection(pool);
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
