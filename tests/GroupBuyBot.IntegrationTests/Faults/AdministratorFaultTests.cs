using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>Telegram cannot say who the administrators are: the organizer hears so at once, other chats do not wait.</summary>
public class AdministratorFaultTests
{
    private const long OtherGroupId = -1002;

    [Fact]
    public async Task A_hung_administrator_lookup_refuses_the_command_with_a_reason_and_holds_no_other_chat()
    {
        await using var bot = await BotHarness.Start();
        bot.Telegram.CreateChat(new ChatSpec(OtherGroupId, ChatKind.Supergroup, "Elm Street"));
        bot.Telegram.SetMemberStatus(OtherGroupId, Bob.Id, MemberStatus.Member);

        // The lookup hangs past the client's timeout (3 s in the harness), as an unreachable Telegram would.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "getChatAdministrators", Count: 1, DelayMilliseconds: 30_000));
        var newBuy = bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var help = bot.Telegram.PostMessage(OtherGroupId, Bob.Id, "/help");

        var helpReply = await bot.Telegram.WaitForMessage(OtherGroupId, m => m.IsFromBot && m.ReplyToMessageId == help.MessageId, TimeSpan.FromSeconds(10));
        var refusal = await bot.ReplyTo(newBuy, timeoutSeconds: 20);
        Assert.Contains("couldn't check with Telegram who the administrators are", refusal.Text);
        var sends = bot.Telegram.GetApiCalls("sendMessage").Where(c => c.StatusCode == 200).ToList();
        var helpSent = sends.First(c => c.ChatId == OtherGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sequence;
        var refusalSent = sends.First(c => c.ChatId == GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sequence;
        Assert.True(helpSent < refusalSent, "the other group's /help waited for the hung lookup");
        Assert.NotNull(helpReply.Text);
        Assert.Single(bot.Telegram.GetMessages(GroupId), m => m.IsFromBot); // nothing opened: only the refusal

        // Telegram answers again: the same command works.
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        Assert.Contains("Oranges", (await bot.List(1)).Text);
    }

    [Fact]
    public async Task In_chinese_the_refusal_is_in_chinese()
    {
        await using var bot = await BotHarness.Start(language: "zh");
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, Method: "getChatAdministrators", Count: 1, DelayMilliseconds: 30_000));
        var newBuy = bot.Say(Alice, "/newbuy 橙子 | 60 | 5 | 2d");
        Assert.Contains("没能向 Telegram 确认谁是管理员", (await bot.ReplyTo(newBuy, timeoutSeconds: 20)).Text);
    }
}
