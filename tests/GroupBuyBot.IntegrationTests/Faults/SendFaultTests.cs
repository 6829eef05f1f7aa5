using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>Telegram failing or slow on the bot's sends and edits: every reply still arrives once, the list converges.</summary>
public class SendFaultTests
{
    [Fact]
    public async Task Server_errors_and_slow_answers_on_sends_and_edits_lose_no_reply_and_the_list_converges()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);

        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, Method: "sendMessage", Count: 2));
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.BadGateway, Method: "editMessageText", Count: 2));
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "editMessageText", Count: 2, DelayMilliseconds: 700));
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "sendMessage", Count: 1, DelayMilliseconds: 700));
        var carol = bot.Say(Carol, "/join 2");
        var bobTap = bot.Tap(Bob, list, "Join");
        var dave = bot.Say(Dave, "/join 3");

        Assert.Contains("Carol signed up for 2 units", (await bot.ReplyTo(carol, timeoutSeconds: 20)).Text);
        Assert.Contains("Dave signed up for 3 units", (await bot.ReplyTo(dave, timeoutSeconds: 20)).Text);
        Assert.NotNull(await bot.Answer(bobTap, timeoutSeconds: 20));
        var converged = await bot.List(1, text => text.Contains("Total: 6 units from 3 members"), timeoutSeconds: 20);
        Assert.Contains("Bob", converged.Text);

        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Empty(bot.Telegram.GetPendingFaults());
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == carol.MessageId);
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == dave.MessageId);
        Assert.Equal(2, bot.Telegram.GetApiCalls("sendMessage").Count(c => c.StatusCode == 500));
        Assert.Equal(2, bot.Telegram.GetApiCalls("editMessageText").Count(c => c.StatusCode == 502));
        Assert.Contains("Total: 6 units from 3 members", bot.CurrentList(1).Text);
    }

    [Fact]
    public async Task A_send_that_hangs_past_the_client_timeout_is_sent_again_once()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        await bot.List(1);

        // The harness abandons a call after 3 s; the emulator drops a request its client gave up on, as Telegram would.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "sendMessage", Count: 1, DelayMilliseconds: 5000));
        var bob = bot.Say(Bob, "/join 2");

        Assert.Contains("Bob signed up for 2 units", (await bot.ReplyTo(bob, timeoutSeconds: 20)).Text);
        await bot.List(1, text => text.Contains("Total: 2 units from 1 member"));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == bob.MessageId);
    }
}
