using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>/forgetme also covers the member's messages still on their way to the discovery worker.</summary>
public class ForgetMemberTests
{
    private const long Chat = -1001;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Messages_sent_before_the_request_but_arriving_after_it_are_dropped_later_ones_are_kept()
    {
        var windows = new ConversationWindows(new DiscoveryOptions());
        windows.Add(Chat, Message(3, from: 13), 0);

        windows.ForgetMember(Chat, 13, Now, beforeMessageId: 7);
        windows.Add(Chat, Message(5, from: 13), 0);  // queued before /forgetme (message 7), read after it
        windows.Add(Chat, Message(6, from: 14), 0);  // someone else
        windows.Add(Chat, Message(8, from: 13), 0);  // written after /forgetme

        Assert.Equal([6L, 8L], windows.Recall(Chat, [3, 5, 6, 8]).Select(m => m.Id));
    }

    [Fact]
    public void Without_the_requests_message_id_only_what_is_held_is_forgotten()
    {
        var windows = new ConversationWindows(new DiscoveryOptions());
        windows.Add(Chat, Message(3, from: 13), 0);
        windows.ForgetMember(Chat, 13, Now);
        windows.Add(Chat, Message(5, from: 13), 0);
        Assert.Equal([5L], windows.Recall(Chat, [3, 5]).Select(m => m.Id));
    }

    private static ChatMessage Message(long id, long from) => new(id, from, $"user{from}", Now, "我也要", null);
}
