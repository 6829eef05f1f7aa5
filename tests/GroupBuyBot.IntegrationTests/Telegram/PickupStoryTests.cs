using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>Pickup points through the emulator: chosen by command and by the question the bot asks when the buy forms.</summary>
public class PickupStoryTests
{
    [Fact]
    public async Task Members_choose_where_to_collect_the_order_is_grouped_by_point_and_those_at_a_point_hear_it_is_ready()
    {
        await using var bot = await BotHarness.Start(language: "zh");
        foreach (var member in new[] { Alice, Bob, Carol, Dave }) await bot.StartPrivateChat(member);
        bot.Say(Alice, "/newbuy 赣南脐橙 | 大箱 60, 小箱 35 | 3 | 1d");
        await bot.List(1);
        Assert.Equal("#1 团购已更新。", (await bot.ReplyTo(bot.Say(Alice, "/edit pickup 东门快递柜 周六10-12点; 3栋大堂"))).Text);
        await bot.List(1, text => text.Contains("自提：东门快递柜 周六10-12点 · 3栋大堂"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2 大箱"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1 小箱"));
        await bot.ReplyTo(bot.Say(Dave, "/join 1 大箱"));

        // Bob chooses before it forms; bad input changes nothing.
        Assert.Equal("Bob 将在 3栋大堂 取 #1 的货。", (await bot.ReplyTo(bot.Say(Bob, "/pickup 3栋"))).Text);
        Assert.StartsWith("没有“9”这个自提点", (await bot.ReplyTo(bot.Say(Carol, "/pickup 9"))).Text);
        Assert.Equal("你没有报名 #1。", (await bot.ReplyTo(bot.Say(Erin, "/pickup 1"))).Text);

        // When it forms, Carol and Dave (not Bob) are asked privately, once; Carol answers by button.
        await bot.ReplyTo(bot.Say(Alice, "/close"));
        var asked = await bot.PrivateMessage(Carol, m => m.Text?.StartsWith("#1「赣南脐橙」你在哪里取货", StringComparison.Ordinal) == true);
        await bot.PrivateMessage(Dave, m => m.Text?.StartsWith("#1「赣南脐橙」你在哪里取货", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(bot.PrivateMessages(Bob), m => m.Text!.Contains("你在哪里取货", StringComparison.Ordinal));
        Assert.Equal("Carol 将在 东门快递柜 周六10-12点 取 #1 的货。", await bot.Answer(bot.Telegram.TapButton(Carol.Id, asked.MessageId, Carol.Id, buttonText: "📍 东门快递柜 周六10-12点")));

        // The organizer tells those at the lockers; Bob (the lobby) hears nothing.
        var ready = await bot.ReplyTo(bot.Say(Alice, "/ready 1 请带好取件码"));
        Assert.Equal("已私信通知在 东门快递柜 周六10-12点 取货的 1 位成员。", ready.Text);
        var told = await bot.PrivateMessage(Carol, m => m.Text?.StartsWith("📦", StringComparison.Ordinal) == true);
        Assert.Equal("📦 #1「赣南脐橙」已可在 东门快递柜 周六10-12点 取货。\n请带好取件码", told.Text);
        Assert.DoesNotContain(bot.PrivateMessages(Bob), m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.StartsWith("通知取货的格式", (await bot.ReplyTo(bot.Say(Alice, "/ready 9"))).Text);
        Assert.Contains("团长", (await bot.ReplyTo(bot.Say(Bob, "/ready 2"))).Text);
    }
}
