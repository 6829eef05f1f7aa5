using System.Diagnostics;
using GroupBuyBot.Infrastructure.Persistence.Postgres;
using GroupBuyBot.TestKit.Postgres;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>
/// Chat claims of two instances on one real PostgreSQL server, the first one's session cut: the claims it lost are known
/// to be lost, so its chat queues stop or claim again before their next step.
/// </summary>
[Trait("Category", "Postgres")]
public class PostgresChatClaimsTests
{
    [Fact]
    public async Task A_session_that_breaks_says_its_claims_are_gone()
    {
        var server = await PostgresServer.Get();
        await using var database = await server.CreateDatabase();
        await using var relay = server.StartRelay();
        await using var first = new PostgresChatClaims(PostgresServer.Through(relay, database.ConnectionString));
        await using var second = new PostgresChatClaims(database.ConnectionString);
        Assert.True(await first.TryClaim(1, CancellationToken.None));

        relay.Cut();
        Assert.False(await first.TryClaim(2, CancellationToken.None));
        relay.Restore();

        Assert.False(first.Holds(1)); // the queue of chat 1 claims it again before its next step, or leaves it
        for (var waited = Stopwatch.StartNew(); !await second.TryClaim(1, CancellationToken.None); await Task.Delay(100))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the server never ended the broken session");
        }

        Assert.False(await first.TryClaim(1, CancellationToken.None));
        Assert.True(await first.TryClaim(2, CancellationToken.None));
    }
}
