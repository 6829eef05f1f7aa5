using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Scheduling;

public class ReminderTests
{
    [Fact]
    public async Task Reminders_fire_at_the_configured_offsets_only_for_open_buys_with_something_to_say()
    {
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?> { ["GroupBuyBot:Scheduling:ReminderOffsets"] = "6h, 1h" });

        // #1 needs more units; #2 gets closed early; #3 met its minimum and has no capacity: nothing useful to say.
        bot.Say(Alice, "/newbuy Oranges | 60 | 3 | 12h");
        await bot.List(1);
        bot.Say(Alice, "/newbuy Apples | 40 | 2 | 12h");
        await bot.List(2);
        bot.Say(Alice, "/newbuy Pears | 40 | 1 | 12h");
        await bot.List(3);
        await bot.ReplyTo(bot.Say(Bob, "/join #1 1"));
        await bot.ReplyTo(bot.Say(Bob, "/join #3 1"));
        await bot.ReplyTo(bot.Say(Alice, "/cancel #2"));

        bot.Time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(1));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Empty(bot.GroupMessagesContaining("⏰"));

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var first = await bot.BotMessage(m => m.Text!.StartsWith('⏰'));
        Assert.Equal("⏰ Group buy #1 “Oranges” closes in 6 h (2026-11-24 06:00) and needs 2 more units to form. Tap Join on the list or reply “+1”.", first.Text);

        bot.Time.Advance(TimeSpan.FromHours(5));
        var second = await bot.BotMessage(m => m.Text!.StartsWith('⏰') && m.MessageId > first.MessageId);
        Assert.Contains("#1 “Oranges” closes in 1 h", second.Text);

        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, bot.GroupMessagesContaining("⏰").Count);
    }
}
