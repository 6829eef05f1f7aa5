using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.BadInput;

/// <summary>Callback data is written by clients, not by the bot: forged data is refused, answered, and changes nothing.</summary>
public class ForgedCallbackTests
{
    private const long OtherGroupId = -1002;

    [Fact]
    public async Task A_button_naming_another_chats_buy_is_refused_and_signs_nobody_up_there()
    {
        await using var bot = await BotHarness.Start();
        bot.Telegram.CreateChat(new ChatSpec(OtherGroupId, ChatKind.Supergroup, "Other group"));
        bot.Telegram.SetMemberStatus(OtherGroupId, Alice.Id, MemberStatus.Administrator);
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var ours = await bot.List(1);
        bot.Telegram.PostMessage(OtherGroupId, Alice.Id, "/newbuy Secret buy | 60 | 5 | 2d");
        var theirs = await bot.Telegram.WaitForMessage(OtherGroupId, m => m.IsFromBot && m.Buttons.Count > 0, TimeSpan.FromSeconds(10));
        var theirJoin = theirs.Buttons[0][0].CallbackData!;

        var forged = bot.Telegram.ForgeCallbackQuery(GroupId, ours.MessageId, Bob.Id, theirJoin);

        Assert.Equal("This button is no longer valid.", await bot.Answer(forged));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5));
        Assert.Contains("Total: 0 units from 0 members", bot.Telegram.GetMessage(OtherGroupId, theirs.MessageId)!.Text);
        Assert.Contains("Total: 0 units from 0 members", bot.CurrentList(1).Text);
    }

    [Fact]
    public async Task A_join_on_a_closed_buy_is_refused()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);
        var join = list.Buttons[0][0].CallbackData!;
        await bot.ReplyTo(bot.Say(Alice, "/cancel"));
        await bot.List(1, text => text.Contains("Cancelled", StringComparison.OrdinalIgnoreCase));

        var forged = bot.Telegram.ForgeCallbackQuery(GroupId, list.MessageId, Bob.Id, join);

        Assert.Equal("This group buy is closed.", await bot.Answer(forged));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("Bob", bot.CurrentList(1).Text);
    }

    [Fact]
    public async Task Tampered_payloads_are_refused_and_answered()
    {
        await using var bot = await BotHarness.Start();
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);
        string[] tampered = ["gb:x:1", "gb:j:", "gb:j:-1", "gb:j:1 ", "gb:j:99999999999999999999999", "gb:j:424242", "gb;j;1", "<b>gb:j:1</b>", "", new string('9', 300)];

        var forged = tampered.Select(data => bot.Telegram.ForgeCallbackQuery(GroupId, list.MessageId, Bob.Id, data)).ToList();

        foreach (var tap in forged) Assert.Equal("This button is no longer valid.", await bot.Answer(tap));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(5));
        Assert.Contains("Total: 0 units from 0 members", bot.CurrentList(1).Text);
    }
}
