using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>/edit, /extend, /cancel and /organizers as organizers use them.</summary>
public class OrganizerCommandTests
{
    [Fact]
    public async Task Edits_change_the_list_and_bad_values_change_nothing()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 10 | 2026-12-05 18:00 | 30");
        await bot.List(1);

        await bot.ReplyTo(bot.Say(Alice, "/edit price 55"));
        await bot.ReplyTo(bot.Say(Alice, "/edit tiers 10:50,20:45"));
        await bot.ReplyTo(bot.Say(Alice, "/edit unit box"));
        await bot.ReplyTo(bot.Say(Bob, "/join 12"));
        var list = await bot.List(1, text => text.Contains("Bob ×12"));
        Assert.Contains("Price: ¥50 per box", list.Text);       // the 10-unit tier is reached
        Assert.Contains("Tiers: from 10: ¥50, from 20: ¥45", list.Text);

        var tooSmall = await bot.ReplyTo(bot.Say(Alice, "/edit capacity 5"));
        Assert.Contains("not a valid capacity", tooSmall.Text);
        var badField = await bot.ReplyTo(bot.Say(Alice, "/edit colour red"));
        Assert.Contains("/edit [#] field value", badField.Text);
        var notOrganizer = await bot.ReplyTo(bot.Say(Bob, "/edit price 1"));
        Assert.Contains("Only organizers", notOrganizer.Text);
        await bot.ReplyTo(bot.Say(Carol, "/join"));
        var after = await bot.List(1, text => text.Contains("Carol"));
        Assert.Contains("Places: 30 (left: 17)", after.Text);
        Assert.Contains("¥50", after.Text);
    }

    [Fact]
    public async Task Extend_moves_the_deadline_later_only()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 10 | 2026-12-05 18:00");
        await bot.List(1);

        var extended = await bot.ReplyTo(bot.Say(Alice, "/extend 1d"));
        Assert.Contains("now closes 2026-12-06 18:00", extended.Text);
        var earlier = await bot.ReplyTo(bot.Say(Alice, "/extend 2026-12-01 10:00"));
        Assert.Contains("must be later than the current one (2026-12-06 18:00)", earlier.Text);
        await bot.List(1, text => text.Contains("Closes: 2026-12-06 18:00"));
    }

    [Fact]
    public async Task Cancel_ends_the_buy_and_removes_its_buttons()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 10 | 2d");
        var list = await bot.List(1);
        await bot.Answer(bot.Tap(Bob, list, "Join"));

        var cancelled = await bot.ReplyTo(bot.Say(Alice, "/cancel"));
        Assert.Contains("was cancelled by the organizer", cancelled.Text);
        var final = await bot.List(1, text => text.Contains("Cancelled"));
        Assert.Empty(final.Buttons);
        var late = await bot.ReplyTo(bot.Say(Carol, "/join #1"));
        Assert.Contains("no longer open", late.Text);
        var again = await bot.ReplyTo(bot.Say(Alice, "/close 1"));
        Assert.Contains("no longer open", again.Text);
    }

    [Fact]
    public async Task Organizers_are_appointed_by_reply_and_removed_by_username()
    {
        await using var bot = await BotHarness.Start();
        var carolSays = bot.Say(Carol, "I can organize the fruit order");
        var byReply = await bot.ReplyTo(bot.Say(Alice, "/organizers add", replyTo: carolSays.MessageId));
        Assert.Contains("Carol is now an organizer", byReply.Text);
        var listed = await bot.ReplyTo(bot.Say(Bob, "/organizers"));
        Assert.Contains("administrators and Carol", listed.Text);
        var notAdmin = await bot.ReplyTo(bot.Say(Carol, "/organizers add @bob"));
        Assert.Contains("Only chat administrators", notAdmin.Text);

        bot.Say(Carol, "/newbuy Apples | 40 | 2 | 2d");
        await bot.List(1);

        var unknown = await bot.ReplyTo(bot.Say(Alice, "/organizers remove @nobody"));
        Assert.Contains("I don't know @nobody yet", unknown.Text);
        await bot.ReplyTo(bot.Say(Alice, "/organizers remove @carol"));
        var refused = await bot.ReplyTo(bot.Say(Carol, "/close"));
        Assert.Contains("Only organizers", refused.Text);
    }
}
