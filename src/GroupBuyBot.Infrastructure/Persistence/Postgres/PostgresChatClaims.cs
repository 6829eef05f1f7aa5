using Npgsql;

namespace GroupBuyBot.Infrastructure.Persistence.Postgres;

/// <summary>
/// Chat claims on PostgreSQL: session-level advisory locks (<c>pg_try_advisory_lock(class, chat)</c>) on one connection
/// of this process's own, kept open without a pool, so that the claims live exactly as long as the process's session.
/// Advisory locks are re-entrant within a session: a chat queue that starts again here while the previous one is
/// releasing holds it twice, then once.
/// <para>
/// The session is never closed while it holds claims: closing it would release every chat this process is still
/// handling, and another instance would start on them out of order. A call that fails on a session still open (a
/// timeout under load, which Npgsql cancels) leaves the session in doubt: it takes no new claim (the call may or may
/// not have taken the lock) and is replaced once its last claim is released. A session that broke lost its claims on
/// the server: <see cref="Holds"/> says so, and each queue claims its chat again before its next step.
/// </para>
/// </summary>
/// <param name="commandTimeoutSeconds">How long a claim or release may take before it counts as failed.</param>
public sealed class PostgresChatClaims(string connectionString, int commandTimeoutSeconds = 5) : ChatClaims
{
    /// <summary>The advisory lock class of chat claims: "GBch" in ASCII (the object is <see cref="PostgresDatabase.LockObjectOf"/> the chat).</summary>
    private const int ClaimClass = 0x4742_6368;

    private readonly SemaphoreSlim _session = new(1, 1); // one command at a time on the connection
    private readonly Lock _state = new();
    private readonly Dictionary<long, int> _held = []; // chats claimed on the current session, and how many times
    private NpgsqlConnection? _connection;
    private bool _inDoubt;

    public override bool Shared => true;

    public override bool Holds(long chatId)
    {
        lock (_state) return _connection is { State: System.Data.ConnectionState.Open } && _held.ContainsKey(chatId);
    }

    public override async Task<bool> TryClaim(long chatId, CancellationToken ct)
    {
        await _session.WaitAsync(ct);
        try
        {
            lock (_state)
            {
                if (_inDoubt && _held.Count > 0) return false; // claims held: keep the session until they are released
            }

            var connection = await Connection(ct);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, @chat)", connection);
            take.Parameters.AddWithValue("class", ClaimClass);
            take.Parameters.AddWithValue("chat", PostgresDatabase.LockObjectOf(chatId));
            if (await take.ExecuteScalarAsync(ct) is not true) return false;
            lock (_state) _held[chatId] = _held.GetValueOrDefault(chatId) + 1;
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await Failed();
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
            lock (_state)
            {
                if (!_held.TryGetValue(chatId, out var times)) return; // not held on this session: it ended, and its claims with it
                if (times == 1) _held.Remove(chatId);
                else _held[chatId] = times - 1;
            }

            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, @chat)", _connection);
            release.Parameters.AddWithValue("class", ClaimClass);
            release.Parameters.AddWithValue("chat", PostgresDatabase.LockObjectOf(chatId));
            await release.ExecuteScalarAsync();
            bool drop;
            lock (_state) drop = _inDoubt && _held.Count == 0;
            if (drop) await Drop(); // with it goes any lock the call in doubt may have taken
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await Failed(); // in doubt whether it was released: the session goes once it holds nothing else
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

    /// <summary>A call failed: a broken session lost its claims (drop it); an open one is in doubt (kept while it holds claims).</summary>
    private async Task Failed()
    {
        bool drop;
        lock (_state)
        {
            _inDoubt = true;
            drop = _connection is not { State: System.Data.ConnectionState.Open } || _held.Count == 0;
        }

        if (drop) await Drop();
    }

    private async Task<NpgsqlConnection> Connection(CancellationToken ct)
    {
        lock (_state)
        {
            if (_connection is { State: System.Data.ConnectionState.Open } open && !_inDoubt) return open;
        }

        await Drop();
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // closing must end the session (and release the claims), not return it to a pool
            CommandTimeout = commandTimeoutSeconds,
            ApplicationName = $"{new NpgsqlConnectionStringBuilder(connectionString).ApplicationName} (chat claims)",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var keepalives = new NpgsqlCommand("SET tcp_keepalives_idle = 4; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3", connection))
        {
            await keepalives.ExecuteNonQueryAsync(ct);
        }

        lock (_state) _connection = connection;
        return connection;
    }

    /// <summary>Ends the session: the server releases whatever it held.</summary>
    private async Task Drop()
    {
        NpgsqlConnection? connection;
        lock (_state)
        {
            connection = _connection;
            _connection = null;
            _held.Clear();
            _inDoubt = false;
        }

        if (connection is not null) await connection.DisposeAsync();
    }
}
