using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Postgres;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Instances;

/// <summary>
/// The active instance whose lease connection breaks stops polling (another instance may hold the lock by now), and
/// polls again once it has taken the lease anew. The bot reaches PostgreSQL through a relay the test cuts.
/// </summary>
[Trait("Category", "Postgres")]
public class LostLeaseTests
{
    [Fact]
    public async Task An_instance_that_loses_its_lease_stops_polling_until_it_holds_it_again()
    {
        await using var relay = (await PostgresServer.Get()).StartRelay();
        var logs = new CapturedLogs();
        await using var bot = await BotHarness.Start(logs: logs, database: DatabaseProviderKind.Postgres,
            routeDatabase: connection => PostgresServer.Through(relay, connection), systemClock: true);
        await WaitFor(() => bot.Telegram.GetApiCalls("getUpdates").Count > 0, "a first poll");
        await bot.ReplyTo(bot.Say(Alice, "/help")); // it polls and sends

        await bot.WaitForSchedulerCheckIn(); // Quartz must be past its start before the database goes
        relay.Cut();
        await WaitFor(() => logs.Lines.Any(l => l.Contains("Lost the active instance's lease", StringComparison.Ordinal)), "the lease to be lost");
        var pollsAtLoss = bot.Telegram.GetApiCalls("getUpdates").Count;
        var help = bot.Say(Bob, "/help");
        await Task.Delay(3000); // three long polls' worth (PollingTimeoutSeconds is 1): a poller would have fetched it
        Assert.Equal(1, bot.Telegram.PendingUpdateCount); // still Telegram's: nobody took it
        Assert.True(bot.Telegram.GetApiCalls("getUpdates").Count <= pollsAtLoss + 1, "it kept polling without its lease"); // at most the one cancelled at the loss

        relay.Restore();
        await bot.ReplyTo(help, timeoutSeconds: 30);
        Assert.Equal(0, bot.Telegram.PendingUpdateCount);
    }

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited for {what}.");
            await Task.Delay(50);
        }
    }
}
