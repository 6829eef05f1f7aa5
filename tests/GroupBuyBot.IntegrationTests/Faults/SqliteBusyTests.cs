using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Infrastructure.Persistence.Sqlite;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.Data.Sqlite;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>Another process holding SQLite's write lock (a backup, a sqlite3 shell): joins wait and are applied after, none lost.</summary>
public class SqliteBusyTests
{
    [Fact]
    public async Task Joins_made_while_another_connection_holds_the_write_lock_are_applied_after_it_is_released()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);
        PostedMessage carol;

        await using (var other = new SqliteConnection($"Data Source={Path.Combine(bot.DataDirectory, SqliteDatabase.FileName)}"))
        {
            await other.OpenAsync();
            #pragma warning disable CA1849 // BEGIN IMMEDIATE (deferred: false) has no async form; it takes the lock at once
            await using var hold = other.BeginTransaction(deferred: false); // the write lock
#pragma warning restore CA1849
            await using (var write = other.CreateCommand())
            {
                write.CommandText = "UPDATE GroupBuys SET Title = Title";
                await write.ExecuteNonQueryAsync();
            }

            carol = bot.Say(Carol, "/join 2");
            var bobTap = bot.Tap(Bob, list, "Join");
            var dave = bot.Say(Dave, "/join 3");
            await Task.Delay(3000); // under the bot's 5 s busy timeout

            Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == carol.MessageId);
            Assert.DoesNotContain("Carol", bot.CurrentList(1).Text);
            await hold.RollbackAsync();

            Assert.Contains("Carol signed up for 2 units", (await bot.ReplyTo(carol, timeoutSeconds: 20)).Text);
            Assert.Contains("Dave signed up for 3 units", (await bot.ReplyTo(dave, timeoutSeconds: 20)).Text);
            Assert.NotNull(await bot.Answer(bobTap, timeoutSeconds: 20));
        }

        await bot.List(1, text => text.Contains("Total: 6 units from 3 members"), timeoutSeconds: 20);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == carol.MessageId);
        Assert.Contains("Total: 6 units from 3 members", bot.CurrentList(1).Text);
    }
}
