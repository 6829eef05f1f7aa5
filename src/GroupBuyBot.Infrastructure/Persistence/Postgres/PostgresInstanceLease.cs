using Npgsql;

namespace GroupBuyBot.Infrastructure.Persistence.Postgres;

/// <summary>
/// The active instance's claim on PostgreSQL: a session-level advisory lock (<c>pg_try_advisory_lock</c>) on a
/// connection of its own, kept open (no pool), so the lock lives exactly as long as that session. A process that dies
/// closes its socket and the server ends the session at once; a peer that vanishes without closing (a cut link) is
/// found by the server's TCP keepalives, set short on this session. The holder checks the session now and then
/// (<see cref="IsHeld"/>): a query that fails or does not answer within the command timeout means the lock may be
/// gone, and the holder must stop acting on it.
/// </summary>
public sealed class PostgresInstanceLease : InstanceLease
{
    /// <summary>The advisory lock key of the active instance, per database: "GBBlead" in ASCII.</summary>
    public const long ActiveInstanceLockKey = 0x4742_426C_6561_64;

    private const int CheckTimeoutSeconds = 3;
    private readonly NpgsqlConnection _connection;
    private bool _lost;

    private PostgresInstanceLease(NpgsqlConnection connection) => _connection = connection;

    /// <returns>The lease, or null when another session holds the lock.</returns>
    public static async Task<PostgresInstanceLease?> TryTake(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // closing must end the session (and release the lock), not return it to a pool
            CommandTimeout = CheckTimeoutSeconds,
            ApplicationName = $"{new NpgsqlConnectionStringBuilder(connectionString).ApplicationName} (active instance)",
        };
#pragma warning disable CA2000 // the lease owns it once taken; the finally disposes it on every other path (the analyzer does not follow DisposeAsync there)
        NpgsqlConnection? connection = new(builder.ConnectionString);
#pragma warning restore CA2000
        try
        {
            await connection.OpenAsync(ct);

            // The server gives up on this session within about 10 s of its peer going silent (TCP only; ignored on a socket file).
            await using (var keepalives = new NpgsqlCommand("SET tcp_keepalives_idle = 4; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3", connection))
            {
                await keepalives.ExecuteNonQueryAsync(ct);
            }

            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", ActiveInstanceLockKey);
            if (await take.ExecuteScalarAsync(ct) is true)
            {
                var lease = new PostgresInstanceLease(connection);
                connection = null; // the lease owns it now
                return lease;
            }

            return null;
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The session that took the lock still answers. Without a pool the connection never reconnects behind our back,
    /// so an answer comes from that very session, which holds the lock until it ends.
    /// </summary>
    public override async Task<bool> IsHeld(CancellationToken ct)
    {
        if (_lost) return false;
        try
        {
            await using var check = new NpgsqlCommand("SELECT 1", _connection);
            _lost = await check.ExecuteScalarAsync(ct) is not 1;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            _lost = true;
        }

        return !_lost;
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.DisposeAsync(); // the session ends: the server releases the lock
        }
        catch (NpgsqlException)
        {
            // already broken: the server ends the session on its own
        }
    }
}
