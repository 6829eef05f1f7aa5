using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Quotes.SupplierSetup;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Ratings;

/// <summary>/delivered, then participants rate the supplier 1–5; the average shows where organizers choose suppliers.</summary>
public class DeliveryRatingTests
{
    [Fact]
    public async Task A_buy_with_options_is_rated_option_by_option_by_those_who_were_in_each()
    {
        await using var bot = await BotHarness.Start();
        await Register(bot, Farm);
        await bot.StartPrivateChat(Bob); // Carol never started the bot: she rates in the group
        bot.Say(Alice, "/newbuy Pottery | Sat 80, Sun 90 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/supplier set 1"));
        await bot.ReplyTo(bot.Say(Bob, "/join 1 sat"));
        await bot.ReplyTo(bot.Say(Bob, "/join 1 sun"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1 sat"));
        await bot.ReplyTo(bot.Say(Alice, "/close"));
        await bot.ReplyTo(bot.Say(Alice, "/delivered"));

        var saturday = await bot.PrivateMessage(Bob, m => m.Text?.Contains("How was “Sat”?", StringComparison.Ordinal) == true);
        var sunday = await bot.PrivateMessage(Bob, m => m.Text?.Contains("How was “Sun”?", StringComparison.Ordinal) == true);
        Assert.Equal("Thanks! You gave Fresh Farm (Sat) 5★.", await bot.Answer(bot.Telegram.TapButton(Bob.Id, saturday.MessageId, Bob.Id, buttonText: "5★")));
        Assert.Equal("Thanks! You gave Fresh Farm (Sun) 3★.", await bot.Answer(bot.Telegram.TapButton(Bob.Id, sunday.MessageId, Bob.Id, buttonText: "3★")));

        var groupAsk = await bot.BotMessage(m => m.Text!.StartsWith("⭐ Carol: rate Fresh Farm", StringComparison.Ordinal));
        Assert.Equal(["Sat 1★", "Sun 1★"], groupAsk.Buttons.Select(row => row[0].Text));
        Assert.Equal("Only participants of #1 can rate its supplier.", await bot.Answer(bot.Tap(Carol, groupAsk, "Sun 1★")));
        Assert.Equal("Thanks! You gave Fresh Farm (Sat) 1★.", await bot.Answer(bot.Tap(Carol, groupAsk, "Sat 1★")));

        Assert.Contains("★3.0 (3 ratings)", (await bot.ReplyTo(bot.Say(Alice, "/supplier list"))).Text); // (5 + 3 + 1) / 3
    }

    [Fact]
    public async Task The_supplier_marks_delivered_participants_rate_once_each_and_the_average_shows_when_choosing()
    {
        await using var bot = await BotHarness.Start();
        await Register(bot, Farm);
        await bot.StartPrivateChat(Bob); // Bob gets his stars privately; Carol never started the bot
        bot.Say(Alice, "/newbuy Tea | 30 | 2 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/supplier set 1"));
        await bot.ReplyTo(bot.Say(Bob, "/join 1"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1"));

        Assert.Contains("not formed", (await bot.ReplyTo(bot.Say(Alice, "/delivered #1"))).Text);
        await bot.ReplyTo(bot.Say(Alice, "/close"));
        Assert.Equal("Only the organizer or the buy's supplier can mark it delivered.", (await bot.ReplyTo(bot.Say(Dave, "/delivered"))).Text);

        // The supplier marks it delivered from its private chat.
        bot.Telegram.PostMessage(Farm.Id, Farm.Id, "/delivered");
        await bot.PrivateMessage(Farm, m => m.Text == "Marked delivered: the group is told.");
        await bot.BotMessage(m => m.Text == "📦 Group buy #1 “Tea” is delivered.\nParticipants: please rate the supplier Fresh Farm (1–5 ★). I've sent you buttons privately.");
        await bot.List(1, text => text.Contains("📦 Delivered", StringComparison.Ordinal));

        var bobAsk = await bot.PrivateMessage(Bob, m => m.Text!.StartsWith("⭐ Group buy #1", StringComparison.Ordinal));
        Assert.Equal(5, bobAsk.Buttons.Single().Count);
        var groupAsk = await bot.BotMessage(m => m.Text!.StartsWith("⭐ Carol: rate Fresh Farm", StringComparison.Ordinal));
        Assert.Contains("tg://user?id=13", groupAsk.RawText);

        Assert.Equal("Thanks! You gave Fresh Farm 4★.", await bot.Answer(bot.Telegram.TapButton(Bob.Id, bobAsk.MessageId, Bob.Id, buttonText: "4★")));
        Assert.Equal("Only participants of #1 can rate its supplier.", await bot.Answer(bot.Tap(Dave, groupAsk, "5★")));
        Assert.Equal("Thanks! You gave Fresh Farm 5★.", await bot.Answer(bot.Tap(Carol, groupAsk, "5★")));
        Assert.Equal("Changed: you gave Fresh Farm 3★ (was 5★).", await bot.Answer(bot.Tap(Carol, groupAsk, "3★")));
        Assert.Contains("not formed (or already delivered)", (await bot.ReplyTo(bot.Say(Alice, "/delivered #1"))).Text);

        // (4 + 3) / 2, counted once per participant, wherever organizers choose a supplier.
        Assert.Contains("1. Fresh Farm (@freshfarm) ★3.5 (2 ratings)", (await bot.ReplyTo(bot.Say(Alice, "/supplier list"))).Text);
        bot.Say(Alice, "/newbuy Coffee | 30 | 2 | 1d");
        await bot.List(2);
        var choose = await bot.ReplyTo(bot.Say(Alice, "/supplier set #2"));
        Assert.Equal("Fresh Farm ★3.5", choose.Buttons.Single().Single().Text);
        bot.Say(Alice, "/quote #2");
        await bot.BotMessage(m => m.Text!.StartsWith("💬 Quotes for group buy #2", StringComparison.Ordinal) && m.Text.Contains("Fresh Farm (@freshfarm) ★3.5 (2 ratings)", StringComparison.Ordinal));
    }
}
