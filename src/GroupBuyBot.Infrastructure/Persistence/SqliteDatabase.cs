using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Everything specific to SQLite lives here: the file, WAL mode, the busy timeout and which errors are worth a retry.
/// A PostgreSQL provider would be a sibling of this class.
/// </summary>
public static class SqliteDatabase
{
    public const string FileName = "groupbuybot.db";

    public static string ConnectionString(DatabaseOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(options.DataDirectory, FileName),
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
        }.ToString();
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseSqlite(ConnectionString(options)).AddInterceptors(new ConnectionPragmas(options.BusyTimeoutMs));

    /// <summary>Applies migrations and switches the file to WAL, so readers never block the writer.</summary>
    public static async Task Migrate(BotDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>SQLITE_BUSY / SQLITE_LOCKED: another writer held the lock longer than the busy timeout.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } || exception.InnerException is { } inner && IsTransient(inner);

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
