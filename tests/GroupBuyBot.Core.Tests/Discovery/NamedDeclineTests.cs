using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// A no that names a thing is about that thing; a bare no leaves the member's one need, also when it comes alone hours
/// later in a window not worth a reading (dev-7's misses, issue 12; sentences of their own).
/// </summary>
public sealed class NamedDeclineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = 0) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes);

    [Theory]
    [InlineData("count me out for the quiz night, sorry", "quiz night")]
    [InlineData("I have to pull out of the cheese order", "cheese order")]
    [InlineData("just got a new kettle from Argos, love it", "new kettle from argos")]
    [InlineData("不好意思,游泳课我们先不报了", "游泳课")]
    [InlineData("已经买了空气炸锅", "空气炸锅")]
    public void A_decline_names_its_thing(string text, string thing) =>
        Assert.Equal(thing, NeedCues.DeclinedThing(ChatTextNormalizer.Normalize(text)));

    [Theory]
    [InlineData("算了我不要了")]
    [InlineData("sorry, we're out")]
    [InlineData("她已经约了别家,我们这次不参加了")]
    public void A_bare_no_names_nothing(string text) =>
        Assert.Null(NeedCues.DeclinedThing(ChatTextNormalizer.Normalize(text)));

    [Fact]
    public void A_no_about_something_else_leaves_the_members_only_need_alone()
    {
        var board = new List<BoardNeed>();
        var morning = new[]
        {
            M(1, 10, "Anyone keen on a bulk order of firewood? £90 a load if 4 houses order"),
            M(2, 11, "count me in, 1 load", 1),
            M(3, 12, "put us down too", 1),
        };
        NeedBoard.Merge(board, -1, morning, EmbeddedNeedExtractor.Extract(morning), T0);

        NeedBoard.RemoveWithdrawn(board, [M(9, 11, "just got a new kettle from Argos, love it", minutes: 300)]);
        Assert.Contains(board[0].Members, m => m.UserId == 11);

        NeedBoard.RemoveWithdrawn(board, [M(10, 11, "sorry, we're out", minutes: 320)]);
        Assert.DoesNotContain(board[0].Members, m => m.UserId == 11);
    }

    [Fact]
    public async Task A_bare_no_alone_hours_later_still_withdraws_through_the_bots_round()
    {
        const long chat = -1071;
        var board = await DiscoveryChat.Replay(
            chat,
            M(1, 101, "想约个师傅上门清洗油烟机,三家起每家便宜30,有人一起吗?"),
            M(2, 102, "算我一个", 1, minutes: 2),
            M(3, 103, "我家也要洗,算上", 1, minutes: 3),
            M(4, 104, "我也报一个", 1, minutes: 4),
            // Five hours later, alone: no window with it is worth a reading, yet it is a withdrawal.
            M(5, 103, "不好意思,老公说他自己拆洗,我们先退出了", minutes: 300));

        var need = Assert.Single(board.Of(chat));
        Assert.Equal([101L, 102, 104], need.Members.Select(m => m.UserId));
    }
}
