using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>Ordinary conversation turning into a suggestion, and an organizer's tap turning it into an open buy.</summary>
public class NeedDiscoveryStoryTests
{
    [Fact]
    public async Task A_conversation_becomes_one_suggestion_and_an_organizers_tap_opens_a_buy()
    {
        await using var bot = await BotHarness.Start();

        var ask = bot.Say(Bob, "Anyone want to book a deep clean for our air conditioners? Ours is filthy");
        bot.Say(Carol, "Count me in, ours is dusty too", replyTo: ask.MessageId);
        bot.Say(Dave, "+1 for us", replyTo: ask.MessageId);

        var suggestion = await bot.BotMessage(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true);
        Assert.Contains("3 of you", suggestion.Text);
        foreach (var name in new[] { "Bob", "Carol", "Dave" }) Assert.Contains(name, suggestion.Text);
        Assert.Equal(["Start a group buy", "Not now", "Never for this"], suggestion.Buttons.SelectMany(row => row).Select(b => b.Text));

        // Members cannot decide; nothing opens on its own.
        Assert.Equal("Only organizers (chat admins and members they appoint) can do that.", await bot.Answer(bot.Tap(Bob, suggestion, "Start a group buy")));

        // More interest later does not repeat the suggestion.
        bot.Say(Erin, "me too please", replyTo: ask.MessageId);
        await Task.Delay(1000);
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.Text?.StartsWith("💡", StringComparison.Ordinal) == true);

        // The administrator starts it: a prefilled draft asks for the price, which only the organizer gives.
        await bot.Answer(bot.Tap(Alice, suggestion, "Start a group buy"));
        var askPrice = await bot.BotMessage(m => m.Text?.Contains("Draft from the suggestion", StringComparison.Ordinal) == true);
        Assert.Contains("minimum 4", askPrice.Text); // Erin joined after the suggestion: the board kept counting
        Assert.Contains("price", askPrice.Text);
        var decided = await bot.BotMessage(m => m.MessageId == suggestion.MessageId && m.Text?.Contains("Alice is starting a group buy", StringComparison.Ordinal) == true);
        Assert.Empty(decided.Buttons);

        bot.Say(Alice, "120", replyTo: askPrice.MessageId);
        var list = await bot.List(1);
        Assert.Contains("air conditioners", list.Text);
        Assert.Contains("¥120", list.Text);
    }

    [Fact]
    public async Task With_discovery_off_ordinary_talk_is_not_read_and_only_admins_switch_it()
    {
        await using var bot = await BotHarness.Start();

        var refused = await bot.ReplyTo(bot.Say(Bob, "/discovery off"));
        Assert.Contains("Only the chat's administrators", refused.Text);
        var off = await bot.ReplyTo(bot.Say(Alice, "/discovery off"));
        Assert.Contains("Need discovery is off", off.Text);

        var ask = bot.Say(Bob, "Anyone want to book a deep clean for our air conditioners?");
        bot.Say(Carol, "Count me in", replyTo: ask.MessageId);
        bot.Say(Dave, "+1 for us", replyTo: ask.MessageId);
        var status = await bot.ReplyTo(bot.Say(Erin, "/discovery"));
        Assert.Contains("off here", status.Text);
        await Task.Delay(1000);
        Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.Text?.StartsWith("💡", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Forgetme_removes_a_member_from_the_board_so_the_threshold_is_not_reached()
    {
        await using var bot = await BotHarness.Start(language: "zh");

        var ask = bot.Say(Bob, "周末有没有人想带娃去做陶艺?");
        bot.Say(Carol, "我家也想去!", replyTo: ask.MessageId);
        await Task.Delay(800); // the worker reads the window: Bob and Carol are on the board
        var forgot = await bot.ReplyTo(bot.Say(Carol, "/forgetme"));
        Assert.Contains("移除", forgot.Text);

        bot.Say(Dave, "+1, 两个娃", replyTo: ask.MessageId);
        await Task.Delay(1000);
        Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.Text?.StartsWith("💡", StringComparison.Ordinal) == true);
    }
}
