using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>A monthly buy through the emulator: suggested again to its organizer only, opened with /again, members who asked told.</summary>
public class RecurringBuyStoryTests
{
    [Fact]
    public async Task A_monthly_buy_is_suggested_again_to_its_organizer_a_month_later_and_members_who_asked_hear_it_opened()
    {
        await using var bot = await BotHarness.Start();
        foreach (var member in new[] { Alice, Bob, Carol }) await bot.StartPrivateChat(member);
        bot.Say(Alice, "/newbuy Rice 10 kg | 80 | 2 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1"));
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        // Bob asks to be told next time, under his confirmation; Carol does not.
        var confirmation = await bot.PrivateMessage(Bob, m => m.Buttons.SelectMany(row => row).Any(b => b.Text == "🔔 Tell me next time"));
        Assert.Equal("You will hear privately when #1 is opened again.", await bot.Answer(bot.Telegram.TapButton(Bob.Id, confirmation.MessageId, Bob.Id, buttonText: "🔔 Tell me next time")));
        Assert.Equal("Only members of #1's order can ask to hear when it comes again.",
            await bot.Answer(bot.Telegram.TapButton(Bob.Id, confirmation.MessageId, Dave.Id, buttonText: "🔔 Tell me next time")));
        Assert.Contains("Only organizers", (await bot.ReplyTo(bot.Say(Bob, "/repeat monthly"))).Text);
        Assert.Contains("/repeat [#] monthly", (await bot.ReplyTo(bot.Say(Alice, "/repeat weekly"))).Text);
        Assert.Contains("comes round monthly", (await bot.ReplyTo(bot.Say(Alice, "/repeat monthly"))).Text);

        // A month on (less three days), the organizer hears it privately, once; nothing is posted to the group.
        var groupBefore = bot.Telegram.GetMessages(GroupId).Count;
        bot.Time.Advance(TimeSpan.FromDays(27));
        var suggestion = await WithMinutes(bot, () => bot.PrivateMessages(Alice).FirstOrDefault(m => m.Text?.StartsWith("🔁", StringComparison.Ordinal) == true));
        Assert.Contains("Last time: Bob ×2, Carol ×1", suggestion.Text);
        for (var minute = 0; minute < 10; minute++)
        {
            bot.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        Assert.Single(bot.PrivateMessages(Alice), m => m.Text?.StartsWith("🔁", StringComparison.Ordinal) == true);
        Assert.Equal(groupBefore, bot.Telegram.GetMessages(GroupId).Count);

        // /again opens it; Bob, who asked, is told privately; Carol is not.
        var question = await bot.ReplyTo(bot.Say(Alice, "/again #1"));
        bot.Say(Alice, "3d", replyTo: question.MessageId);
        await bot.List(2);
        var told = await bot.PrivateMessage(Bob, m => m.Text?.StartsWith("🔔", StringComparison.Ordinal) == true);
        Assert.StartsWith("🔔 “Rice 10 kg” is open again in ", told.Text);
        Assert.EndsWith(": group buy #2. Sign up in the group.", told.Text);
        Assert.DoesNotContain(bot.PrivateMessages(Carol), m => m.Text?.StartsWith("🔔", StringComparison.Ordinal) == true);
    }

    /// <summary>What <paramref name="found"/> returns once the bot's clock, moved a minute at a time, brought it.</summary>
    private static async Task<BotApiEmulator.Models.EmulatedMessage> WithMinutes(BotHarness bot, Func<BotApiEmulator.Models.EmulatedMessage?> found) =>
        await bot.AdvanceMinutesUntil(() => found() is not null) ? found()! : throw new TimeoutException("Nothing came within 30 minutes of the bot's time.");
}
