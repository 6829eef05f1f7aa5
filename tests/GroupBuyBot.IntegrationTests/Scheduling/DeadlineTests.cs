using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Scheduling;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Scheduling;

/// <summary>Buys close by themselves at their deadline, through the real Quartz scheduler (its SQLite file, or clustered on PostgreSQL).</summary>
public class DeadlineTests
{
    /// <summary>SQLite here; the same stories on PostgreSQL in <see cref="DeadlineTestsOnPostgres"/>.</summary>
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    private const string FormedHeadline = "is closed and formed";

    [Fact]
    public async Task At_the_deadline_a_buy_that_met_its_minimum_forms_at_the_tier_price_and_participants_are_told()
    {
        await using var bot = await BotHarness.Start(database: Database);
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
        await using var bot = await BotHarness.Start(database: Database);
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
        await using var bot = await BotHarness.Start(database: Database);
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
        await using var bot = await BotHarness.Start(database: Database);
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
    public async Task Close_wins_the_race_when_it_commits_first_and_the_deadline_job_running_after_it_closes_nothing_and_tells_nobody()
    {
        await using var bot = await BotHarness.Start(database: Database);
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Honey | 50 | 1 | 1h");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        var before = bot.PrivateMessages(Bob).Count;

        // The organizer's /close commits first (one second before the deadline): its answer is the summary.
        bot.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        var closed = await bot.ReplyTo(bot.Say(Alice, "/close"));
        Assert.Contains(FormedHeadline, closed.Text);

        // Then the deadline job runs, at the deadline, through the real scheduler: as it does when it fired just
        // before /close removed its trigger, and its transaction came second.
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await RunDeadlineJob(bot, number: 1));

        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
        Assert.Equal(before + 1, bot.PrivateMessages(Bob).Count);
        Assert.Empty(bot.GroupMessagesContaining("Too late"));
        Assert.Empty(bot.GroupMessagesContaining("no longer open"));
    }

    [Fact]
    public async Task When_the_deadline_wins_a_late_close_cancel_extend_or_edit_says_the_buy_closed_at_its_deadline_and_formed()
    {
        await using var bot = await BotHarness.Start(database: Database);
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Honey | 50 | 1 | 1h");
        var list = await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        var before = bot.PrivateMessages(Bob).Count;

        // The deadline job commits first: its summary is posted on its own, not as an answer to anyone.
        bot.Time.Advance(TimeSpan.FromHours(1));
        var summary = await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal));
        Assert.Null(summary.ReplyToMessageId);
        await bot.List(1, text => text.Contains("Closed — formed", StringComparison.Ordinal));

        // Then the organizer's commands, by number or as a reply to the list: each says what happened, none changes anything.
        const string TooLate = "Too late: group buy #1 “Honey” already closed at its deadline (2026-11-23 19:00) and formed (成团): "
            + "1 unit at ¥50 each. It can no longer be changed.";
        Assert.Equal(TooLate, (await bot.ReplyTo(bot.Say(Alice, "/close #1"))).Text);
        Assert.Equal(TooLate, (await bot.ReplyTo(bot.Say(Alice, "/close", replyTo: list.MessageId))).Text);
        Assert.Equal(TooLate, (await bot.ReplyTo(bot.Say(Alice, "/cancel 1"))).Text);
        Assert.Equal(TooLate, (await bot.ReplyTo(bot.Say(Alice, "/extend #1 1d"))).Text);
        Assert.Equal(TooLate, (await bot.ReplyTo(bot.Say(Alice, "/edit #1 price 40"))).Text);

        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
        Assert.Equal(before + 1, bot.PrivateMessages(Bob).Count);
        var final = bot.CurrentList(1).Text!;
        Assert.Contains("Closed — formed", final);
        Assert.DoesNotContain("Cancelled", final);
        Assert.DoesNotContain("¥40", final);
    }

    [Fact]
    public async Task In_chinese_a_close_that_lost_to_the_deadline_says_the_buy_closed_at_its_deadline_and_failed()
    {
        await using var bot = await BotHarness.Start(language: "zh", database: Database);
        bot.Say(Alice, "/newbuy 蜂蜜 | 50 | 3 | 1h");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));

        bot.Time.Advance(TimeSpan.FromHours(1));
        await bot.BotMessage(m => m.Text!.Contains("未达成团数量（1/3）", StringComparison.Ordinal));

        var late = await bot.ReplyTo(bot.Say(Alice, "/close #1"));
        Assert.Equal("来晚了：#1「蜂蜜」已在截止时间（2026-11-23 19:00）截单，未达成团数量（1/3），流团，不会向任何人收费。已不能再修改。", late.Text);
    }

    [Fact]
    public async Task The_deadline_job_racing_close_gives_one_close_and_one_set_of_notifications_whichever_wins()
    {
        await using var bot = await BotHarness.Start(database: Database);
        await bot.StartPrivateChat(Bob);
        bot.Say(Alice, "/newbuy Honey | 50 | 1 | 1h");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        var before = bot.PrivateMessages(Bob).Count;

        // Truly concurrent: who wins is up to the machine, so nothing below depends on it (the two orders are
        // forced one by one in the tests above). What holds either way: one close, one summary, one confirmation.
        var close = bot.Say(Alice, "/close #1");
        bot.Time.Advance(TimeSpan.FromHours(1));

        var answer = (await bot.ReplyTo(close)).Text!;
        Assert.True(answer.Contains(FormedHeadline, StringComparison.Ordinal) || answer.StartsWith("Too late: group buy #1 “Honey” already closed at its deadline", StringComparison.Ordinal), answer);
        await bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
        Assert.Equal(before + 1, bot.PrivateMessages(Bob).Count);
        Assert.Empty(bot.GroupMessagesContaining("no longer open"));
    }

    [Fact]
    public async Task Extend_moves_the_deadline_and_cancel_removes_it()
    {
        await using var bot = await BotHarness.Start(database: Database);
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

    /// <summary>Fires the real deadline job of buy #<paramref name="number"/> in the real scheduler, and waits until it ran.</summary>
    /// <returns>What the job threw, if anything.</returns>
    private static async Task<JobExecutionException?> RunDeadlineJob(BotHarness bot, int number)
    {
        var buy = await bot.Services.GetRequiredService<IGroupBuyStore>().FindByNumber(GroupId, number, CancellationToken.None);
        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var ran = new JobRan();
        scheduler.ListenerManager.AddJobListener(ran, [Matchers.Key(QuartzDeadlineSchedule.DeadlineJob)]);
        var data = new JobDataMap();
        data.Add(QuartzDeadlineSchedule.BuyIdKey, buy!.Id.ToString(CultureInfo.InvariantCulture));
        await scheduler.TriggerJob(QuartzDeadlineSchedule.DeadlineJob, data);
        return await ran.Execution.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class JobRan : IJobListener
    {
        private readonly TaskCompletionSource<JobExecutionException?> _execution = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<JobExecutionException?> Execution => _execution.Task;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            _execution.TrySetResult(jobException);
            return ValueTask.CompletedTask;
        }
    }
}

[Trait("Category", "Postgres")]
public sealed class DeadlineTestsOnPostgres : DeadlineTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
