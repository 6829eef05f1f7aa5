using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Families read from dev-6's misses, tested on sentences of their own: a reply that addresses the bot or a member,
/// more added for oneself, a yes that says how many, a share for someone else marked by 也, heads times a share
/// restated as the total, and a want put off to next time.
/// </summary>
public class AddressedAndAddedRepliesTests
{
    [Theory]
    [InlineData("@团购助手 我要三箱", 3)]
    [InlineData("@小区团购Bot 算我一份", 1)]
    [InlineData("@GroupBuyBot put me down for 2", 2)]
    [InlineData("@Amy_Lee count me in, 4 please", 4)]
    [InlineData("再给我加三袋", 3)]
    [InlineData("多加两盒", 2)]
    [InlineData("yes! 3 bags", 3)]
    [InlineData("yep, two boxes", 2)]
    [InlineData("我要一箱 帮我同事也订一箱", 2)]
    [InlineData("我来两份,给隔壁王姐也带一份", 3)]
    [InlineData("我和老公各两份 一共四份", 4)]
    public void Is_a_join_of(string text, int quantity)
    {
        var reply = SignUpReplyParser.Parse(text);

        Assert.Equal(SignUpIntent.Join, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    [Theory]
    [InlineData("我也挺想要的,不过这周出差,下次吧")]
    [InlineData("sounds lovely but we're away, next time!")]
    public void A_want_put_off_to_next_time_is_no_sign_up(string text) => Assert.Equal(SignUpIntent.None, SignUpReplyParser.Parse(text).Intent);

    [Fact]
    public void A_real_total_change_is_still_a_set() => Assert.Equal((SignUpIntent.Set, (int?)3), (SignUpReplyParser.Parse("我和老公各一份,不对,一共改成3份").Intent, SignUpReplyParser.Parse("我和老公各一份,不对,一共改成3份").Quantity));
}
