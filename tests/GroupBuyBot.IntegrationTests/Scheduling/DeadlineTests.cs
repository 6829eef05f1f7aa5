using System.Diagnostics;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Scheduling;

/// <summary>Buys close by themselves at their deadline, through the real Quartz scheduler on its SQLite file.</summary>
public class DeadlineTests
{
    private const string FormedHeadline = "is closed and formed";

    [Fact]
    public async Task At_the_deadline_a_buy_that_met_its_minimum_forms_at_the_tier_price_and_participants_are_told()
    {
        await using var bot = await BotHarness.Start();
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Oranges | 60 | 3 | 2d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/edit tiers 3:55"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2 big ones"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1"));

        bot.Time.Advance(TimeSpan.FromDays(2));

        var summary = await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal));
        Assert.Contains("3 units at ¥55 each", summary.Text);
        Assert.Contains("1. Bob ×2 — ¥110 (big ones)", summary.Text);
        Assert.Contains("2. Carol ×1 — ¥55", summary.Text);
        Assert.Contains("Total: 3 units at ¥55 each = ¥165", summary.Text);
        Assert.Contains("Next: Alice places the order", summary.Text);

        // Bob started the bot: a private confirmation. Carol did not: she is mentioned in the group instead.
        var dm = await bot.PrivateMessage(Bob, m => m.Text!.Contains("formed", StringComparison.Ordinal));
        Assert.Contains("Your share: 2 units at ¥55 = ¥110", dm.Text);
        Assert.Contains("Carol: I can't message you privately", summary.Text);
        Assert.DoesNotContain("Bob:", summary.Text);
        Assert.Contains("tg://user?id=13", summary.RawText);

        var list = await bot.List(1, text => text.Contains("Closed — formed", StringComparison.Ordinal));
        Assert.Empty(list.Buttons);
    }

    [Fact]
    public async Task At_the_deadline_a_buy_short_of_its_minimum_fails_and_nobody_is_charged()
    {
        await using var bot = await BotHarness.Start();
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Durian | 120 | 5 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));

        // One minute early: nothing happens yet.
        bot.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Empty(bot.GroupMessagesContaining("closed"));

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var summary = await bot.BotMessage(m => m.Text!.Contains("closed without reaching the minimum (2 of 5)", StringComparison.Ordinal));
        Assert.Contains("nobody will be charged", summary.Text);
        var dm = await bot.PrivateMessage(Bob, m => m.Text!.Contains("did not form", StringComparison.Ordinal));
        Assert.Contains("You will not be charged", dm.Text);
        await bot.List(1, text => text.Contains("Closed — not formed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_real_scheduler_closes_a_buy_a_few_seconds_away_not_before()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Rice | 40 | 1 | 1h");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        bot.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(3));

        // From here the clock follows real time: the scheduler waits its three seconds like in production.
        using var ticking = new CancellationTokenSource();
        var started = Stopwatch.StartNew();
        var ticker = Task.Run(async () =>
        {
            var last = started.Elapsed;
            while (!ticking.IsCancellationRequested)
            {
                await Task.Delay(20);
                var now = started.Elapsed;
                bot.Time.Advance(now - last);
                last = now;
            }
        });

        await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal), timeoutSeconds: 15);
        var waited = started.Elapsed;
        await ticking.CancelAsync();
        await ticker;
        Assert.InRange(waited, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_deadline_that_passed_while_the_bot_was_down_closes_the_buy_once_soon_after_start()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Tea | 30 | 1 | 1h");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));

        await bot.StopBot();
        bot.Time.Advance(TimeSpan.FromHours(3));
        await bot.StartBot();

        await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));

        // And another restart does not close (or announce) it again.
        await bot.StopBot();
        await bot.StartBot();
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
    }

    [Fact]
    public async Task The_deadline_job_racing_close_gives_one_close_and_one_set_of_notifications()
    {
        await using var bot = await BotHarness.Start();
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Honey | 50 | 1 | 1h");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        var before = bot.PrivateMessages(Bob).Count;

        // The organizer closes at the very moment the deadline comes.
        bot.Say(Alice, "/close");
        bot.Time.Advance(TimeSpan.FromHours(1));

        await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
        Assert.Equal(before + 1, bot.PrivateMessages(Bob).Count);
        Assert.Empty(bot.GroupMessagesContaining("no longer open"));
    }

    [Fact]
    public async Task Extend_moves_the_deadline_and_cancel_removes_it()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Tea | 30 | 1 | 1h");
        await bot.List(1);
        bot.Say(Alice, "/newbuy Coffee | 30 | 1 | 1h");
        await bot.List(2);
        await bot.ReplyTo(bot.Say(Alice, "/extend #1 2h"));
        await bot.ReplyTo(bot.Say(Alice, "/cancel #2"));

        bot.Time.Advance(TimeSpan.FromHours(2));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Empty(bot.GroupMessagesContaining("closed"));

        bot.Time.Advance(TimeSpan.FromHours(1));
        var closed = await bot.BotMessage(m => m.Text!.Contains("closed without reaching", StringComparison.Ordinal));
        Assert.Contains("#1", closed.Text);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Empty(bot.GroupMessagesContaining("Coffee” is closed"));
    }
}
