using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Rule families read from dev-7's misses (issue 12), tested on sentences of their own: answers to a call that name
/// the speaker, calls the lexicon missed, copied 接龙 lists, mention-led sign-ups, irony, another thing asked after
/// under an offer, laughter beside the thing asked for, and joke things.
/// </summary>
public sealed class AnswersToACallTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 20, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null) =>
        new(id, from, $"u{from}", Start.AddMinutes(id), text, replyTo);

    private static IReadOnlyList<ExtractedNeed> Run(params ChatMessage[] messages) => EmbeddedNeedExtractor.Extract(messages);

    [Theory]
    [InlineData("me!!")]
    [InlineData("us!")]
    [InlineData("in")]
    [InlineData("我!!")]
    [InlineData("我们家~早就想去了")]
    [InlineData("我来!带两个娃")]
    [InlineData("我和老公去,算两个")]
    [InlineData("我跟同事参加")]
    public void Naming_oneself_under_a_call_joins_it(string answer)
    {
        var need = Assert.Single(Run(
            M(1, 10, "周六想包个农家乐的大院子烧烤,场地费平摊,有人一起吗?"),
            M(2, 11, answer, 1),
            M(3, 12, "算我一个", 1)));

        Assert.Equal([10L, 11, 12], need.Interested);
    }

    [Theory]
    [InlineData("我来问问")]
    [InlineData("我去年去过,一般")]
    [InlineData("in July maybe")]
    public void A_sentence_that_only_starts_like_it_does_not(string answer)
    {
        var need = Assert.Single(Run(
            M(1, 10, "周六想包个农家乐的大院子烧烤,场地费平摊,有人一起吗?"),
            M(2, 11, answer, 1),
            M(3, 12, "算我一个", 1)));

        Assert.Equal([10L, 12], need.Interested);
    }

    [Theory]
    [InlineData("楼下有人组织拼车去机场吗,我周五早上的航班")]
    [InlineData("有谁家一起装净水器?师傅说三家起打折")]
    [InlineData("打印店说满50本便宜一半,谁家孩子要印练习册的")]
    [InlineData("我约了修伞的师傅,想一起修的说一声")]
    public void Calls_for_company_the_lexicon_missed(string text) =>
        Assert.Equal(NeedAct.Solicit, NeedCues.Classify(text));

    [Fact]
    public void A_household_plan_is_a_want() =>
        Assert.Equal(NeedAct.Want, NeedCues.Classify("我家准备装个智能门锁"));

    [Theory]
    [InlineData("1. 王阿姨\n2. 小周\n3. 豆豆妈")]
    [InlineData("好的\n1. 王阿姨\n2. 小周")]
    [InlineData("那我来三袋试试")]
    [InlineData("我们家也感兴趣")]
    [InlineData("我家阳台也漏风,一起一起")]
    [InlineData("i'm in if it's after 5")]
    public void Joins_the_lexicon_missed(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("来两个人就够了")]
    [InlineData("我一般带我爸去社区医院")]
    public void Not_joins(string text) =>
        Assert.NotEqual(NeedAct.Join, NeedCues.Classify(text));

    [Fact]
    public void Naming_a_member_and_then_speaking_for_oneself_is_a_sign_up()
    {
        Assert.Equal(NeedAct.Join, NeedCues.Classify("@小林 加我一个,我家也想换"));
        Assert.Equal(NeedAct.Other, NeedCues.Classify("@小林 也报一个呗"));
    }

    [Theory]
    [InlineData("oh I'd love to spend Sunday queuing for that, can't wait 🙃")]
    [InlineData("对对对我也好想周末去排队呢🙄")]
    public void An_overdone_wish_marked_as_irony_is_nobodys_interest(string text) =>
        Assert.Equal(NeedAct.Other, NeedCues.Classify(text));

    [Fact]
    public void Irony_under_a_call_does_not_join_it_but_a_sincere_upside_down_face_does()
    {
        var need = Assert.Single(Run(
            M(1, 20, "Group tickets for the jazz brunch, 8+ get 15% off, anyone in?"),
            M(2, 21, "yes I'd love to spend Sunday listening to jazz, can't wait 🙃", 1),
            M(3, 22, "me too, my sofa is older than me 🙃", 1),
            M(4, 23, "count me in", 1)));

        Assert.Equal([20L, 22, 23], need.Interested);
    }

    [Fact]
    public void Asking_under_an_offer_after_another_thing_opens_a_want_of_its_own()
    {
        var needs = Run(
            M(1, 30, "我姑姑在新疆,可以寄红枣,一箱5斤80块,我自己要两箱,还有要的吗"),
            M(2, 31, "红枣我要一箱", 1),
            M(3, 32, "红枣我家吃不完😂 她那边有没有葡萄干?我想买点", 1),
            M(4, 30, "有的,黑加仑的也有", 3),
            M(5, 33, "葡萄干我也要两斤", 3));

        Assert.Equal(2, needs.Count);
        Assert.Contains(needs, n => n.Interested.SequenceEqual([30L, 31]));
        Assert.Contains(needs, n => n.Interested.SequenceEqual([32L, 33]));
    }

    [Fact]
    public void A_call_answering_a_call_for_the_same_thing_joins_it()
    {
        var needs = Run(
            M(1, 40, "Our fence panels are rotting. Does anyone know someone for fence staining? Happy to share the visit"),
            M(2, 41, "@Priya our fence is the same, keen to split a fence staining visit", 1));

        Assert.Equal([40L, 41], Assert.Single(needs).Interested);
    }

    [Fact]
    public void The_organisers_own_call_in_their_thread_stays_in_their_topic()
    {
        var need = Assert.Single(Run(
            M(1, 50, "窗帘好久没洗了,有没有靠谱的上门拆洗窗帘的?"),
            M(2, 51, "我找过一个阿姨,一米15块", 1),
            M(3, 50, "谢谢,如果楼里一起约能便宜点吗", 2),
            M(4, 52, "我家也要洗!", 1),
            M(5, 53, "@u50 带我一个,客厅那幅太重了", 3)));

        Assert.Equal([50L, 52, 53], need.Interested);
    }

    [Fact]
    public void Proposing_to_do_it_together_under_a_complaint_raises_the_want()
    {
        var need = Assert.Single(Run(
            M(1, 60, "我家卫生间的地漏又返味了,这师傅管不管修啊"),
            M(2, 61, "我家卫生间也是,要不一起找个修地漏的,一家一家叫太贵了", 1)));

        Assert.Equal([60L, 61], need.Interested);
    }

    [Fact]
    public void Asking_to_be_counted_under_an_offer_joins_it()
    {
        var need = Assert.Single(Run(
            M(1, 70, "牙科诊所搞活动,洗牙3人团每人便宜100,我想带我妈去,谁家要洗的"),
            M(2, 71, "我和老公都该洗了,两个人能算吗", 1),
            M(3, 72, "帮我也报一个", 1)));

        Assert.Equal([70L, 71, 72], need.Interested);
    }

    [Fact]
    public void An_offer_whose_writer_takes_a_share_is_still_an_offer()
    {
        var need = Assert.Single(Run(
            M(1, 80, "The orchard by the school sells 5kg crates of apples at £8 if we order 10+. I'll have 2"),
            M(2, 81, "1 crate please", 1),
            M(3, 82, "2 crates thanks", 1)));

        Assert.Equal([80L, 81, 82], need.Interested);
    }

    [Fact]
    public void A_laugh_beside_the_thing_asked_for_is_sincere_a_laugh_about_another_thing_is_not()
    {
        var need = Assert.Single(Run(
            M(1, 95, "Our deck has gone slimy. Does anyone know someone for deck pressure washing? Happy to share the visit"),
            M(2, 96, "ours is an ice rink too lol, keen to split the deck pressure washing", 1)));
        Assert.Equal([95L, 96], need.Interested);

        Assert.Empty(Run(
            M(1, 97, "Anyone want to go in on a bulk box of bin bags?"),
            M(2, 98, "lol I'd buy a new neighbour instead", 1)));
    }

    [Fact]
    public void Joining_with_a_thing_no_group_can_buy_is_a_joke()
    {
        Assert.Empty(Run(
            M(1, 90, "有人下个月去香港吗,想托人带个药膏"),
            M(2, 91, "帮我团一个男朋友,要求不高")));
    }
}
