using System.Globalization;
using Npgsql;

namespace GroupBuyBot.Infrastructure.Persistence.Postgres;

/// <summary>
/// Change notices through PostgreSQL's <c>NOTIFY</c> / <c>LISTEN</c> on one channel per database: a notice reaches every
/// session listening when it is sent (its own included; forgetting twice is harmless) and none that is not. So a
/// listener that lost its connection says "forget everything" once it is back.
/// </summary>
public sealed class PostgresChangeNotices(string connectionString) : ChangeNotices
{
    public const string Channel = "groupbuybot_chat_changed";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    public override async Task Publish(long chatId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @chat)", connection);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("chat", chatId.ToString(CultureInfo.InvariantCulture));
        await notify.ExecuteNonQueryAsync(ct);
    }

    public override async Task Listen(Action<long?> changed, CancellationToken ct)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false, // a session of its own: LISTEN belongs to it
            KeepAlive = 5, // a dead connection is noticed while waiting
        }.ConnectionString;
        for (var first = true; !ct.IsCancellationRequested; first = false)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                await connection.OpenAsync(ct);
                connection.Notification += (_, notice) =>
                {
                    if (long.TryParse(notice.Payload, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId)) changed(chatId);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                if (!first) changed(null); // notices sent while this listener was away are lost
                while (true) await connection.WaitAsync(ct);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException && !ct.IsCancellationRequested)
            {
                await Task.Delay(Reconnect, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
