using System.Collections.Concurrent;
using System.Diagnostics;
using GroupBuyBot.Infrastructure.Persistence.Postgres;
using GroupBuyBot.TestKit.Postgres;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>
/// Change notices between two instances on one real PostgreSQL server (<c>NOTIFY</c>/<c>LISTEN</c>): what Telegram told
/// one instance about a chat's administrators reaches the other within moments, and a listener that lost its
/// connection forgets everything once it is back, since what was sent meanwhile is lost.
/// </summary>
[Trait("Category", "Postgres")]
public class PostgresChangeNoticesTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_chat_published_by_one_instance_reaches_the_other()
    {
        var server = await PostgresServer.Get();
        await using var database = await server.CreateDatabase();
        var heard = new ConcurrentQueue<long?>();
        using var stop = new CancellationTokenSource();
        var listening = new PostgresChangeNotices(database.ConnectionString).Listen(heard.Enqueue, stop.Token);
        var publisher = new PostgresChangeNotices(database.ConnectionString);

        // Published again until heard: a notice sent before the other session listens reaches nobody.
        for (var waited = Stopwatch.StartNew(); !heard.Contains(-1001); await Task.Delay(100))
        {
            Assert.True(waited.Elapsed < Within, "the other instance never heard of the chat");
            await publisher.Publish(-1001, CancellationToken.None);
        }

        Assert.DoesNotContain(null, heard); // nothing was missed
        await stop.CancelAsync();
        await listening; // a stop ends the listener quietly
    }

    [Fact]
    public async Task A_listener_that_lost_its_connection_forgets_every_chat_once_it_is_back()
    {
        var server = await PostgresServer.Get();
        await using var database = await server.CreateDatabase();
        await using var relay = server.StartRelay();
        var heard = new ConcurrentQueue<long?>();
        using var stop = new CancellationTokenSource();
        var listening = new PostgresChangeNotices(PostgresServer.Through(relay, database.ConnectionString)).Listen(heard.Enqueue, stop.Token);
        var publisher = new PostgresChangeNotices(database.ConnectionString);
        for (var waited = Stopwatch.StartNew(); !heard.Contains(7); await Task.Delay(100))
        {
            Assert.True(waited.Elapsed < Within, "the listener never heard of chat 7");
            await publisher.Publish(7, CancellationToken.None);
        }

        relay.Cut();
        await publisher.Publish(8, CancellationToken.None); // sent while the listener is away: lost
        relay.Restore();

        for (var waited = Stopwatch.StartNew(); !heard.Contains(null); await Task.Delay(100))
        {
            Assert.True(waited.Elapsed < Within, "the listener never said it had been away");
        }

        Assert.DoesNotContain(8, heard);
        await stop.CancelAsync();
        await listening;
    }
}
