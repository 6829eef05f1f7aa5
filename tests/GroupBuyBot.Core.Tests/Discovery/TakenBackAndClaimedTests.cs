using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Join and no families added with dev-8 (issue 12; sentences of their own): a no taken back ("算了还是…"), "我也 + the verb
/// of the need", trying it with a count, claiming what is left, "我们报", a yes on a condition or a date, "add us",
/// "I'll split with you"; "不拼了" and the other "no longer" verbs are a no, "remove B-12" withdraws, and a no that puts
/// its thing first ("奶茶我自己点了,就不拼了") names it.
/// </summary>
public sealed class TakenBackAndClaimedTests
{
    [Theory]
    [InlineData("算了还是帮我也订一份吧")]
    [InlineData("nah... on second thought, count us in")]
    [InlineData("我们也装,正好门铃坏了")]
    [InlineData("我家也囤 两箱")]
    [InlineData("那我也试一下 2盒")]
    [InlineData("最后那套给我吧")]
    [InlineData("dibs on it, the last one's mine")]
    [InlineData("好 我家报!")]
    [InlineData("晚上的话我去")]
    [InlineData("20号我们可以")]
    [InlineData("Saturday works for us")]
    [InlineData("alright, add us")]
    [InlineData("I'll share one with you if that's ok?")]
    public void Joins_the_lexicon_missed(string text) =>
        Assert.Equal(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("我也换了,上个月刚换")]
    [InlineData("晚上的话我去吗?")]
    [InlineData("20号我可以帮你问问")]
    [InlineData("please add us to the WhatsApp group")]
    public void Look_alikes_are_no_join(string text) =>
        Assert.NotEqual(NeedAct.Join, NeedCues.Classify(text));

    [Theory]
    [InlineData("那我等双十一吧 不换了")]
    [InlineData("想了想还是不拼了")]
    [InlineData("sorry, remove C-7 please")]
    public void No_longer_is_a_no(string text) =>
        Assert.Equal(NeedAct.Decline, NeedCues.Classify(text));

    [Theory]
    [InlineData("奶茶我自己点了,就不拼了", "奶茶")]
    [InlineData("猫粮我们家上周买了 先不团了", "猫粮")]
    public void A_no_that_puts_its_thing_first_names_it(string text, string thing) =>
        Assert.Equal(thing, NeedCues.DeclinedThing(ChatTextNormalizer.Normalize(text)));

    [Fact]
    public void A_no_taken_back_under_the_offer_joins_it()
    {
        var t0 = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.FromHours(8));
        ChatMessage M(long id, long from, string text, long? replyTo = null) => DiscoveryChat.Message(t0, id, from, text, replyTo, (int)id * 2);
        var needs = EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "想网上拼几箱椰子水,一箱68,满4箱包邮,有要的吗 我自己要一箱"),
            M(2, 11, "我要两箱", 1),
            M(3, 12, "太甜了吧,我喝白水就行"),
            M(4, 13, "周五还打球吗"),
            M(5, 12, "算了还是给我也带一箱吧,夏天喝", 1),
        ]);

        var need = Assert.Single(needs);
        Assert.Equal([10L, 11, 12], need.Interested.Order());
    }
}
