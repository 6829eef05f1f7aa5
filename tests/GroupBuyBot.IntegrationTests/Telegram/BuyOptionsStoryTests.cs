using GroupBuyBot.Infrastructure.Persistence;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>A buy with options and sessions, through the emulator: what members see, in both languages.</summary>
public class BuyOptionsStoryTests
{
    /// <summary>SQLite here; the same stories on PostgreSQL in <see cref="BuyOptionsStoryTestsOnPostgres"/>.</summary>
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    [Fact]
    public async Task Two_sessions_fill_separately_with_their_own_waiting_lists_by_button_command_and_reply()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Say(Alice, "/newbuy Pottery class | Sat 10:00 80 max 2, Sun 14:00 90 max 2 | 2 each | 3d");
        var list = await bot.List(1);
        Assert.Contains("Minimum to form: 2 units in each option", list.Text);
        Assert.Contains("Sat 10:00 — ¥80 · 0/2 places · 2 more to form", list.Text);
        Assert.Contains("Sun 14:00 — ¥90 · 0/2 places · 2 more to form", list.Text);
        Assert.Equal(["Sat 10:00 +1", "−1", "Sun 14:00 +1", "−1", "Leave"], list.Buttons.SelectMany(row => row).Select(b => b.Text));

        // By button, by command naming the session, by a reply naming it: Saturday fills and Dave waits for it.
        Assert.Equal("You're in: 1 unit · Sat 10:00.", await bot.Answer(bot.Tap(Bob, list, "Sat 10:00 +1")));
        Assert.Equal("Carol signed up for 1 unit · Sat 10:00.", (await bot.ReplyTo(bot.Say(Carol, "/join 1 sat"))).Text);
        var dave = await bot.ReplyTo(bot.Say(Dave, "+1 sat", replyTo: list.MessageId));
        Assert.Contains("waiting list", dave.Text);

        // A sign-up that names no session is asked about, not guessed; the answer's button carries the quantity.
        var asked = await bot.ReplyTo(bot.Say(Erin, "/join 2"));
        Assert.StartsWith("Erin, which option of #1?", asked.Text);
        Assert.Equal("You're in: 2 units · Sun 14:00.", await bot.Answer(bot.Tap(Erin, asked, "Sun 14:00 ×2")));

        // Bob leaves Saturday: Saturday's queue moves up, Sunday's list is untouched.
        var left = await bot.ReplyTo(bot.Say(Bob, "/leave sat"));
        Assert.Contains("Bob left “Sat 10:00”.", left.Text);
        Assert.Contains("Dave moved from the waiting list", left.Text);
        // Saturday was full before Bob left too (Bob and Carol): the list to read is the one without Bob.
        var full = await bot.List(1, text => text.Contains("Sat 10:00 — ¥80 · 2/2 places · formed ✅") && text.Contains("Sun 14:00 — ¥90 · 2/2 places · formed ✅")
            && !text.Contains("Bob", StringComparison.Ordinal));
        Assert.Contains("1. Carol ×1\n2. Dave ×1", full.Text);
        Assert.Contains("1. Erin ×2", full.Text);
        Assert.Contains("Total: 4 units from 3 members, ¥340", full.Text);

        // Bad input changes nothing.
        Assert.Contains("No option “Mon” in this buy", (await bot.ReplyTo(bot.Say(Alice, "/edit option Mon price 70"))).Text);
        Assert.Contains("cannot be made", (await bot.ReplyTo(bot.Say(Alice, "/edit option 1 price lots"))).Text);
        Assert.Contains("cannot be made", (await bot.ReplyTo(bot.Say(Alice, "/edit option 2 capacity 1"))).Text);

