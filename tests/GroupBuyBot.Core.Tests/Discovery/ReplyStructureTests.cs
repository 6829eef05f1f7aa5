using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Rule families over the reply structure, added after dev-4: a message that asked nobody along still raised a want
/// when another member commits to the same thing under it; agreement answers a call; a count under a topic is an
/// order; laughing along is not joining. Conversations written for these tests.
/// </summary>
public sealed class ReplyStructureTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 19, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null) =>
        new(id, from, $"u{from}", Start.AddMinutes(id), text, replyTo);

    private static IReadOnlyList<ExtractedNeed> Run(params ChatMessage[] messages) => EmbeddedNeedExtractor.Extract(messages);

    [Fact]
    public void A_complaint_that_others_commit_to_raised_the_need()
    {
        var need = Assert.Single(Run(
            M(1, 10, "热水器又不出热水了,洗澡洗到一半变冷水,烦死"),
            M(2, 11, "我家那台也该换了,用了八年了", 1),
            M(3, 12, "我家上个月刚换过,不凑了", 1),
            M(4, 13, "算上我家,一台燃气的", 1)));

        Assert.Equal([10L, 11, 13], need.Interested);
    }

    [Fact]
    public void Agreeing_with_a_complaint_or_an_errand_is_not_a_need()
    {
        Assert.Empty(Run(
            M(1, 20, "楼下的垃圾桶又满了,臭死了"),
            M(2, 21, "我家也是,味道都飘到三楼了", 1),
            M(3, 22, "明天我去找物业说一下", 2),
            M(4, 23, "+1 我也去", 3)));
    }

    [Fact]
    public void A_question_for_a_provider_is_a_want_of_its_own()
    {
        var needs = Run(
            M(1, 30, "Anyone keen on a bulk order of firelighters? 10 packs gets free delivery"),
            M(2, 31, "Put me down for 2 packs", 1),
            M(3, 32, "Unrelated, but anybody knows a good chimney sweep? Ours smokes the whole lounge out"),
            M(4, 33, "Omg same, our chimney badly needs it too", 3),
            M(5, 34, "Ours too, I'd book if they do a few houses on one day", 3));

        Assert.Equal(2, needs.Count);
        Assert.Contains(needs, n => n.Interested.ToHashSet().SetEquals([30L, 31]));
        Assert.Contains(needs, n => n.Interested.ToHashSet().SetEquals([32L, 33, 34]));
    }

    [Fact]
    public void An_answer_climbs_to_the_question_it_answers()
    {
        var need = Assert.Single(Run(
            M(1, 40, "顺便问问,有没有人知道哪里有卖新疆哈密瓜的?"),
            M(2, 41, "有,我同学在老家种,一箱两个,85包邮", 1),
            M(3, 42, "哈密瓜我要一箱!", 2),
            M(4, 43, "我也来一箱", 2)));

        Assert.Equal([40L, 42, 43], need.Interested);
    }

    [Fact]
    public void Sign_ups_before_anyone_committed_are_kept()
    {
        var need = Assert.Single(Run(
            M(1, 50, "Hi all, the club can order rain jackets with our crest, $45 each, min 10. Let me know sizes"),
            M(2, 51, "Mia wants one so badly, kids 8 please", 1),
            M(3, 52, "Put us down for 2, kids 10 and adult S", 1)));

        Assert.Equal([50L, 51, 52], need.Interested);
    }

    [Fact]
    public void Me_too_answering_a_call_joins_it()
    {
        var need = Assert.Single(Run(
            M(1, 60, "月底退租要做地毯深度清洁才退押金,有人一起找吗"),
            M(2, 61, "我也是!中介说污渍不洗干净要扣钱", 1)));

        Assert.Equal([60L, 61], need.Interested);
    }

    [Fact]
    public void A_count_under_a_topic_is_an_order()
    {
        var need = Assert.Single(Run(
            M(1, 70, "中秋想订手工月饼,有人一起吗?满20个包邮"),
            M(2, 71, "有五仁的吗?", 1),
            M(3, 70, "有,五仁豆沙蛋黄都有", 2),
            M(4, 71, "那我 4 个五仁,2 个豆沙", 3),
            M(5, 72, "我认识一个做月饼的师傅,要不要问问", 1)));

        Assert.Equal([70L, 71], need.Interested);
    }

    [Fact]
    public void A_call_only_laughed_along_with_is_no_need()
    {
        Assert.Empty(Run(
            M(1, 80, "Anyone want to go halves on noise-cancelling headphones? The renovation upstairs starts at 7am"),
            M(2, 81, "haha I'd buy a tent in the park at this point", 1),
            M(3, 82, "They said it's only two more weeks", 1)));
    }

    [Fact]
    public void Asking_whether_a_parcel_came_is_not_a_call_for_company()
    {
        Assert.Empty(Run(
            M(1, 90, "有没有人上周的团购水果还没到的?我的显示派送中两天了"),
            M(2, 91, "我的也是,快递太慢了", 1)));
    }

    [Theory]
    [InlineData("我们家阳台那扇窗也该换了", NeedAct.Join)]
    [InlineData("Mine also rattles every night, would join", NeedAct.Join)]
    [InlineData("我家也是", NeedAct.Other)]
    [InlineData("帮我婆婆订两盒", NeedAct.Join)]
    [InlineData("我嚟补位!", NeedAct.Join)]
    [InlineData("俾我一打,唔该", NeedAct.Join)]
    [InlineData("please keep 2 dozen for us", NeedAct.Join)]
    [InlineData("Good, mine was serviced in May, no need for me", NeedAct.Decline)]
    [InlineData("we did ours last month so I'll skip, but sounds like a great price", NeedAct.Decline)]
    [InlineData("有人知道哪里能请人上门修纱窗吗", NeedAct.Want)]
    [InlineData("周五晚上有人打乒乓球吗", NeedAct.Solicit)]
    [InlineData("有人知道明天几点停电吗", NeedAct.Question)]
    public void Classifies_the_new_families(string text, NeedAct expected)
    {
        Assert.Equal(expected, NeedCues.Classify(text));
    }
}
