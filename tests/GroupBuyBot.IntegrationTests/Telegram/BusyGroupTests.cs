using GroupBuyBot.BotApiEmulator.Models;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>A wave of sign-ups in a group whose message budget is spent: applied at once, every member told.</summary>
public class BusyGroupTests
{
    [Fact]
    public async Task Sign_ups_beyond_the_groups_budget_are_applied_at_once_and_their_confirmations_merged_not_dropped()
    {
        // One message every two seconds to the group: far less than the wave below.
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>
        {
            ["GroupBuyBot:Telegram:PerChatMessagesPerSecond"] = "0.5",
            ["GroupBuyBot:Telegram:PerChatBurst"] = "1",
        });
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        await bot.List(1, timeoutSeconds: 20);

        var members = Enumerable.Range(0, 12).Select(i => new EmulatedUser(100 + i, $"Neighbour{i:00}")).ToList();
        foreach (var member in members)
        {
            bot.Telegram.UpsertUser(member);
            bot.Telegram.SetMemberStatus(GroupId, member.Id, MemberStatus.Member);
        }

        foreach (var member in members) bot.Telegram.PostMessage(GroupId, member.Id, "/join 1");

        // Every confirmation arrives (one message may confirm several members)...
        var told = new HashSet<string>();
        var until = DateTime.UtcNow.AddSeconds(40);
        while (told.Count < members.Count && DateTime.UtcNow < until)
        {
            foreach (var text in bot.GroupMessagesContaining("signed up for").Select(m => m.Text!))
            {
                told.UnionWith(members.Select(m => m.FirstName).Where(name => text.Contains(name + " signed up for 1 unit", StringComparison.Ordinal)));
            }

            await Task.Delay(100);
        }

        Assert.Equal(members.Count, told.Count);

        // ...in fewer messages than members, and each member is confirmed exactly once.
        var confirmations = bot.GroupMessagesContaining("signed up for");
        Assert.True(confirmations.Count < members.Count, $"{confirmations.Count} confirmation messages for {members.Count} members: none merged");
        foreach (var member in members)
        {
            Assert.Single(confirmations, m => m.Text!.Contains(member.FirstName + " signed up", StringComparison.Ordinal));
        }

        await bot.List(1, text => text.Contains("Total: 12 units from 12 members", StringComparison.Ordinal), timeoutSeconds: 20);
    }
}
