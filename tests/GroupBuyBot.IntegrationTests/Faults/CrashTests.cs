using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.EntityFrameworkCore;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>The process stopped while a sign-up's confirmation hung: the change is committed, the reply still owed.</summary>
public class CrashTests
{
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    [Fact]
    public async Task Stopping_while_a_confirmation_hangs_applies_nothing_twice_and_loses_nothing()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);

        // Bob's reply hangs, so it is still owed when the process goes down.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "sendMessage", Count: 1, DelayMilliseconds: 10_000));
        var bob = bot.Say(Bob, "/join 2");
        var carolTap = bot.Tap(Carol, list, "Join"); // same batch or the next: either way not confirmed yet
        await WaitForSignUps(bot, 1);
        await bot.StopBot();
        Assert.Equal(0, bot.Telegram.PendingUpdateCount); // every received update was stored before it was acknowledged

        bot.Say(Dave, "/join 3"); // written while the bot is down
        await bot.StartBot();

        await bot.Answer(carolTap, timeoutSeconds: 20);
        var final = await bot.List(1, text => text.Contains("Total: 6 units from 3 members"), timeoutSeconds: 20);
        Assert.Contains("Bob ×2", final.Text);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Equal(3, await CountSignUps(bot));
        Assert.Contains("Total: 6 units from 3 members", bot.CurrentList(1).Text);
        Assert.Equal(1, bot.Telegram.GetMessages(GroupId).Count(m => m.IsFromBot && m.ReplyToMessageId == bob.MessageId));
    }

    private static async Task WaitForSignUps(BotHarness bot, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (await CountSignUps(bot) < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"fewer than {count} sign-ups were stored");
            await Task.Delay(50);
        }
    }

    private static async Task<long> CountSignUps(BotHarness bot)
    {
        await using var db = bot.Database.CreateContext();
        return await db.SignUps.LongCountAsync();
    }
}

[Trait("Category", "Postgres")]
public sealed class CrashTestsOnPostgres : CrashTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
