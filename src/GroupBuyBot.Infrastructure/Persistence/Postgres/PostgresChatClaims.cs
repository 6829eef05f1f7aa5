using Npgsql;

namespace GroupBuyBot.Infrastructure.Persistence.Postgres;

/// <summary>
/// Chat claims on PostgreSQL: session-level advisory locks (<c>pg_try_advisory_lock(class, chat)</c>) on one connection
/// of this process's own, kept open without a pool, so that the claims live exactly as long as the process's session.
/// Advisory locks are re-entrant within a session: a chat queue that starts again here while the previous one is
/// releasing holds it twice, then once. A failed call (the session is gone) reconnects on the next claim; the claims of
/// the lost session were released by the server, and another instance may take them.
/// </summary>
public sealed class PostgresChatClaims(string connectionString) : ChatClaims
{
    /// <summary>The advisory lock class of chat claims: "GBch" in ASCII (the object is <see cref="PostgresDatabase.LockObjectOf"/> the chat).</summary>
    private const int ClaimClass = 0x4742_6368;

    private readonly SemaphoreSlim _session = new(1, 1); // one command at a time on the connection
    private NpgsqlConnection? _connection;

    public override bool Shared => true;

    public override async Task<bool> TryClaim(long chatId, CancellationToken ct)
    {
        await _session.WaitAsync(ct);
        try
        {
            var connection = await Connection(ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, @chat)", connection);
            take.Parameters.AddWithValue("class", ClaimClass);
            take.Parameters.AddWithValue("chat", PostgresDatabase.LockObjectOf(chatId));
            return await take.ExecuteScalarAsync(ct) is true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await Drop();
            return false;
        }
        finally
        {
            _session.Release();
        }
    }

    public override async Task Release(long chatId)
    {
        await _session.WaitAsync();
        try
        {
            if (_connection is null) return; // the session ended: the server released its claims
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, @chat)", _connection);
            release.Parameters.AddWithValue("class", ClaimClass);
            release.Parameters.AddWithValue("chat", PostgresDatabase.LockObjectOf(chatId));
            await release.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await Drop();
        }
        finally
        {
            _session.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await Drop();
        _session.Dispose();
        await base.DisposeAsync();
    }

    private async Task<NpgsqlConnection> Connection(CancellationToken ct)
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open) return open;
        await Drop();
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // closing must end the session (and release the claims), not return it to a pool
            CommandTimeout = 5,
            ApplicationName = $"{new NpgsqlConnectionStringBuilder(connectionString).ApplicationName} (chat claims)",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var keepalives = new NpgsqlCommand("SET tcp_keepalives_idle = 4; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3", connection))
        {
            await keepalives.ExecuteNonQueryAsync(ct);
        }

        return _connection = connection;
    }

    private async Task Drop()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }
}
