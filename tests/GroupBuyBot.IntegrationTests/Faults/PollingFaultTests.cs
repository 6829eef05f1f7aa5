using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>getUpdates timing out or its connection reset: polling recovers, members' messages are handled once.</summary>
public class PollingFaultTests
{
    [Fact]
    public async Task Polls_that_hang_past_the_client_timeout_are_abandoned_and_the_update_is_handled_once()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        await bot.List(1);

        // The harness abandons a call after 3 s (1 s long poll + 2 s); these polls would answer after 5 s.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "getUpdates", Count: 2, DelayMilliseconds: 5000));
        var bob = bot.Say(Bob, "/join 2");

        Assert.Contains("Bob signed up for 2 units", (await bot.ReplyTo(bob, timeoutSeconds: 25)).Text);
        await bot.List(1, text => text.Contains("Total: 2 units from 1 member"));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Empty(bot.Telegram.GetPendingFaults());
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == bob.MessageId);
    }

    [Fact]
    public async Task Connections_reset_while_members_write_lose_nothing_once_the_link_is_back()
    {
        TcpRelay? relay = null;
        await using var bot = await BotHarness.Start(route: emulator => (relay = TcpRelay.Start(emulator)).BaseUrl);
        await using var _ = relay!;
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);

        relay!.Cut(); // the long poll in flight is reset, and every new connection too
        var carol = bot.Say(Carol, "/join 2");
        var daveTap = bot.Tap(Dave, list, "Join");
        await Task.Delay(1500);
        Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == carol.MessageId);
        relay.Restore();

        Assert.Contains("Carol signed up for 2 units", (await bot.ReplyTo(carol, timeoutSeconds: 25)).Text);
        Assert.NotNull(await bot.Answer(daveTap, timeoutSeconds: 20));
        await bot.List(1, text => text.Contains("Total: 3 units from 2 members"), timeoutSeconds: 20);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == carol.MessageId);
    }
}
