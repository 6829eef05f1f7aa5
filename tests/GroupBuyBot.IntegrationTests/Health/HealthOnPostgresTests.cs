using System.Net;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit.Postgres;

namespace GroupBuyBot.IntegrationTests.Health;

/// <summary>The database check on PostgreSQL: the bot reaches its server through a relay the test cuts, as a dropped link or a stopped server would.</summary>
[Trait("Category", "Postgres")]
public class HealthOnPostgresTests
{
    [Fact]
    public async Task The_database_unreachable_makes_the_bot_unready_until_it_is_back()
    {
        await using var relay = (await PostgresServer.Get()).StartRelay();
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>([probe.Setting]), database: DatabaseProviderKind.Postgres,
            routeDatabase: connection => PostgresServer.Through(relay, connection), systemClock: true);
        var healthy = await probe.Ready();
        Assert.True(healthy.Status == HttpStatusCode.OK, healthy.ToString());

        await bot.WaitForSchedulerCheckIn(); // Quartz must be past its start before the database goes
        relay.Cut();
        var cut = await probe.Ready();
        Assert.True(cut.Status == HttpStatusCode.ServiceUnavailable, cut.ToString());
        Assert.Contains("database", cut.Failed);
        Assert.Equal("healthy", cut.Checks["telegram"]);
        Assert.Equal(HttpStatusCode.OK, (await probe.Live()).Status);

        relay.Restore();
        var back = await probe.ReadyUntil(HttpStatusCode.OK);
        Assert.True(back.Status == HttpStatusCode.OK, back.ToString());
    }
}
