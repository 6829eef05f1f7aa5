using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Infrastructure.Persistence;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>Payments of a formed buy through the emulator: the organizer's private view, claims, confirmations, reminders.</summary>
public class PaymentStoryTests
{
    private const string Reminder = "⏰ A reminder";

    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    [Fact]
    public async Task Members_say_they_paid_the_organizer_confirms_privately_and_the_unpaid_are_reminded_once_a_day()
    {
        await using var bot = await BotHarness.Start(database: Database);
        foreach (var member in new[] { Alice, Bob, Carol, Dave }) await bot.StartPrivateChat(member);
        bot.Say(Alice, "/newbuy Oranges | 60 | 3 | 1d");
        var list = await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1"));
        await bot.ReplyTo(bot.Say(Dave, "/join 1"));
        Assert.Contains("No buy here has payments yet", (await bot.ReplyTo(bot.Say(Alice, "/payments"))).Text);
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        // The organizer's view goes privately; the group hears only the count.
        var inGroup = await bot.ReplyTo(bot.Say(Alice, "/payments"));
        Assert.Equal("Alice, the payments are in our private chat. #1: 0 of 3 paid.", inGroup.Text);
        var view = await bot.PrivateMessage(Alice, m => m.Text?.StartsWith("💰 Payments of #1", StringComparison.Ordinal) == true);
        Assert.Contains("❌ Bob ¥120 — not paid", view.Text);
        Assert.Equal(["✅ Bob ¥120", "✅ Carol ¥60", "✅ Dave ¥60"], view.Buttons.Select(row => row.Single().Text));

        // Carol says she paid, under the list: the organizer is asked privately to confirm.
        var claimed = await bot.ReplyTo(bot.Say(Carol, "paid ✅", replyTo: list.MessageId));
        Assert.Equal("Thanks Carol — the organizer will confirm your payment for #1 (¥60).", claimed.Text);
        var ask = await bot.PrivateMessage(Alice, m => m.Text?.Contains("Carol says they paid for #1", StringComparison.Ordinal) == true);

        // Alice confirms Bob from her view: the view is rewritten in place.
        Assert.Equal("✅ Bob's payment for #1 is recorded (¥120).", await bot.Answer(bot.Telegram.TapButton(Alice.Id, view.MessageId, Alice.Id, buttonText: "✅ Bob ¥120")));
        var edited = await bot.PrivateMessage(Alice, m => m.MessageId == view.MessageId && m.Text!.Contains("✅ Bob ¥120", StringComparison.Ordinal));
        Assert.Contains("🕓 Carol ¥60 — says paid, to confirm", edited.Text);
        Assert.Equal(["✅ Carol ¥60", "✅ Dave ¥60"], edited.Buttons.Select(row => row.Single().Text));
        Assert.Equal("✅ Carol's payment for #1 is recorded (¥60).", await bot.Answer(bot.Telegram.TapButton(Alice.Id, ask.MessageId, Alice.Id, buttonText: "✅ Carol ¥60")));

        // Bad input changes nothing.
        Assert.Equal("Bob has already paid for #1.", (await bot.ReplyTo(bot.Say(Bob, "/paid"))).Text);
        Assert.Contains("Only organizers", (await bot.ReplyTo(bot.Say(Bob, "/paid @dave"))).Text);
        Assert.Contains("@nobody owes nothing on #1", (await bot.ReplyTo(bot.Say(Alice, "/paid @nobody"))).Text);
        Assert.Contains("/payments [#] remind 20:00", (await bot.ReplyTo(bot.Say(Alice, "/payments remind 25:00"))).Text);
        Assert.Equal("Dave has not paid for #1: nothing to refund.", (await bot.ReplyTo(bot.Say(Alice, "/refunded @dave"))).Text);

        // Dave still owes: reminded privately once a day, whatever the time of day set (00:00 has always passed).
        Assert.Contains("every day at 00:00", (await bot.ReplyTo(bot.Say(Alice, "/payments remind 00:00"))).Text);
        Assert.Equal(1, await RemindersOf(bot, Dave, atLeast: 1));
        var reminder = bot.PrivateMessages(Dave).Single(m => m.Text!.StartsWith(Reminder, StringComparison.Ordinal));
        Assert.Contains("you owe ¥60 for #1 “Oranges”", reminder.Text);
        for (var minute = 0; minute < 30; minute++) // thirty more sweeps the same day
        {
            bot.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        await bot.ReplyTo(bot.Say(Alice, "/help")); // and the outbox has moved on past anything they queued
        Assert.Single(bot.PrivateMessages(Dave), m => m.Text!.StartsWith(Reminder, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.PrivateMessages(Bob), m => m.Text!.StartsWith(Reminder, StringComparison.Ordinal)); // paid
        Assert.DoesNotContain(bot.PrivateMessages(Carol), m => m.Text!.StartsWith(Reminder, StringComparison.Ordinal));

        bot.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await RemindersOf(bot, Dave, atLeast: 2));

        // Alice records Dave's cash by replying to his message; no reminder after that.
        var daves = bot.Say(Dave, "here you go, cash");
        Assert.Equal("✅ Dave's payment for #1 is recorded (¥60).", (await bot.ReplyTo(bot.Say(Alice, "/paid cash", replyTo: daves.MessageId))).Text);
    }

    /// <summary>The reminders <paramref name="member"/> has, once there are <paramref name="atLeast"/> (or 30 minutes of the bot's time passed).</summary>
    private static async Task<int> RemindersOf(BotHarness bot, EmulatedUser member, int atLeast)
    {
        int Count() => bot.PrivateMessages(member).Count(m => m.Text!.StartsWith(Reminder, StringComparison.Ordinal));
        await bot.AdvanceMinutesUntil(() => Count() >= atLeast);
        return Count();
    }
}

[Trait("Category", "Postgres")]
public sealed class PaymentStoryTestsOnPostgres : PaymentStoryTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
