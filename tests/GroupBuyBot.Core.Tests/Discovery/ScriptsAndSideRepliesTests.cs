using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Families added with dev-10 (issue 12; sentences of their own): traditional characters read as simplified by the cues
/// and content grams (the summary keeps the writer's); "我有兴趣" and other joins the lexicon missed (Cantonese "加埋",
/// "I join", Malay "nak 2kg", a want asking whether the kind is there); a no answers the message it replies to; the raiser
/// calling a need off is not withdrawing from it; "我已经买了两盆" names what the clause before it names; the raiser's
/// call again names the board's need by one word; a join that opens by addressing the raiser joins their topic; a joke the
/// raiser laughs off, or a joke thing asked for and answered by a bare "+1", is no need, and leaves the board when a window
/// read before the laughter had put it there.
/// </summary>
public sealed class ScriptsAndSideRepliesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = -1) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes < 0 ? (int)id * 3 : minutes);

    [Theory]
    [InlineData("我們家也有興趣!")]
    [InlineData("這個我也訂兩盒")]
    [InlineData("報名+1,幫我留一個位")]
    public void Traditional_characters_carry_the_same_cues(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Fact]
    public void The_fold_changes_traditional_characters_only()
    {
        Assert.Equal("团购报名,还有没有人", TraditionalFold.Fold("團購報名,還有沒有人"));
        Assert.Equal("我冇嘅咗啲 ok", TraditionalFold.Fold("我冇嘅咗啲 ok"));
        Assert.Equal("什么时候", TraditionalFold.Fold("什么时候")); // 么 is simplified already: never folded to 幺
    }

    [Fact]
    public void A_need_raised_in_traditional_characters_is_found_and_summed_up_in_them()
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "請問有沒有人想一起訂台中的太陽餅?十盒以上免運"),
            M(2, 11, "我要三盒,送同事", 1),
            M(3, 12, "我有興趣!", 1),
            M(4, 13, "今天好熱"),
        ]));

        Assert.Equal([10L, 11, 12], need.Interested.Order());
        Assert.Contains("太陽餅", need.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("太阳饼", need.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我有兴趣")]
    [InlineData("我们家也很有兴趣,周末可以")]
    [InlineData("补习嗰个我都加埋啦")]
    [InlineData("加埋我一份")]
    [InlineData("好呀,我个女一齐")]
    [InlineData("I join the tour also")]
    [InlineData("Auntie May also join la")]
    [InlineData("I can join! Friday ok?")]
    [InlineData("Siti nak 2kg, boleh?")]
    [InlineData("我要红皮的有吗?")]
    public void Joins_the_lexicon_missed(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("大家有兴趣的说一声", NeedAct.Solicit)]
    [InlineData("你们有兴趣吗?", NeedAct.Solicit)]
    [InlineData("Who wants one? £15 each", NeedAct.Solicit)]
    [InlineData("who wants to join me for tennis on Sunday?", NeedAct.Solicit)]
    public void Calls_stay_calls(string text, NeedAct act) =>
        Assert.Equal(act, NeedCues.Classify(text));

    [Theory]
    [InlineData("加埋运费一共$200")]
    [InlineData("they said I can't join the group chat")]
    [InlineData("红皮的有吗?")]
    public void Look_alikes_are_no_join(string text) =>
        Assert.NotEqual(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("the farm shop takes orders for whole turkeys", true)]
    [InlineData("they booked the hall already, prices went up", true)]
    [InlineData("morning guys, sunny again", false)]
    public void Buying_words_in_their_inflections(string text, bool buying) =>
        Assert.Equal(buying, NeedCues.SpeaksOfBuying(ChatTextNormalizer.Normalize(text)));

    [Theory]
    [InlineData("hahaha no way")]
    [InlineData("ok hehehe")]
    public void A_laugh_of_any_length_is_a_laugh(string text) =>
        Assert.True(NeedCues.HasLaughter(ChatTextNormalizer.Normalize(text)));

    [Fact]
    public async Task A_no_under_someone_elses_question_hours_later_leaves_the_members_need_alone()
    {
        var board = await DiscoveryChat.Replay(-1001,
            M(1, 21, "Anyone want to split a bulk order of printer ink? 20% off for 10+ cartridges", minutes: 0),
            M(2, 22, "yes please, 2 black", 1, 4),
            M(3, 23, "count me in", 1, 8),
            M(4, 24, "coffee at the corner place at 3?", minutes: 300),
            M(5, 22, "already had two today, next time", 4, 302));

        var need = Assert.Single(board.Of(-1001));
        Assert.Contains(22L, need.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task A_bare_no_hours_later_still_withdraws()
    {
        var board = await DiscoveryChat.Replay(-1002,
            M(1, 21, "Anyone want to split a bulk order of printer ink? 20% off for 10+ cartridges", minutes: 0),
            M(2, 22, "yes please, 2 black", 1, 4),
            M(3, 23, "count me in", 1, 8),
            M(4, 22, "sorry Jo, I'm out, found it cheaper", minutes: 300));

        var need = Assert.Single(board.Of(-1002));
        Assert.DoesNotContain(22L, need.Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task The_raiser_calling_the_need_off_keeps_who_wanted_it_but_a_member_dropping_out_leaves()
    {
        var board = await DiscoveryChat.Replay(-1003,
            M(1, 31, "有没有人想一起报周六的烘焙课?满4人开班", minutes: 0),
            M(2, 32, "我报一个", 1, 5),
            M(3, 33, "算我一个", 1, 9),
            M(4, 34, "我也报", 1, 12),
            M(5, 34, "不好意思我周六要加班,退出了", 1, 400),
            M(6, 31, "烘焙课老师说人太少,取消了,下次再约", minutes: 900));

        var need = Assert.Single(board.Of(-1003));
        Assert.Equal([31L, 32, 33], need.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public void Already_bought_a_count_names_what_the_clause_before_it_names()
    {
        var text = ChatTextNormalizer.Normalize("今天集市上看到有人卖多肉一盆才十块,我已经买了两盆");

        Assert.Contains("多肉", NeedCues.DeclinedThing(text), StringComparison.Ordinal);
        Assert.True(NeedCues.DeclinesSomethingElse(text, ContentGrams.Of(ChatTextNormalizer.Normalize("一起订营养土"))));
        Assert.False(NeedCues.DeclinesSomethingElse(ChatTextNormalizer.Normalize("我已经买了两盆"), ContentGrams.Of(ChatTextNormalizer.Normalize("一起订营养土"))));
    }

    [Fact]
    public void The_raisers_call_again_joins_the_live_need_it_names_by_one_word()
    {
        var live = new LiveNeed(7, "一齐订海南芒果", [21, 22], [3, 4]);
        ChatMessage[] window =
        [
            M(40, 21, "芒果仲有冇人要?今晚截单", minutes: 3000),
            M(41, 23, "我都要两箱", 40, 3010),
        ];

        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window, [live]));

        Assert.Equal(7, need.LiveNeedId);
        Assert.Contains(23L, need.Interested);
    }

    [Fact]
    public void A_join_that_opens_by_addressing_the_raiser_joins_their_topic()
    {
        ChatMessage Named(long id, long from, string name, string text, long? replyTo = null) => new(id, from, name, T0.AddMinutes(id * 3), text, replyTo);
        var needs = EmbeddedNeedExtractor.Extract(
        [
            Named(1, 41, "3栋 老陈", "想团购装防盗网,有没有人一起?满8户打九折"),
            Named(2, 42, "阿芳", "我家也要装,算我家一户", 1),
            Named(3, 43, "小吴", "我想顺便装个晾衣架,有没有人知道哪家好"),
            Named(4, 44, "王姐", "老陈,我也装,两个房间"),
        ]);

        var need = Assert.Single(needs);
        Assert.Equal([41L, 42, 44], need.Interested.Order());
    }

    [Fact]
    public async Task Addressing_the_raiser_joins_their_need_already_on_the_board()
    {
        ChatMessage Named(long id, long from, string name, string text, int minutes, long? replyTo = null) => new(id, from, name, T0.AddMinutes(minutes), text, replyTo);
        var board = await DiscoveryChat.Replay(-1005,
            Named(1, 41, "3栋 老陈", "想团购装防盗网,有没有人一起?满8户打九折", 0),
            Named(2, 42, "阿芳", "我家也要装,算我家一户", 4, 1),
            Named(3, 43, "小吴", "我想顺便装个晾衣架,有没有人知道哪家好", 30),
            Named(4, 44, "王姐", "老陈,我也装,两个房间", 50));

        var need = Assert.Single(board.Of(-1005), n => n.Members.Count >= 2);
        Assert.Equal([41L, 42, 44], need.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public void A_joke_the_raiser_laughs_off_is_no_need()
    {
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 51, "有没有人想合买一扇任意门,上班不用挤地铁"),
            M(2, 52, "+1 每天通勤两小时 😭", 1),
            M(3, 53, "我要两个,一个放老家", 1),
            M(4, 51, "哈哈哈 你们想多了", 3),
        ]));
    }

    [Fact]
    public async Task A_joke_read_before_the_laughter_leaves_the_board_when_the_laughter_is_read()
    {
        var board = await DiscoveryChat.Replay(-1004,
            M(1, 51, "有没有人想合买一扇任意门,上班不用挤地铁", minutes: 0),
            M(2, 52, "+1 每天通勤两小时 😭", 1, 1),
            M(3, 53, "我要两个,一个放老家", 1, 9),
            M(4, 51, "哈哈哈 你们想多了", 3, 10));

        Assert.DoesNotContain(board.Of(-1004), n => n.Members.Count >= 2);
        Assert.Empty(board.Said); // never suggested
    }

    [Fact]
    public void The_raiser_laughing_with_someone_elses_question_keeps_the_need()
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 51, "京东企业购的升降桌买5张以上打八折,有没有人一起?"),
            M(2, 52, "我要一张,腰不行了", 1),
            M(3, 54, "实习生也能买吗哈哈"),
            M(4, 51, "哈哈可以啊", 3),
            M(5, 53, "算我一张", 1),
        ]));

        Assert.Equal([51L, 52, 53], need.Interested.Order());
    }

    [Fact]
    public void A_joke_thing_answered_by_a_bare_plus_one_is_no_need()
    {
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 61, "台风假可以团购吗🤣"),
            M(2, 62, "+1 强烈支持", 1),
        ]));
    }
}
