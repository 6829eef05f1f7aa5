using System.Net;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Health;

/// <summary>
/// <c>/healthz</c> and <c>/readyz</c> on the real host against the emulator: 200 when the database, Telegram and the
/// outbox are fine, 503 naming the check that is not, and back to 200 once it is fine again.
/// </summary>
public class HealthEndpointTests
{
    [Fact]
    public async Task A_healthy_bot_is_alive_and_ready_and_names_its_checks()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>([probe.Setting]));

        var live = await probe.Live();
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Empty(live.Checks); // alive: the process answers, nothing else is asked

        var ready = await probe.Ready();
        Assert.True(ready.Status == HttpStatusCode.OK, ready.ToString());
        Assert.Equal("healthy", ready.Overall);
        Assert.Empty(ready.Failed);
        Assert.Equal(["database", "outbox", "telegram"], ready.Checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(ready.Checks.Values, status => Assert.Equal("healthy", status));
    }

    [Fact]
    public async Task Webhook_mode_serves_the_endpoints_too()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: Security.WebhookTests.Settings(GroupBuyBot.TestKit.ClosedPort.Get(), probe.Setting));

        Assert.Equal(HttpStatusCode.OK, (await probe.Live()).Status);
        var ready = await probe.Ready();
        Assert.True(ready.Status == HttpStatusCode.OK, ready.ToString());
        Assert.Empty(bot.Telegram.GetApiCalls("getUpdates"));
    }

    [Fact]
    public async Task Telegram_unreachable_makes_the_bot_unready_but_alive()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>([probe.Setting]));
        Assert.Equal(HttpStatusCode.OK, (await probe.Ready()).Status);

        // Every getMe from now on is reset before Telegram answers it, as a dropped link would.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.ConnectionReset, "getMe", DurationMilliseconds: 600_000));
        var ready = await probe.Ready();
        Assert.True(ready.Status == HttpStatusCode.ServiceUnavailable, ready.ToString());
        Assert.Equal("unhealthy", ready.Overall);
        Assert.Equal(["telegram"], ready.Failed);
        Assert.Equal("healthy", ready.Checks["database"]);
        Assert.DoesNotContain(Token.Split(':')[1], ready.Body, StringComparison.Ordinal); // the token is in every Bot API URL
        Assert.Equal(HttpStatusCode.OK, (await probe.Live()).Status);

        bot.Telegram.ClearFaults();
        Assert.Equal(HttpStatusCode.OK, (await probe.Ready()).Status);
    }

    [Fact]
    public async Task An_outbox_row_that_cannot_go_out_for_longer_than_the_limit_makes_the_bot_unready()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>
        {
            [probe.Setting.Key] = probe.Setting.Value,
            ["GroupBuyBot:Health:OutboxMaxAgeSeconds"] = "60",
        });

        // Sends fail; getMe (the Telegram check) still works, so only the outbox can be what is wrong.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, "sendMessage", DurationMilliseconds: 600_000));
        var help = bot.Say(Alice, "/help");
        await WaitFor(() => bot.Telegram.GetApiCalls("sendMessage").Any(c => c.StatusCode == 500), "a failed send of the help");
        var young = await probe.Ready();
        Assert.True(young.Status == HttpStatusCode.OK, young.ToString()); // a row waiting a minute is not stuck yet

        bot.Time.Advance(TimeSpan.FromSeconds(61)); // the bot's clock: the row was written 61 s ago
        var stuck = await probe.Ready();
        Assert.True(stuck.Status == HttpStatusCode.ServiceUnavailable, stuck.ToString());
        Assert.Equal(["outbox"], stuck.Failed);

        bot.Telegram.ClearFaults();
        await bot.ReplyTo(help, timeoutSeconds: 20);
        var recovered = await probe.ReadyUntil(HttpStatusCode.OK);
        Assert.True(recovered.Status == HttpStatusCode.OK, recovered.ToString());
    }

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"No {what}.");
            await Task.Delay(50);
        }
    }
}
