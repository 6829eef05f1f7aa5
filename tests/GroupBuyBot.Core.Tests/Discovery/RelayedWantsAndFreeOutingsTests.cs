using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Families added with dev-12 (issue 12; sentences of their own): counting a named person in and keeping a place for
/// someone; a household member's want relayed; the thing first and then "我来!"; adding or including one's own; "me and
/// my wife would both do it"; a plain "有!" or "me me!" answering a call; a name and "also" answering a call; a message
/// that opens by joining; calls said as "any of you…" or "anyone's kids…"; putting it off to another time and a time
/// that does not suit; an outing that costs nothing; a laughing join under an offer's terms or to a need already on the
/// board; a thing or sum no group of neighbours buys.
/// </summary>
public sealed class RelayedWantsAndFreeOutingsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 19, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int? minutes = null) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes ?? (int)id * 4);

    [Theory]
    [InlineData("算小明一个")]
    [InlineData("那就算朵朵一份吧")]
    [InlineData("算乐乐一個!幾點開始?")]
    [InlineData("先给乐乐占个位")]
    [InlineData("帮我留个名额")]
    [InlineData("Could you save a spot for Mia?")]
    public void Counting_a_named_person_in_or_keeping_a_place_is_a_join(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("她肯定要的,我回头跟她说")]
    [InlineData("我帮我姐问了,她一定要")]
    [InlineData("Tom says he'll do it")]
    [InlineData("My daughter also wants to join")]
    public void A_household_members_want_relayed_is_a_join(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("排骨我来!")]
    [InlineData("蛋挞我要!")]
    [InlineData("Kindly add our names")]
    [InlineData("please include me also")]
    [InlineData("add both my kids please")]
    [InlineData("Me and my wife would both do it")]
    [InlineData("both of us are interested")]
    [InlineData("we will also try for a month, 1 litre a day")]
    [InlineData("我跟我老婆两个人,可以吗?")]
    [InlineData("Can you include me? 2 kids")]
    [InlineData("Can I still join? 300 litres")]
    public void Joins_the_lexicon_missed_are_joins(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("don't include me")]
    [InlineData("下次团的时候叫我")]
    [InlineData("有点贵")]
    [InlineData("报名开始了,大家别忘了抽签")]
    public void Look_alikes_are_no_joins(string text) =>
        Assert.NotEqual(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("+1, but does anyone have a spare tent?")]
    [InlineData("+1 有人能借我个头盔吗")]
    [InlineData("算我一个,有人顺路吗?")]
    public void A_message_that_opens_by_joining_joins_whatever_it_asks_after(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("Any of you fancy a pottery class?")]
    [InlineData("Any parents keen on a coding club after school?")]
    [InlineData("anyone's kids keen on coding lessons?")]
    [InlineData("想学尤克里里的一起吗?")]
    public void Calls_said_other_ways_are_calls(string text) =>
        Assert.Equal(NeedAct.Solicit, NeedCues.Classify(text));

    [Theory]
    [InlineData("我想去但是腿还没好,下次吧")]
    [InlineData("这周不行,改天再约")]
    [InlineData("7am is too early for me, sorry")]
    [InlineData("Weekday mornings are not possible for me")]
    [InlineData("we will not be able to join, sorry")]
    public void Putting_it_off_or_a_time_that_does_not_suit_is_a_no(string text) =>
        Assert.Equal(NeedAct.Decline, NeedCues.Classify(text));

    [Fact]
    public void Asking_whether_to_ask_is_no_no() =>
        Assert.NotEqual(NeedAct.Decline, NeedCues.Classify("我都要,要唔要我问下我识嗰个师傅?"));

    [Fact]
    public void A_clock_time_is_no_heading_of_a_list() =>
        Assert.False(NeedCues.IsTally("7:45 is too early for us, sorry"));

    [Theory]
    [InlineData("有!我屋企都想搞")]
    [InlineData("me me! two please")]
    [InlineData("Jamie also, he's been asking for months")]
    public void A_plain_yes_or_a_name_answering_a_call_joins_it(string text)
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "Anyone keen on a group order of kids' swim goggles? 10 pairs gets 20% off"),
            M(2, 11, text, 1),
        ]));

        Assert.Equal([10L, 11], need.Interested.Order());
    }

    [Fact]
    public void A_name_and_also_in_passing_is_no_join()
    {
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "Anyone keen on a group order of kids' swim goggles? 10 pairs gets 20% off"),
            M(2, 11, "That also reminds me, the pool is closed on Monday", 1),
        ]));
    }

    [Theory]
    [InlineData("这周六爬凤凰山,八点地铁口集合,不收费,自带午饭", "报名+1", "+1 算我一个")]
    [InlineData("Beach clean-up on Sunday 9am, free entry, just bring gloves", "count me in", "put us down, the kids love it")]
    public void An_outing_that_costs_nothing_is_no_need(string raised, string first, string second)
    {
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, raised),
            M(2, 11, first, 1),
            M(3, 12, second, 1),
        ]));
    }

    [Fact]
    public void An_outing_that_is_free_but_then_costs_money_is_a_need()
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "周日公园野餐,免费参加,有人一起吗?"),
            M(2, 11, "我去!要不要一起买个野餐垫,AA", 1),
            M(3, 12, "算我一个,我出30块", 1),
        ]));

        Assert.Contains(12L, need.Interested);
    }

    [Fact]
    public void A_laughing_join_under_an_offers_terms_is_sincere()
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "暑假想给女儿报个篮球班,教练说凑够5个孩子可以开小班"),
            M(2, 11, "我家儿子也该练练了,天天宅在家打游戏😂", 1),
        ]));

        Assert.Equal([10L, 11], need.Interested.Order());
    }

    [Fact]
    public void A_thing_or_sum_no_group_buys_is_a_joke()
    {
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "Found a used helicopter online, only £2.4m. Who's splitting it with me?"),
            M(2, 11, "I'm in 😂 window seat is mine", 1),
            M(3, 12, "+1 if it has heated seats", 1),
        ]));
    }

    [Fact]
    public async Task Laughing_joins_days_later_to_a_need_on_the_board_still_join_it()
    {
        var board = await DiscoveryChat.Replay(-1201,
            M(1, 21, "有冇人想一齊叫上門洗冷氣?五部以上每部$280", minutes: 0),
            M(2, 22, "我要!兩部", 1, 3),
            M(3, 23, "算我一部", 1, 6),
            M(4, 21, "而家我、阿明、May 三戶", 3, 9),
            M(5, 24, "洗冷氣仲有位?我屋企都要洗,兩部 😂", 4, 3000),
            M(6, 25, "我都加一部洗冷氣,個仔話佢房好多塵 🤣", 4, 3004));

        var need = Assert.Single(board.Of(-1201));
        Assert.Equal([21L, 22, 23, 24, 25], need.Members.Select(m => m.UserId).Order());
    }
}
