using GroupBuyBot.Core.Suppliers;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GroupBuyBot.IntegrationTests.Quotes.SupplierSetup;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Quotes;

/// <summary>Reverse auction: suppliers quote privately, the organizer compares them in the group and picks one.</summary>
public class QuoteTests
{
    private static bool IsRequest(string? text) => text?.StartsWith("💬", StringComparison.Ordinal) == true;

    [Fact]
    public async Task Two_suppliers_quote_and_the_organizers_pick_sets_the_price_tiers_and_supplier_and_thanks_the_other()
    {
        await using var bot = await BotHarness.Start();
        await Register(bot, Farm);
        await Register(bot, Valley);
        bot.Say(Alice, "/newbuy Oranges | 80 | 2 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/edit note delivered to gate 2"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));

        bot.Say(Alice, "/quote");
        var farmRequest = await bot.PrivateMessage(Farm, m => IsRequest(m.Text));
        Assert.Contains("group buy #1 “Oranges”", farmRequest.Text);
        Assert.Contains("So far: 2 units (minimum 2), current price ¥80 per unit", farmRequest.Text);
        Assert.Contains("Delivery / notes: delivered to gate 2", farmRequest.Text);
        var valleyRequest = await bot.PrivateMessage(Valley, m => IsRequest(m.Text));
        var board = await bot.BotMessage(m => m.Text!.StartsWith("💬 Quotes for group buy #1", StringComparison.Ordinal));
        Assert.Contains("Fresh Farm (@freshfarm) (not rated yet) — waiting…", board.Text);
        Assert.Empty(board.Buttons);

        // Fresh Farm replies with a price, a tier and a note; Green Valley taps the 10 % lower price.
        bot.Telegram.PostMessage(Farm.Id, Farm.Id, "75 10:70 delivered Saturday", farmRequest.MessageId);
        await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("Thanks! Your quote for #1", StringComparison.Ordinal));
        await bot.BotMessage(m => m.MessageId == board.MessageId && m.Buttons.Count == 1);
        Assert.Null(await bot.Answer(bot.Telegram.TapButton(Valley.Id, valleyRequest.MessageId, Valley.Id, buttonText: "¥72")));

        var both = await bot.BotMessage(m => m.MessageId == board.MessageId && m.Buttons.Count == 2);
        var lines = both.Text!.Split('\n');
        Assert.Equal("1. Green Valley (@greenvalley) (not rated yet) — ¥72 per unit", lines[1]); // cheapest first
        Assert.Equal("2. Fresh Farm (@freshfarm) (not rated yet) — ¥75 per unit (from 10: ¥70) — delivered Saturday", lines[2]);

        Assert.Equal("Only organizers (chat admins and members they appoint) can do that.", await bot.Answer(bot.Tap(Bob, both, "✔ Fresh Farm — ¥75")));
        Assert.Equal("Chosen: Fresh Farm.", await bot.Answer(bot.Tap(Alice, both, "✔ Fresh Farm — ¥75")));

        await bot.BotMessage(m => m.Text == "✅ Quote of Fresh Farm chosen for group buy #1 “Oranges”: ¥75 per unit (from 10: ¥70) — delivered Saturday. Fresh Farm is now its supplier.");
        await bot.List(1, text => text.Contains("¥75", StringComparison.Ordinal) && text.Contains("from 10: ¥70", StringComparison.Ordinal));
        await bot.BotMessage(m => m.MessageId == board.MessageId && m.Text!.Contains("✅ chosen: ¥75", StringComparison.Ordinal) && m.Buttons.Count == 0);
        await bot.PrivateMessage(Farm, m => m.Text!.Contains("Your quote for group buy #1 “Oranges” was chosen", StringComparison.Ordinal));
        await bot.PrivateMessage(Valley, m => m.Text!.Contains("The organizer chose another offer", StringComparison.Ordinal));

        // The supplier is the chosen one: the formed order goes to Fresh Farm at the quoted price.
        bot.Time.Advance(TimeSpan.FromDays(1));
        var order = await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.Contains("Total: 2 units at ¥75 = ¥150", order.Text);
        Assert.DoesNotContain(bot.PrivateMessages(Valley), m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quote_after_the_buy_closed_is_refused_politely_and_changes_nothing()
    {
        await using var bot = await BotHarness.Start();
        await Register(bot, Farm);
        bot.Say(Alice, "/newbuy Rice | 40 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        bot.Say(Alice, "/quote #1");
        var request = await bot.PrivateMessage(Farm, m => IsRequest(m.Text));
        await bot.BotMessage(m => m.Text!.StartsWith("💬 Quotes for group buy #1", StringComparison.Ordinal));
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        bot.Telegram.PostMessage(Farm.Id, Farm.Id, "35", request.MessageId);
        await bot.PrivateMessage(Farm, m => m.Text == "Thank you! Group buy #1 “Rice” has already closed, so it no longer takes quotes.");
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        Assert.Empty(bot.GroupMessagesContaining("¥35"));
        Assert.Contains("¥40", bot.CurrentList(1).Text);
    }

    [Fact]
    public async Task A_pick_is_decided_on_the_buy_itself_so_a_second_pick_is_refused_even_when_the_quotes_were_not_marked()
    {
        await using var bot = await BotHarness.Start();
        await Register(bot, Farm);
        await Register(bot, Valley);
        bot.Say(Alice, "/newbuy Oranges | 80 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        bot.Say(Alice, "/quote");
        var farmRequest = await bot.PrivateMessage(Farm, m => IsRequest(m.Text));
        var valleyRequest = await bot.PrivateMessage(Valley, m => IsRequest(m.Text));
        var board = await bot.BotMessage(m => m.Text!.StartsWith("💬 Quotes for group buy #1", StringComparison.Ordinal));
        bot.Telegram.PostMessage(Farm.Id, Farm.Id, "75", farmRequest.MessageId);
        bot.Telegram.PostMessage(Valley.Id, Valley.Id, "72", valleyRequest.MessageId);
        var both = await bot.BotMessage(m => m.MessageId == board.MessageId && m.Buttons.Count == 2);
        Assert.Equal("Chosen: Fresh Farm.", await bot.Answer(bot.Tap(Alice, both, "✔ Fresh Farm — ¥75")));
        await bot.BotMessage(m => m.MessageId == board.MessageId && m.Buttons.Count == 0);

        // As a crash right after the buy's change would leave them: the quotes not marked chosen / not chosen.
        await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            await db.SupplierQuotes.ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QuoteStatus.Quoted));
        }

        // A tap on the board as it was (a client that has not seen the edit yet).
        var valley = both.Buttons.SelectMany(row => row).Single(b => b.Text == "✔ Green Valley — ¥72").CallbackData!;
        Assert.Equal("A quote is already chosen for this group buy.", await bot.Answer(bot.Telegram.ForgeCallbackQuery(GroupId, board.MessageId, Alice.Id, valley)));
        bot.Time.Advance(TimeSpan.FromDays(1));
        var order = await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.Contains("Total: 2 units at ¥75 = ¥150", order.Text);
        Assert.DoesNotContain(bot.PrivateMessages(Valley), m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
    }
}
