using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>Handled-request markers are forgotten while the bot runs, once Telegram can no longer redeliver them.</summary>
public class HandledRequestPruningTests
{
    [Fact]
    public async Task Markers_older_than_two_days_go_while_the_bot_runs_and_newer_ones_stay()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 7d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        Assert.True(await Markers(bot) >= 2);

        bot.Time.Advance(TimeSpan.FromDays(3));
        await bot.ReplyTo(bot.Say(Carol, "/join 1")); // a new marker, which must stay

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Markers(bot) != 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(1, await Markers(bot));
    }

    private static async Task<int> Markers(BotHarness bot)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.HandledRequests.CountAsync();
    }
}
