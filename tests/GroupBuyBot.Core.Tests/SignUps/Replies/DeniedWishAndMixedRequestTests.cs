using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Families read from dev-7's misses, tested on sentences of their own: a wish the reply itself turns down (a "but" with
/// a reason it cannot, an unreal condition), asking to grab a count, and an English modal before a Chinese change verb.
/// </summary>
public class DeniedWishAndMixedRequestTests
{
    [Theory]
    [InlineData("好想要啊可惜预算不允许")]
    [InlineData("我也想买,不过最近囊中羞涩😅")]
    [InlineData("would love some but I'm broke till Friday")]
    [InlineData("I'd sign up if it was half the price lol")]
    [InlineData("要是白送的话我就要")]
    public void Is_no_sign_up(string text) =>
        Assert.Equal(SignUpIntent.None, SignUpReply(text).Intent);

    [Theory]
    [InlineData("我也想要,但是这周不在家,帮我留一份", SignUpIntent.Join)]
    [InlineData("Could we grab three? the kids love them", SignUpIntent.Join)]
    public void A_but_that_is_no_denial_keeps_the_sign_up(string text, SignUpIntent intent) =>
        Assert.Equal(intent, SignUpReply(text).Intent);

    [Theory]
    [InlineData("could I grab 2 more please?", SignUpIntent.Join, 2)]
    [InlineData("Can 改成三份吗", SignUpIntent.Set, 3)]
    [InlineData("could 改为1份吗", SignUpIntent.Set, 1)]
    public void Is(string text, SignUpIntent intent, int quantity)
    {
        var reply = SignUpReply(text);

        Assert.Equal(intent, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    private static SignUpReply SignUpReply(string text) => SignUpReplyParser.Parse(text);
}
