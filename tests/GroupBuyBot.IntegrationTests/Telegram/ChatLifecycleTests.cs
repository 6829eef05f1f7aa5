using GroupBuyBot.BotApiEmulator.Models;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>The bot joining chats, groups becoming supergroups, forum topics.</summary>
public class ChatLifecycleTests
{
    [Fact]
    public async Task The_bot_added_to_a_group_introduces_itself_once()
    {
        await using var bot = await BotHarness.Start();
        const long newGroup = -2002;
        bot.Telegram.CreateChat(new ChatSpec(newGroup, ChatKind.Group, "Book club", BotIsMember: false));
        bot.Telegram.SetMemberStatus(newGroup, Alice.Id, MemberStatus.Administrator);

        bot.Telegram.AddBotToChat(newGroup, Alice.Id);

        var welcome = await bot.Telegram.WaitForBotMessage(newGroup, TimeSpan.FromSeconds(10));
        Assert.Contains("/help", welcome.Text);
    }

    [Fact]
    public async Task A_group_that_becomes_a_supergroup_keeps_its_buys_under_the_new_id()
    {
        await using var bot = await BotHarness.Start();
        const long oldGroup = -3003;
        bot.Telegram.CreateChat(new ChatSpec(oldGroup, ChatKind.Group, "Neighbours"));
        bot.Telegram.SetMemberStatus(oldGroup, Alice.Id, MemberStatus.Administrator);
        bot.Telegram.SetMemberStatus(oldGroup, Bob.Id, MemberStatus.Member);
        bot.Telegram.PostMessage(oldGroup, Alice.Id, "/newbuy Rice | 100 | 2 | 2d");
        await bot.Telegram.WaitForBotMessage(oldGroup, TimeSpan.FromSeconds(10), m => m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true);

        var newGroup = bot.Telegram.MigrateToSupergroup(oldGroup);
        bot.Telegram.SetMemberStatus(newGroup, Bob.Id, MemberStatus.Member);
        var posted = bot.Telegram.PostMessage(newGroup, Bob.Id, "/buys");

        var reply = await bot.Telegram.WaitForBotMessage(newGroup, TimeSpan.FromSeconds(10), m => m.ReplyToMessageId == posted.MessageId);
        Assert.Contains("#1 Rice", reply.Text);
    }

    [Fact]
    public async Task Answers_in_a_forum_go_to_the_topic_the_command_came_from()
    {
        await using var bot = await BotHarness.Start();
        const long forum = -4004;
        bot.Telegram.CreateChat(new ChatSpec(forum, ChatKind.Supergroup, "Parents forum", IsForum: true));
        bot.Telegram.SetMemberStatus(forum, Alice.Id, MemberStatus.Administrator);

        bot.Telegram.PostMessage(forum, Alice.Id, "/newbuy Pottery | 80 | 2 | 2d", messageThreadId: 77);

        var list = await bot.Telegram.WaitForBotMessage(forum, TimeSpan.FromSeconds(10), m => m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true);
        Assert.Equal(77, list.MessageThreadId);
    }
}
