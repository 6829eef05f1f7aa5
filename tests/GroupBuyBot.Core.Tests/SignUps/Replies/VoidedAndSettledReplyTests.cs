using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Rule families added with dev-8: voiding the earlier total beside a new one, settling back on less, another's share
/// counted on one's own, counts marked "1x" per variant, the financial numerals, a door number before a count, an order
/// verb in the other language, and sitting a round out. Sentences written for these tests.
/// </summary>
public sealed class VoidedAndSettledReplyTests
{
    [Theory]
    [InlineData("要4盒,前面说的2盒作废", 4)]
    [InlineData("之前报的两箱不算了,这次要一箱", 1)]
    [InlineData("6 boxes please, ignore my earlier 3", 6)]
    [InlineData("还是只要两份吧,冰箱放不下", 2)]
    [InlineData("算了还是就订一盒", 1)]
    [InlineData("on second thought just 1 for me", 1)]
    [InlineData("only two after all, sorry", 2)]
    public void A_total_that_replaces_an_earlier_one_is_a_change(string text, int total)
    {
        var reply = SignUpReplyParser.Parse(text);

        Assert.Equal(SignUpIntent.Set, reply.Intent);
        Assert.Equal(total, reply.Quantity);
    }

    [Theory]
    [InlineData("我要3盒,隔壁李姐的2盒也算我这", 5)]
    [InlineData("我们家6个 对门王叔的1个也记我名下", 7)]
    [InlineData("2x plain 1x sesame", 3)]
    [InlineData("sure, 2x chicken 2x beef", 4)]
    [InlineData("802 贰份", 2)]
    [InlineData("我要叁盒", 3)]
    [InlineData("那我 take 三个", 3)]
    [InlineData("我们 order 两份", 2)]
    [InlineData("ok I 要两盒", 2)]
    public void A_first_sign_up_counts_every_share(string text, int quantity)
    {
        var reply = SignUpReplyParser.Parse(text);

        Assert.Equal(SignUpIntent.Join, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    [Theory]
    [InlineData("We'll sit this round out, thanks anyway")]
    [InlineData("gonna give this one a miss, sorry")]
    [InlineData("skipping this one, next time!")]
    [InlineData("这次我们就跳过了,谢谢团长")]
    public void Sitting_a_round_out_is_leaving(string text)
    {
        Assert.Equal(SignUpIntent.Leave, SignUpReplyParser.Parse(text).Intent);
    }

    [Theory]
    [InlineData("陆家嘴那边能送吗?")]
    [InlineData("之前那单作废了吗?")]
    public void Numerals_and_voiding_words_alone_are_no_sign_up(string text)
    {
        Assert.NotEqual(SignUpIntent.Join, SignUpReplyParser.Parse(text).Intent);
        Assert.NotEqual(SignUpIntent.Set, SignUpReplyParser.Parse(text).Intent);
    }
}
