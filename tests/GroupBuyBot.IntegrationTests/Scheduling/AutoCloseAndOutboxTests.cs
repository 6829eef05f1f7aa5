using GroupBuyBot.Core.Storage;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Scheduling;

/// <summary>Auto-close on a full buy, and the outbox that carries closing notifications across a crash.</summary>
public class AutoCloseAndOutboxTests
{
    private const string FormedHeadline = "is closed and formed";

    [Fact]
    public async Task With_autoclose_on_the_sign_up_that_fills_the_last_place_closes_the_buy_with_one_set_of_notifications()
    {
        await using var bot = await BotHarness.Start();
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Honey | 50 | 2 | 1d | 3");
        await bot.List(1);
        Assert.Equal("Group buy #1 updated.", (await bot.ReplyTo(bot.Say(Alice, "/edit autoclose on"))).Text);
        await bot.List(1, text => text.Contains("Closes by itself when full.", StringComparison.Ordinal));
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        var bobBefore = bot.PrivateMessages(Bob).Count;

        var filled = await bot.ReplyTo(bot.Say(Carol, "/join 1"));
        Assert.StartsWith("Carol", filled.Text);
        Assert.Contains(FormedHeadline, filled.Text);
        await bot.List(1, text => text.Contains("Closed — formed", StringComparison.Ordinal));

        // The deadline comes later and finds nothing to do; a late join is refused.
        bot.Time.Advance(TimeSpan.FromDays(1));
        Assert.Contains("no longer open", (await bot.ReplyTo(bot.Say(Dave, "/join #1 1"))).Text);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
        Assert.Equal(bobBefore + 1, bot.PrivateMessages(Bob).Count);
    }

    [Fact]
    public async Task A_crash_between_the_committed_close_and_its_notifications_sends_them_once_after_restart()
    {
        await using var bot = await BotHarness.Start();
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Tea | 30 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        var bobBefore = bot.PrivateMessages(Bob).Count;

        // The close commits, and the process dies before anyone is told: only the database knows (its outbox row).
        await bot.StopBot();
        await using (var stores = await Persistence.StoreFixture.Open(bot.DataDirectory))
        {
            var buy = await stores.Buys.FindByNumber(GroupId, 1, CancellationToken.None);
            var closed = await stores.Buys.Change(buy!.Id, null, b => b.Close(bot.Time.GetUtcNow()), CancellationToken.None);
            Assert.True(closed.Value);
        }

        Assert.Empty(bot.GroupMessagesContaining(FormedHeadline));

        await bot.StartBot();
        await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal));
        await bot.PrivateMessage(Bob, m => m.Text!.Contains("formed", StringComparison.Ordinal));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));

        // Sent, the outbox row is gone: another restart says nothing again.
        await bot.StopBot();
        await bot.StartBot();
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
        Assert.Equal(bobBefore + 1, bot.PrivateMessages(Bob).Count);
    }
}
