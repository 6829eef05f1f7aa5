using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Talk that reaches the board late or names what it is about (dev-7's misses, issue 12; sentences of their own): a no
/// that names a thing is about that thing; a bare no leaves the member's one need, also alone hours later in a window not
/// worth a reading; an offer asking who is doing it is a call; an organiser's late list under a heading ("Hoodie order: …,
/// anyone else?") joins the need it lists instead of opening a second one.
/// </summary>
public sealed class LateTalkTests
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

    [Theory]
    [InlineData("Club rate for the 10k closes Monday, 10% off if 8 of us enter. Who's doing it?")]
    [InlineData("The climbing wall does a group rate if 6 of us register, who's signing up?")]
    public void Asking_who_is_doing_it_is_a_call(string text) =>
        Assert.Equal(NeedAct.Solicit, NeedCues.Classify(text));

    [Theory]
    [InlineData("Hoodie order: Ana M, Ben 2x L, me S. Anyone else?")]
    [InlineData("拼车名单: 我、小王、阿May,还差一个")]
    public void A_heading_before_a_list_is_a_running_list(string text) =>
        Assert.True(NeedCues.IsTally(text));

    [Fact]
    public async Task A_late_list_under_a_heading_joins_the_need_it_lists()
    {
        const long chat = -1072;
        var board = await DiscoveryChat.Replay(
            chat,
            M(1, 201, "Thinking of ordering club hoodies, £25 each if we order 10+. Anyone?"),
            M(2, 202, "I'll take one, size M", 1, minutes: 2),
            M(3, 203, "put me down for 2", 1, minutes: 3),
            M(4, 209, "anyone seen my keys? left them at the track", minutes: 60),
            // Five hours later the offer's text is gone from memory; the organiser lists who is in.
            M(10, 201, "Hoodie order: Ana M, Ben 2x L, me S. Anyone else?", minutes: 300),
            M(11, 204, "S for me", 10, minutes: 302));

        var need = Assert.Single(board.Of(chat));
        Assert.Equal([201L, 202, 203, 204], need.Members.Select(m => m.UserId));
    }
}