        // Closing: the summary is per session.
        var closed = await bot.ReplyTo(bot.Say(Alice, "/close"));
        Assert.Contains("Sat 10:00: 2 units × ¥80 = ¥160", closed.Text);
        Assert.Contains("Sun 14:00: 2 units × ¥90 = ¥180", closed.Text);
        Assert.Contains("Total: 4 units, ¥340", closed.Text);
    }

    [Fact]
    public async Task Sizes_in_chinese_by_natural_replies_and_an_organizer_adds_and_closes_an_option()
    {
        await using var bot = await BotHarness.Start(language: "zh", database: Database);
        bot.Say(Alice, "/newbuy 赣南脐橙 | 大箱 60, 小箱 35 | 5 | 2d");
        var list = await bot.List(1);
        Assert.Contains("大箱：¥60 · 已报 0 份", list.Text);

        Assert.Equal("Bob 报名 2 份 · 大箱。", (await bot.ReplyTo(bot.Say(Bob, "我要大箱两份", replyTo: list.MessageId))).Text);
        var both = await bot.ReplyTo(bot.Say(Carol, "小箱一份，大箱一份", replyTo: list.MessageId));
        Assert.Equal("Carol 报名 1 份 · 小箱。\nCarol 报名 1 份 · 大箱。", both.Text);
        Assert.StartsWith("Dave，要 #1 的哪一项？", (await bot.ReplyTo(bot.Say(Dave, "+1", replyTo: list.MessageId))).Text);
        Assert.Equal("Bob 现在是 3 份 · 大箱。", (await bot.ReplyTo(bot.Say(Bob, "再加一份", replyTo: list.MessageId))).Text); // his only option

        Assert.Equal("#1 团购已更新。", (await bot.ReplyTo(bot.Say(Alice, "/edit option add 礼盒装 128 限3"))).Text);
        Assert.Equal("#1 团购已更新。", (await bot.ReplyTo(bot.Say(Alice, "/edit option 小箱 close"))).Text);
        var edited = await bot.List(1, text => text.Contains("礼盒装") && text.Contains("已停止报名"));
        Assert.Contains("小箱：¥35 · 已报 1 份 · 已停止报名", edited.Text);
        Assert.Contains("礼盒装：¥128 · 名额 0/3", edited.Text);
        Assert.Contains(edited.Buttons.SelectMany(row => row), b => b.Text == "礼盒装 +1");
        Assert.DoesNotContain(edited.Buttons.SelectMany(row => row), b => b.Text == "小箱 +1");

        var refused = await bot.ReplyTo(bot.Say(Erin, "/join 小箱"));
        Assert.Equal("Erin：“小箱”已停止报名，未作修改。", refused.Text);
        Assert.Contains("合计：5 份，2 人，共 ¥275", bot.CurrentList(1).Text);
    }

    [Fact]
    public async Task Again_opens_a_past_buy_as_a_draft_with_its_options_and_pickup_points_and_asks_only_for_a_deadline()
    {
        await using var bot = await BotHarness.Start(language: "zh", database: Database);
        bot.Say(Alice, "/newbuy 赣南脐橙 | 大箱 60 限10, 小箱 35 | 5 | 2d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/edit pickup 东门; 3栋大堂"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2 大箱"));
        await bot.ReplyTo(bot.Say(Alice, "/cancel"));

        Assert.Contains("只有团长", (await bot.ReplyTo(bot.Say(Bob, "/again"))).Text);
        Assert.Equal("本群没有编号为 #9 的团购。", (await bot.ReplyTo(bot.Say(Alice, "/again #9"))).Text);
        var question = await bot.ReplyTo(bot.Say(Alice, "/again"));
        Assert.StartsWith("按 #1「赣南脐橙」新开一团", question.Text);
        Assert.Contains("什么时候截止", question.Text);
        bot.Say(Alice, "3d", replyTo: question.MessageId);

        var list = await bot.List(2);
        Assert.Contains("大箱：¥60 · 名额 0/10", list.Text);
        Assert.Contains("小箱：¥35 · 已报 0 份", list.Text);
        Assert.Contains("自提：东门 · 3栋大堂", list.Text);
        Assert.DoesNotContain("Bob", list.Text);
    }
}

[Trait("Category", "Postgres")]
public sealed class BuyOptionsStoryTestsOnPostgres : BuyOptionsStoryTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
