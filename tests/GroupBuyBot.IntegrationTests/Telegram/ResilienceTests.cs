using GroupBuyBot.BotApiEmulator.Models;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>Restarts, redelivered updates and Telegram's 429s: nothing a member did is lost or applied twice.</summary>
public class ResilienceTests
{
    [Fact]
    public async Task Restarting_the_worker_mid_story_loses_nothing_and_applies_nothing_twice()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);
        await bot.Answer(bot.Tap(Bob, list, "Join"));
        await bot.ReplyTo(bot.Say(Carol, "/join 2"));

        await bot.StopBot();

        // While the bot is down, members keep writing; Telegram holds the updates.
        var dave = bot.Say(Dave, "/join 3 sweet ones");
        var erinTap = bot.Tap(Erin, list, "+1");

        await bot.StartBot();
        await bot.ReplyTo(dave);
        await bot.Answer(erinTap);
        var after = await bot.List(1, text => text.Contains("Total: 7 units from 4 members"));
        Assert.Contains("Dave ×3 (sweet ones)", after.Text);

        // A second restart must not re-apply anything already handled.
        await bot.StopBot();
        await bot.StartBot();
        bot.Say(Frank, "/join");
        var final = await bot.List(1, text => text.Contains("Frank"));
        Assert.Contains("Total: 8 units from 5 members", final.Text);
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.ReplyToMessageId == dave.MessageId && m.IsFromBot);
    }

    [Fact]
    public async Task A_429_from_telegram_delays_but_loses_no_message()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        await bot.List(1);

        bot.Telegram.InjectFault(new FaultSpec(FaultKind.TooManyRequests, Method: "sendMessage", Count: 2, RetryAfterSeconds: 1));
        var started = DateTime.UtcNow;
        var reply = await bot.ReplyTo(bot.Say(Bob, "/join 2"), timeoutSeconds: 15);

        Assert.Contains("Bob signed up for 2 units", reply.Text);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1), "the bot should have waited out retry_after");
        Assert.Equal(2, bot.Telegram.GetApiCalls("sendMessage").Count(c => c.StatusCode == 429));
        await bot.List(1, text => text.Contains("Bob ×2"));
    }

    [Fact]
    public async Task Server_errors_on_get_updates_are_retried()
    {
        await using var bot = await BotHarness.Start();
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, Method: "getUpdates", Count: 2));

        var reply = await bot.ReplyTo(bot.Say(Bob, "/buys"), timeoutSeconds: 15);

        Assert.Contains("No group buy is open", reply.Text);
    }
}
