using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Families added with dev-11 (issue 12; sentences of their own): a count ordered with any ordering verb and any unit of
/// a thing; a household's "也 + verb" with what it is for in between; asking to be let in while saying for how many;
/// an offer's group terms said the English way ("if we are 6+", "if a few of us sign up", "4 tins is free delivery").
/// </summary>
public sealed class CountedOrdersAndAskingInTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 9, 10, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, (int)id * 4);

    [Theory]
    [InlineData("我要四筒")]
    [InlineData("那我来八只 公的")]
    [InlineData("整三袋!")]
    [InlineData("家里两条狗 带两包")]
    [InlineData("那我也加两个吧")]
    [InlineData("麻烦给我一提")]
    [InlineData("我订!")]
    [InlineData("要是能送到楼下我约一个")]
    [InlineData("我们家肯定算一个")]
    public void A_count_ordered_with_any_ordering_verb_is_a_join(string text)
    {
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));
        Assert.True(NeedCues.CommitsToIt(text));
    }

    [Theory]
    [InlineData("我要等两天")]
    [InlineData("周末来两个人帮忙搬")]
    [InlineData("我带一个朋友过来玩")]
    [InlineData("不用带两包,一包够了")]
    public void A_count_of_time_or_people_is_no_order(string text) =>
        Assert.NotEqual(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("谁再订一桶?不然不够数")]
    [InlineData("有人加两盒吗")]
    public void A_count_asked_of_others_commits_nobody(string text) =>
        Assert.False(NeedCues.CommitsToIt(text));

    [Theory]
    [InlineData("我家也修吧,一台")]
    [InlineData("我家阿黄也约,它最怕去医院")]
    [InlineData("那我家兔子也上门打吧")]
    [InlineData("我家三台也洗一洗, 太脏了")]
    public void A_household_doing_it_too_is_a_join(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("我家猫也打过了")]
    [InlineData("我家空调也修好了")]
    public void A_household_that_has_done_it_already_is_not(string text) =>
        Assert.NotEqual(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("Just moved in. Mine is overdue too, can join? 3 units")]
    [InlineData("窗帘清洗那个还能加吗 我家四个房间")]
    [InlineData("包车那个还有位吗?我们两个人")]
    public void Asking_to_be_let_in_with_a_count_is_a_join(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Fact]
    public void Asking_to_be_let_in_alone_stays_a_question() =>
        Assert.Equal(NeedAct.Question, NeedCues.Classify("还能加吗?"));

    [Theory]
    [InlineData("plums for me pls")]
    [InlineData("yes we are very interesting, my son loves lego")]
    public void Non_native_yeses_are_joins(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("Coach hire is 300 for the day. If we are 10+ it works out cheaper per person")]
    [InlineData("The sweep said he'd do the chimneys cheaper if a few of us book together")]
    [InlineData("maybe we order from the mill, 4 sacks is free delivery")]
    public void Group_terms_said_the_english_way_offer_a_group_buy(string text) =>
        Assert.True(NeedCues.OffersGroupTerms(M(1, 10, text)));

    [Fact]
    public void Orders_with_units_the_lexicon_missed_gather_under_the_offer()
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "朋友家的土鸡蛋,三十个一盒,满十盒包邮,有人要一起吗"),
            M(2, 11, "整两盒!", 1),
            M(3, 12, "今天风好大"),
            M(4, 13, "麻烦给我一盒", 1),
        ]));

        Assert.Equal([10L, 11, 13], need.Interested.Order());
    }
}
