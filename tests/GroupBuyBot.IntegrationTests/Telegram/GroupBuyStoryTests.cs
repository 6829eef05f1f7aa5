using GroupBuyBot.Infrastructure.Persistence;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>Whole stories through the emulator, asserting what members see in the chat.</summary>
public class GroupBuyStoryTests
{
    /// <summary>SQLite here; the same stories on PostgreSQL in <see cref="GroupBuyStoryTestsOnPostgres"/>.</summary>
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    [Fact]
    public async Task Members_join_by_button_and_command_capacity_fills_and_a_leaver_is_replaced_from_the_waitlist()
    {
        await using var bot = await BotHarness.Start(database: Database);

        // An administrator opens a buy with a capacity of 6 units.
        bot.Say(Alice, "/newbuy Pottery class | 80 | 4 | 3d | 6");
        var list = await bot.List(1);
        Assert.Contains("Pottery class", list.Text);
        Assert.Contains("¥80", list.Text);
        Assert.Contains("4 more to form the group", list.Text);
        Assert.Equal(["Join", "+1", "−1", "Leave"], list.Buttons.Single().Select(b => b.Text));

        // Five members sign up: by button, by command with quantities and notes, with @BotName.
        Assert.Equal("You're in: 1 unit.", await bot.Answer(bot.Tap(Bob, list, "Join")));
        await bot.ReplyTo(bot.Say(Carol, "/join 2 blue glaze"));
        await bot.ReplyTo(bot.Say(Dave, "/join@GroupBuyTestBot"));
        Assert.Equal("You now have 2 units.", await bot.Answer(bot.Tap(Bob, list, "+1")));

        // Capacity is 6: Bob 2 + Carol 2 + Dave 1 = 5, so Erin's 2 must wait.
        var erin = await bot.ReplyTo(bot.Say(Erin, "/join 2 kids"));
        Assert.Contains("waiting list", erin.Text);
        var full = await bot.List(1, text => text.Contains("Waiting list:") && text.Contains("Erin ×2 (kids)"));
        Assert.Contains("Carol ×2 (blue glaze)", full.Text);
        Assert.Contains("Total: 5 units from 3 members", full.Text);
        Assert.Contains("Minimum reached", full.Text);

        // Dave leaves: Erin is promoted into the freed places.
        var left = await bot.ReplyTo(bot.Say(Dave, "/leave"));
        Assert.Contains("Erin moved from the waiting list", left.Text);
        var final = await bot.List(1, text => text.Contains("Total: 6 units from 3 members"));
        Assert.DoesNotContain("Waiting list:", final.Text);
        Assert.DoesNotContain("Dave", final.Text);

        // The list was edited in place: one announcement, no duplicates.
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.Text!.StartsWith("🛒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_organizers_close_is_refused_and_changes_nothing_until_an_appointed_organizer_closes()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Say(Alice, "/newbuy Oranges | ¥60 | 2 | 48h");
        var list = await bot.List(1);
        await bot.Answer(bot.Tap(Bob, list, "Join"));

        var refused = await bot.ReplyTo(bot.Say(Bob, "/close"));
        Assert.Contains("Only organizers", refused.Text);
        await bot.ReplyTo(bot.Say(Bob, "/newbuy Free iPhones | 1 | 1 | 1d"));
        Assert.DoesNotContain(bot.Telegram.GetMessages(GroupId), m => m.Text?.Contains("Free iPhones", StringComparison.Ordinal) == true && m.IsFromBot);

        // Alice appoints Bob by @username; now his /close works.
        var appointed = await bot.ReplyTo(bot.Say(Alice, "/organizers add @bob"));
        Assert.Contains("Bob is now an organizer", appointed.Text);
        var closed = await bot.ReplyTo(bot.Say(Bob, "/close"));
        Assert.Contains("closed without reaching the minimum (1 of 2)", closed.Text);
        Assert.Contains("nobody will be charged", closed.Text);

        var finalList = await bot.List(1, text => text.Contains("Closed — not formed"));
        Assert.Empty(finalList.Buttons);
    }

    [Fact]
    public async Task Missing_fields_are_asked_for_and_answered_by_reply()
    {
        await using var bot = await BotHarness.Start(database: Database);

        var askPrice = await bot.ReplyTo(bot.Say(Alice, "/newbuy AC cleaning"));
        Assert.Contains("price", askPrice.Text);
        var badPrice = await bot.ReplyTo(bot.Say(Alice, "cheap", replyTo: askPrice.MessageId));
        Assert.Contains("“cheap” is not a price", badPrice.Text);
        Assert.Contains("price", badPrice.Text);

        var askMin = await bot.ReplyTo(bot.Say(Alice, "150", replyTo: badPrice.MessageId));
        Assert.Contains("form the group", askMin.Text);
        var askDeadline = await bot.ReplyTo(bot.Say(Alice, "5", replyTo: askMin.MessageId));
        Assert.Contains("sign-up close", askDeadline.Text);
        bot.Say(Alice, "2d", replyTo: askDeadline.MessageId);

        var list = await bot.List(1);
        Assert.Contains("AC cleaning", list.Text);
        Assert.Contains("¥150", list.Text);
        Assert.Contains("5 more to form the group", list.Text);
    }

    [Fact]
    public async Task Malformed_commands_explain_the_expected_form_and_change_nothing()
    {
        await using var bot = await BotHarness.Start(database: Database);

        var badDeadline = await bot.ReplyTo(bot.Say(Alice, "/newbuy Oranges | 60 | 2 | yesterday"));
        Assert.Contains("“yesterday” is not a deadline in the future", badDeadline.Text);
        Assert.Contains("/newbuy title | price | minimum | deadline", badDeadline.Text);

        var noBuy = await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        Assert.Contains("No group buy is open", noBuy.Text);

        bot.Say(Alice, "/newbuy Oranges | 60 | 2 | 2d");
        await bot.List(1);
        var badQuantity = await bot.ReplyTo(bot.Say(Bob, "/join 0"));
        Assert.Contains("quantity must be a whole number from 1 to 999", badQuantity.Text);
        var html = await bot.ReplyTo(bot.Say(Carol, "/join 1 <b>bold</b> & co"));
        Assert.Contains("Carol signed up", html.Text);
        var list = await bot.List(1, text => text.Contains("Carol ×1 (<b>bold</b> & co)"));
        Assert.DoesNotContain("Bob", list.Text);
    }

    [Fact]
    public async Task With_two_open_buys_commands_take_the_buys_number()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Say(Alice, "/newbuy Oranges | 60 | 2 | 2d");
        await bot.List(1);
        bot.Say(Alice, "/newbuy Apples | 40 | 2 | 2d");
        await bot.List(2);

        var ask = await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        Assert.Contains("Several group buys are open", ask.Text);
        await bot.ReplyTo(bot.Say(Bob, "/join #2 3"));
        await bot.List(2, text => text.Contains("Bob ×3"));
        Assert.DoesNotContain("Bob", bot.CurrentList(1).Text);

        var replied = bot.Say(Carol, "/join 1", replyTo: bot.CurrentList(1).MessageId);
        await bot.ReplyTo(replied);
        await bot.List(1, text => text.Contains("Carol ×1"));
    }

