using System.Globalization;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Scheduling;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using Xunit.Abstractions;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Scheduling;

/// <summary>
/// Two instances' Quartz schedulers clustered on one PostgreSQL database (the bot, and a second instance that only
/// schedules): a deadline closes its buy once whichever fires it, and when the instance running it is gone, the
/// other runs it (Quartz's recovery).
/// </summary>
[Trait("Category", "Postgres")]
public class ClusteredDeadlineTests(ITestOutputHelper output)
{
    private const string FormedHeadline = "is closed and formed";

    // Check-ins every 3 s, a node written off a second after a missed one: failover within seconds. Quartz reads the
    // test's clock: after a jump (a deadline reached) every node must check in again within one interval of real time
    // or the others take it for dead, so the interval is not shorter.
    private static readonly Dictionary<string, string?> Cluster = new()
    {
        ["GroupBuyBot:Scheduling:ClusterCheckinIntervalMs"] = "3000",
        ["GroupBuyBot:Scheduling:ClusterCheckinMisfireThresholdMs"] = "1000",
        ["GroupBuyBot:Scheduling:ReminderOffsets"] = "",
    };

    [Fact]
    public async Task Each_deadline_closes_its_buy_once_whichever_of_two_schedulers_fires_it()
    {
        await using var bot = await BotHarness.Start(settings: Cluster, database: DatabaseProviderKind.Postgres);
        await using var other = await SchedulerNode.Start(bot);
        var first = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True((await first.GetMetadata()).JobStoreClustered);
        Assert.True((await other.Scheduler.GetMetadata()).JobStoreClustered);
        Assert.NotEqual(first.SchedulerInstanceId, other.Scheduler.SchedulerInstanceId);
        var runs = new[] { DeadlineRuns.On(first, "bot"), DeadlineRuns.On(other.Scheduler, "other") };

        await bot.StartPrivateChat(Bob);
        const int Buys = 6;
        for (var i = 1; i <= Buys; i++)
        {
            bot.Say(Alice, $"/newbuy Tea {i} | 30 | 1 | 1d");
            var list = await bot.List(i);
            await bot.Answer(bot.Tap(Bob, list, "Join"));
        }

        // Every deadline comes due at once; both schedulers compete for the triggers. Buy #1's job is also
        // triggered by hand on each of them, so it runs (at least) three times.
        bot.Time.Advance(TimeSpan.FromDays(1));
        var buyOne = (await bot.Services.GetRequiredService<IGroupBuyStore>().FindByNumber(GroupId, 1, CancellationToken.None))!;
        await Task.WhenAll(first.TriggerJob(QuartzDeadlineSchedule.DeadlineJob, Data(buyOne.Id)).AsTask(), other.Scheduler.TriggerJob(QuartzDeadlineSchedule.DeadlineJob, Data(buyOne.Id)).AsTask());

        for (var i = 1; i <= Buys; i++) await bot.BotMessage(m => m.Text!.Contains($"“Tea {i}” {FormedHeadline}", StringComparison.Ordinal), timeoutSeconds: 20);
        await WaitUntil(() => runs.Sum(r => r.Finished.Count(id => id == buyOne.Id)) >= 3, "buy #1's three runs");
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));

        output.WriteLine($"runs on the bot: {runs[0].Finished.Count}, on the other instance: {runs[1].Finished.Count}");
        for (var i = 1; i <= Buys; i++) Assert.Single(bot.GroupMessagesContaining($"“Tea {i}” {FormedHeadline}"));
        Assert.Equal(Buys, bot.PrivateMessages(Bob).Count(m => m.Text!.Contains("formed", StringComparison.Ordinal))); // one confirmation per buy
        await using var db = bot.Database.CreateContext();
        Assert.Equal(Buys, await db.GroupBuys.CountAsync(b => b.Status == GroupBuyStatus.Formed));
    }

    [Fact]
    public async Task When_the_instance_running_a_deadline_is_gone_the_other_runs_it_and_the_buy_closes_once()
    {
        await using var bot = await BotHarness.Start(settings: Cluster, database: DatabaseProviderKind.Postgres);
        var server = new NpgsqlConnectionStringBuilder(bot.Postgres!.ConnectionString);
        await using var link = TcpRelay.Start(new Uri($"tcp://{server.Host}:{server.Port.ToString(CultureInfo.InvariantCulture)}"));
        var relayed = new NpgsqlConnectionStringBuilder(bot.Postgres.ConnectionString) { Port = link.BaseUrl.Port, Pooling = false }.ConnectionString;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = await SchedulerNode.Start(bot, relayed);
        try
        {
            var first = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var onBot = DeadlineRuns.On(first, "bot");
            var onOther = DeadlineRuns.On(other.Scheduler, "other");
            onOther.Hold = release.Task; // the other instance will stop in the middle of the job

            bot.Say(Alice, "/newbuy Durian | 120 | 1 | 1d");
            var list = await bot.List(1);
            await bot.Answer(bot.Tap(Bob, list, "Join"));

            // Only the other instance may take the trigger: the bot's scheduler stands by (it still checks in).
            await first.Standby();
            bot.Time.Advance(TimeSpan.FromDays(1));
            var buyId = await onOther.FirstStarted.WaitAsync(TimeSpan.FromSeconds(20));

            // The other instance is gone: its connections reset, nothing of it reaches the database any more.
            link.Cut();
            output.WriteLine($"the other instance started buy {buyId}'s deadline and was cut off");
            await first.Start();

            // Time passes (Quartz waits on the test's clock): its last check-in grows old, the bot recovers its trigger.
            var summary = await WithClockRunning(bot, () => bot.BotMessage(m => m.Text!.Contains(FormedHeadline, StringComparison.Ordinal), timeoutSeconds: 30));
            Assert.Contains("Durian", summary.Text);
            output.WriteLine($"bot: started [{string.Join(',', onBot.Started)}], finished [{string.Join(',', onBot.Finished)}], recovered [{string.Join(',', onBot.Recovered)}]");
            // The bot ran it once the other instance was gone: as Quartz's recovery of the other's firing (context.Recovering),
            // or, had the bot written the other off before it fired (a check-in late after the clock's jump), as the trigger
            // handed back. Either way the buy closes once.
            Assert.Contains(buyId, onBot.Finished);

            await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
            Assert.Single(bot.GroupMessagesContaining(FormedHeadline));
            Assert.Empty(onOther.Finished);
            Assert.Equal(GroupBuyStatus.Formed, (await bot.Services.GetRequiredService<IGroupBuyStore>().Find(buyId, CancellationToken.None))!.Status);
        }
        finally
        {
            // The instance comes back and stops: its held run finds the buy closed. Its scheduler retries what failed
            // while it was cut off after a pause on the test's clock, so the clock runs until it has stopped.
            link.Restore();
            release.TrySetResult();
            await WithClockRunning(bot, async () =>
            {
                await other.DisposeAsync();
                return true;
            });
        }
    }

    /// <summary>Runs <paramref name="work"/> while the bot's fake clock moves on, a second every 100 ms.</summary>
    private static async Task<T> WithClockRunning<T>(BotHarness bot, Func<Task<T>> work)
    {
        var task = work();
        while (!task.IsCompleted)
        {
            bot.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(100));
        }

        return await task;
    }

    private static JobDataMap Data(long buyId)
    {
        var data = new JobDataMap();
        data.Add(QuartzDeadlineSchedule.BuyIdKey, buyId.ToString(CultureInfo.InvariantCulture));
        return data;
    }

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Not reached within 20 s: {what}.");
            await Task.Delay(50);
        }
    }
}
