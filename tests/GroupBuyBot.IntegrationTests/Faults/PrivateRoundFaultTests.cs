using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>
/// The private messages a change promises (closing confirmations, rating requests, the supplier's order) go out one
/// by one from the outbox: Telegram failing in the middle of a round repeats none that went out and loses none.
/// </summary>
public class PrivateRoundFaultTests
{
    private static readonly EmulatedUser Farm = new(31, "Fresh Farm", Username: "freshfarm");

    [Fact]
    public async Task Telegram_failing_in_the_middle_of_the_closing_round_repeats_no_confirmation_and_the_summary_names_who_was_not_reached()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 2 | 2d");
        await bot.List(1);
        foreach (var member in new[] { Bob, Carol, Dave })
        {
            await bot.StartPrivateChat(member);
            await bot.ReplyTo(bot.Say(member, "/join"));
        }

        bot.Telegram.BlockBot(Dave.Id);

        // The first confirmation goes; the second meets five server errors (more than one send's attempts).
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "sendMessage", Count: 1, DelayMilliseconds: 1));
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, Method: "sendMessage", Count: 5));
        var close = bot.Say(Alice, "/close");

        var summary = await bot.ReplyTo(close, timeoutSeconds: 30);
        Assert.Contains("formed", summary.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"tg://user?id={Dave.Id}", summary.RawText!); // blocked: mentioned in the group instead
        Assert.DoesNotContain($"tg://user?id={Bob.Id}", summary.RawText!);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));

        Assert.Empty(bot.Telegram.GetPendingFaults());
        Assert.Single(bot.PrivateMessages(Bob), m => m.Text!.Contains("#1", StringComparison.Ordinal) && m.Text.Contains("formed", StringComparison.OrdinalIgnoreCase));
        Assert.Single(bot.PrivateMessages(Carol), m => m.Text!.Contains("#1", StringComparison.Ordinal) && m.Text.Contains("formed", StringComparison.OrdinalIgnoreCase));
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot && m.ReplyToMessageId == close.MessageId);
    }

    [Fact]
    public async Task Delivered_asks_each_participant_once_and_those_it_cannot_reach_together_in_the_group()
    {
        await using var bot = await BotHarness.Start();
        bot.Telegram.UpsertUser(Farm);
        await RegisterSupplier(bot);
        bot.Say(Alice, "/newbuy Rice | 40 | 2 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/supplier set 1"));
        await bot.StartPrivateChat(Bob);
        await bot.ReplyTo(bot.Say(Bob, "/join"));
        await bot.ReplyTo(bot.Say(Carol, "/join")); // never started the bot
        await bot.ReplyTo(bot.Say(Alice, "/close"));
        await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal));

        bot.Telegram.InjectFault(new FaultSpec(FaultKind.BadGateway, Method: "sendMessage", Count: 4));
        var delivered = bot.Say(Alice, "/delivered");

        Assert.Contains("delivered", (await bot.ReplyTo(delivered, timeoutSeconds: 30)).Text, StringComparison.OrdinalIgnoreCase);
        var ask = await bot.PrivateMessage(Bob, m => m.Text!.Contains("Fresh Farm", StringComparison.Ordinal) && m.Buttons.Count > 0, timeoutSeconds: 30);
        var together = await bot.BotMessage(m => m.RawText!.Contains($"tg://user?id={Carol.Id}", StringComparison.Ordinal) && m.Buttons.Count > 0, timeoutSeconds: 30);
        Assert.DoesNotContain($"tg://user?id={Bob.Id}", together.RawText!);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Single(bot.PrivateMessages(Bob), m => m.Buttons.Count > 0 && m.Text!.Contains("Fresh Farm", StringComparison.Ordinal));

        Assert.Contains("Fresh Farm", await bot.Answer(bot.Telegram.TapButton(Bob.Id, ask.MessageId, Bob.Id, buttonText: "5★")));
    }

    [Fact]
    public async Task The_suppliers_order_meeting_server_errors_arrives_once_when_Telegram_recovers()
    {
        await using var bot = await BotHarness.Start();
        bot.Telegram.UpsertUser(Farm);
        await RegisterSupplier(bot);
        bot.Say(Alice, "/newbuy Rice | 40 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/supplier set 1"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));

        // Before, an order whose DM failed this way stayed pending until the supplier happened to press Start.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, Method: "sendMessage", StartAfterMilliseconds: 0, DurationMilliseconds: 3000));
        await bot.ReplyTo(bot.Say(Alice, "/close"), timeoutSeconds: 30);

        var order = await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal), timeoutSeconds: 30);
        Assert.Contains("Total: 2 units at ¥40 = ¥80", order.Text);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Assert.Single(bot.PrivateMessages(Farm), m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.Empty(bot.GroupMessagesContaining("could not send the order"));
    }

    private static async Task RegisterSupplier(BotHarness bot)
    {
        var invite = await bot.ReplyTo(bot.Say(Alice, "/supplier invite"));
        var link = invite.Text!.Split([' ', '\n']).Single(w => w.StartsWith("https://t.me/GroupBuyTestBot?start=sup_", StringComparison.Ordinal));
        await bot.StartPrivateChat(Farm, link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
    }
}
