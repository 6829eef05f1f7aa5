using System.Text;
using System.Text.RegularExpressions;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Quotes;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>
/// Two groups linked by their administrators pool one buy: one capacity and one waiting list across both, each group's
/// list naming only its own members, one order to the supplier with a subtotal per group; discovery noticing the same
/// need in both; unlinking; /forgetme across the linked groups.
/// </summary>
public partial class PoolingStoryTests
{
    private const long Elm = -1002;

    /// <summary>SQLite here; the same stories on PostgreSQL in <see cref="PoolingStoryTestsOnPostgres"/>.</summary>
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    [Fact]
    public async Task Two_linked_groups_fill_one_shared_buy_each_seeing_only_its_own_members_and_the_supplier_gets_subtotals()
    {
        await using var bot = await StartWithTwoGroups("en", "Elm Street");

        // Linking: asked in one group, confirmed by an administrator of the other (a member cannot).
        var code = await LinkCode(bot);
        Assert.Contains("Only an administrator", (await ReplyIn(bot, Elm, Frank, $"/link {code}")).Text);
        Assert.Contains("No invitation with the code ZZZZZZ", (await ReplyIn(bot, Elm, Erin, "/link ZZZZZZ")).Text);
        Assert.Contains("Linked with Sunny Garden parents", (await ReplyIn(bot, Elm, Erin, $"/link {code}")).Text);
        await bot.BotMessage(m => m.Text?.Contains("Elm Street confirmed the link (Erin)", StringComparison.Ordinal) == true);
        Assert.Contains("already linked with Sunny Garden parents", (await ReplyIn(bot, Elm, Erin, $"/link {code}")).Text);
        Assert.Contains("1. Sunny Garden parents", (await ReplyIn(bot, Elm, Grace, "/links")).Text);

        // A buy with room for 4, with a supplier, shared with Elm Street (where it is that group's #1 too).
        await SupplierSetup.Register(bot, SupplierSetup.Farm);
        bot.Say(Alice, "/newbuy Oranges | 30 | 4 | 1d | 4");
        var home = await bot.List(1);
        var choose = await bot.ReplyTo(bot.Say(Alice, "/supplier set"));
        await bot.Answer(bot.Tap(Alice, choose, "Fresh Farm"));
        Assert.Contains("Only organizers", (await ReplyIn(bot, Elm, Frank, "/share")).Text);
        Assert.Contains("shared with Elm Street", (await bot.ReplyTo(bot.Say(Alice, "/share"))).Text);
        var elmList = await ListIn(bot, Elm, text => text.Contains("Shared by Sunny Garden parents · Elm Street", StringComparison.Ordinal));

        // Sign-ups from both groups, by button, command and reply: one capacity, one queue across them.
        await bot.Answer(bot.Tap(Bob, home, "Join"));
        Assert.Contains("Frank signed up for 2 units", (await ReplyIn(bot, Elm, Frank, "/join 2")).Text);
        await bot.ReplyTo(bot.Say(Carol, "/join"));
        await bot.Answer(bot.Telegram.TapButton(Elm, elmList.MessageId, Grace.Id, buttonText: "Join"));
        await bot.ReplyTo(bot.Say(Dave, "+1", replyTo: home.MessageId));

        var homeText = (await bot.List(1, t => t.Contains("2. Dave", StringComparison.Ordinal))).Text!;
        Assert.Contains("By group: Sunny Garden parents: 2 · Elm Street: 2", homeText);
        foreach (var name in new[] { "Bob ×1", "Carol ×1" }) Assert.Contains(name, homeText);
        foreach (var name in new[] { "Frank", "Grace", "Erin" }) Assert.DoesNotContain(name, homeText);
        var elmText = (await ListIn(bot, Elm, t => t.Contains("1. Grace", StringComparison.Ordinal))).Text!;
        Assert.Contains("Frank ×2", elmText);
        foreach (var name in new[] { "Bob", "Carol", "Dave" }) Assert.DoesNotContain(name, elmText);

        // Bob leaves: Grace (Elm Street) was first in the queue, and moves up; Sunny Garden hears it without her name.
        var left = await bot.ReplyTo(bot.Say(Bob, "/leave"));
        Assert.Contains("A member of Elm Street moved from the waiting list", left.Text);
        Assert.DoesNotContain("Grace", left.Text);
        await ListIn(bot, Elm, t => t.Contains("Grace ×1", StringComparison.Ordinal) && !t.Contains("Waiting", StringComparison.Ordinal));
        await bot.List(1, t => t.Contains("1. Dave", StringComparison.Ordinal));

        // The deadline: one order with a subtotal per group; each group's summary names its own members only.
        bot.Time.Advance(TimeSpan.FromDays(1));
        var order = await bot.PrivateMessage(SupplierSetup.Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.Contains("Sunny Garden parents: 1 unit from 1 members, ¥30", order.Text);
        Assert.Contains("Elm Street: 3 units from 2 members, ¥90", order.Text);
        foreach (var name in new[] { "Carol ×1", "Frank ×2", "Grace ×1" }) Assert.Contains(name, order.Text);
        var elmSummary = await bot.Telegram.WaitForMessage(Elm, m => m.IsFromBot && m.Text?.Contains("formed", StringComparison.OrdinalIgnoreCase) == true
            && m.Text.Contains("Frank", StringComparison.Ordinal) && !m.Text.StartsWith("🛒", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Carol", elmSummary.Text);
        Assert.Contains("can't message you privately", elmSummary.Text); // each group hears whom of its own the bot could not reach
        var homeSummary = await bot.BotMessage(m => m.Text?.Contains("By group", StringComparison.Ordinal) == true && m.Text.Contains("Carol", StringComparison.Ordinal)
            && !m.Text.StartsWith("🛒", StringComparison.Ordinal));
        Assert.DoesNotContain("Frank", homeSummary.Text);
        Assert.DoesNotContain("member of", homeSummary.Text);

        // The organizer's export says which group each member came from.
        await bot.StartPrivateChat(Alice);
        Assert.Contains("sent you the sign-ups of #1", (await bot.ReplyTo(bot.Say(Alice, "/export #1"))).Text);
        var csv = Encoding.UTF8.GetString(bot.Telegram.GetDocuments(Alice.Id).Single().Content[3..]);
        Assert.EndsWith(",group", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains(csv.Split("\r\n"), line => line.Contains(",Frank,", StringComparison.Ordinal) && line.EndsWith(",Elm Street", StringComparison.Ordinal));

        // Unlinking ends sharing for new buys; both groups hear it.
        Assert.Contains("Unlinked from Elm Street", (await bot.ReplyTo(bot.Say(Alice, "/unlink"))).Text);
        await bot.Telegram.WaitForMessage(Elm, m => m.IsFromBot && m.Text?.Contains("Sunny Garden parents unlinked from this group", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        bot.Say(Alice, "/newbuy Apples | 20 | 2 | 1d");
        await bot.List(2);
        Assert.Contains("not linked with any other", (await bot.ReplyTo(bot.Say(Alice, "/share"))).Text);
    }

    [Fact]
    public async Task 两个关联群都想做陶艺_只私下告诉关联它们的组织者合计人数_forgetme_在关联群里也生效()
    {
        await using var bot = await StartWithTwoGroups("zh", "枫林小区");
        await bot.StartPrivateChat(Alice);
        await bot.StartPrivateChat(Erin);
        var code = await LinkCode(bot);
        Assert.Contains("已与 Sunny Garden parents 关联", (await ReplyIn(bot, Elm, Erin, $"/link {code}")).Text);

        // The same need in both groups (Dave is in both).
        var ask = bot.Say(Bob, "周末有没有人想带娃去做陶艺?");
        bot.Say(Carol, "我家也想去!", replyTo: ask.MessageId);
        bot.Say(Dave, "+1, 两个娃", replyTo: ask.MessageId);
        await bot.BotMessage(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true);
        var there = bot.Telegram.PostMessage(Elm, Frank.Id, "周末有没有人想带娃去做陶艺?");
        bot.Telegram.PostMessage(Elm, Grace.Id, "我家也想去!", there.MessageId);
        bot.Telegram.PostMessage(Elm, Dave.Id, "算我一个", there.MessageId);
        await bot.Telegram.WaitForMessage(Elm, m => m.IsFromBot && m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));

        // The minute sweep tells the two organizers who linked the groups, privately, once; neither group is told.
        var groupsBefore = (bot.Telegram.GetMessages(GroupId).Count, bot.Telegram.GetMessages(Elm).Count);
        Assert.True(await bot.AdvanceMinutesUntil(() => Pooling(bot, Alice).Count > 0 && Pooling(bot, Erin).Count > 0, maxMinutes: 5));
        var suggestion = Pooling(bot, Alice).Single().Text!;
        Assert.Contains("合计 6 人", suggestion);
        Assert.Contains("Sunny Garden parents：3 人", suggestion);
        Assert.Contains("枫林小区：3 人", suggestion);
        await bot.AdvanceMinutesUntil(() => false, maxMinutes: 3);
        Assert.Single(Pooling(bot, Alice));
        Assert.Single(Pooling(bot, Erin));
        Assert.Equal(groupsBefore, (bot.Telegram.GetMessages(GroupId).Count, bot.Telegram.GetMessages(Elm).Count));

        // Dave asks to be forgotten in one group: he is gone from both groups' needs (their boards are compared).
        Assert.Contains("2 条", (await bot.ReplyTo(bot.Say(Dave, "/forgetme"))).Text);
        await using var db = bot.Database.CreateContext();
        var needs = await db.BoardNeeds.AsNoTracking().ToListAsync();
        Assert.Equal(2, needs.Count);
        Assert.All(needs, need => Assert.DoesNotContain(need.Members, m => m.UserId == Dave.Id));
    }

    private static IReadOnlyList<EmulatedMessage> Pooling(BotHarness bot, EmulatedUser organizer) =>
        [.. bot.PrivateMessages(organizer).Where(m => m.Text?.StartsWith("🤝", StringComparison.Ordinal) == true)];

    /// <summary>The harness's group (Alice administers it; Bob, Carol, Dave in it) and a second one: Erin administers it; Frank, Grace and Dave in it.</summary>
    private async Task<BotHarness> StartWithTwoGroups(string language, string title)
    {
        var bot = await BotHarness.Start(language, database: Database);
        bot.Telegram.CreateChat(new ChatSpec(Elm, ChatKind.Supergroup, title));
        bot.Telegram.SetMemberStatus(Elm, Erin.Id, MemberStatus.Administrator);
        foreach (var user in new[] { Frank, Grace, Dave }) bot.Telegram.SetMemberStatus(Elm, user.Id, MemberStatus.Member);
        return bot;
    }

    /// <summary>Alice asks to link her group; the code the other group's administrator is to send.</summary>
    private static async Task<string> LinkCode(BotHarness bot) =>
        CodePattern().Match((await bot.ReplyTo(bot.Say(Alice, "/link"))).Text!).Groups[1].Value;

    private static Task<EmulatedMessage> ReplyIn(BotHarness bot, long chatId, EmulatedUser user, string text)
    {
        var posted = bot.Telegram.PostMessage(chatId, user.Id, text);
        return bot.Telegram.WaitForMessage(chatId, m => m.IsFromBot && m.ReplyToMessageId == posted.MessageId, TimeSpan.FromSeconds(10));
    }

    private static Task<EmulatedMessage> ListIn(BotHarness bot, long chatId, Func<string, bool> predicate) =>
        bot.Telegram.WaitForMessage(chatId, m => m.IsFromBot && m.Text is { } text && text.StartsWith("🛒", StringComparison.Ordinal) && predicate(text), TimeSpan.FromSeconds(10));

    [GeneratedRegex(@"/link ([A-Z0-9]{6})")]
    private static partial Regex CodePattern();
}

[Trait("Category", "Postgres")]
public sealed class PoolingStoryTestsOnPostgres : PoolingStoryTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