    [Fact]
    public async Task Chinese_chats_get_every_text_in_chinese()
    {
        await using var bot = await BotHarness.Start(language: "zh", database: Database);
        bot.Say(Alice, "/newbuy 周六亲子陶艺课 | 80 | 10 | 2026-12-05 18:00");
        var list = await bot.List(1);
        Assert.Contains("团购 #1：周六亲子陶艺课", list.Text);
        Assert.Contains("截止：2026-12-05 18:00", list.Text);
        Assert.Equal(["报名", "+1", "−1", "退出"], list.Buttons.Single().Select(b => b.Text));
        Assert.Equal("已报名：1 份。", await bot.Answer(bot.Tap(Bob, list, "报名")));

        var english = await bot.ReplyTo(bot.Say(Bob, "/lang en"));
        Assert.Equal("Language set to English.", english.Text);
        var help = await bot.ReplyTo(bot.Say(Bob, "/help"));
        Assert.Contains("Organizers", help.Text);
    }
}

[Trait("Category", "Postgres")]
public sealed class GroupBuyStoryTestsOnPostgres : GroupBuyStoryTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}

/// <summary>Natural replies to a live list sign members up, change quantities and withdraw them.</summary>
public class NaturalReplyTests
{
    [Fact]
    public async Task Replies_to_the_list_are_understood_in_chinese_and_english()
    {
        await using var bot = await BotHarness.Start(language: "zh");
        bot.Say(Alice, "/newbuy 赣南脐橙 | 60 | 5 | 2d");
        var list = await bot.List(1);

        var plusOne = await bot.ReplyTo(bot.Say(Bob, "+1", replyTo: list.MessageId));
        Assert.Equal("Bob 报名 1 份。", plusOne.Text);
        await bot.ReplyTo(bot.Say(Carol, "我也要两份", replyTo: list.MessageId));
        await bot.ReplyTo(bot.Say(Dave, "put me down for 2", replyTo: list.MessageId));
        var changed = await bot.ReplyTo(bot.Say(Carol, "改成4份", replyTo: list.MessageId));
        Assert.Equal("Carol 现在是 4 份。", changed.Text);
        await bot.ReplyTo(bot.Say(Dave, "sorry I'm out", replyTo: list.MessageId));

        // A question under the list, and a room number, are not sign-ups.
        bot.Say(Erin, "自提点在几栋?", replyTo: list.MessageId);
        bot.Say(Frank, "我住5栋302", replyTo: list.MessageId);
        var final = await bot.List(1, text => text.Contains("合计：2 人 5 份"));
        Assert.DoesNotContain("Dave", final.Text);
        Assert.DoesNotContain("Erin", final.Text);
        Assert.DoesNotContain("Frank", final.Text);
    }
}
