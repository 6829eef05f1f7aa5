using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// A want nobody joins at first is remembered (its owner, message id and summary; never its text), so the join that
/// comes hours later, its text long pruned, opens the need with the member who raised it.
/// </summary>
public class RaisedWantTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(10));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = 0) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes);

    [Fact]
    public void A_call_nobody_joined_is_returned_as_a_raised_want_and_company_or_jokes_are_not()
    {
        var window = new[]
        {
            M(3, 105, "Anyone keen to book the mobile grooming van together? If 4 dogs go the same day she waives the call-out fee"),
            M(4, 106, "what's her price?", minutes: 5),
            M(5, 107, "有没有人今晚去打球?老地方", minutes: 6),
            M(6, 108, "谁要一起团个男朋友哈哈哈", minutes: 7),
        };

        var (needs, raised) = EmbeddedNeedExtractor.Read(window, [], []);

        Assert.Empty(needs);
        var want = Assert.Single(raised);
        Assert.True(want.Raised);
        Assert.Equal([105], want.Members);
        Assert.Equal([3], want.Evidence);
        Assert.Equal(-3, want.Id);
    }

    [Fact]
    public void A_later_reply_to_a_raised_want_opens_the_need_with_its_raiser()
    {
        var want = LiveNeed.RaisedBy(105, 3, "the mobile grooming van");
        var window = new[] { M(15, 101, "I'm in for Bella too", replyTo: 3, minutes: 350) };

        var (needs, raised) = EmbeddedNeedExtractor.Read(window, [], [want]);

        var need = Assert.Single(needs);
        Assert.Null(need.LiveNeedId);
        Assert.Equal([105, 101], need.Interested);
        Assert.Equal("the mobile grooming van", need.Summary);
        Assert.Empty(raised);
        Assert.Empty(EmbeddedNeedExtractor.Read(window, [], []).Needs); // without it, the reply reaches nothing
    }

    [Fact]
    public void The_window_forgets_a_want_once_it_is_a_need_or_no_longer_a_want_and_with_its_raiser()
    {
        var window = new ConversationWindow(new DiscoveryOptions());
        window.Remember([LiveNeed.RaisedBy(105, 3, "a"), LiveNeed.RaisedBy(106, 8, "b"), LiveNeed.RaisedBy(107, 9, "c")], [], [], T0);

        window.Remember([], joined: [3], seen: [8], T0.AddHours(1)); // 3 became a need; 8 was read again and is no want now

        Assert.Equal([9], window.Raised.Select(r => r.Evidence[0]));
        window.Prune(T0.AddHours(2), forgetUserId: 107);
        Assert.Empty(window.Raised);
    }

    [Fact]
    public async Task Through_the_bots_round_a_want_joined_six_hours_later_becomes_a_need_with_both_members()
    {
        const long chat = -1006;
        var board = await DiscoveryChat.Replay(
            chat,
            M(3, 105, "Ziggy is basically a sheep. Anyone keen to book the mobile grooming van together? If 4 dogs go the same day she waives the call-out fee"),
            M(4, 104, "what's her price?", minutes: 25),
            M(5, 105, "$75 for a medium dog wash and tidy", replyTo: 4, minutes: 27),
            M(13, 101, "the vet on Kent St is great with anxious dogs", minutes: 260),
            M(15, 101, "I'm in for Bella too", replyTo: 3, minutes: 350),
            M(27, 102, "my neighbour's poodle needs a groom too, she said to add her", replyTo: 15, minutes: 560));

        var need = Assert.Single(board.Of(chat));
        Assert.Equal([105, 101, 102], need.Members.Select(m => m.UserId));
    }
}
