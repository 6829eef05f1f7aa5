using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Rule families added after dev-4: totals said relative to the earlier sign-up, changes phrased as requests,
/// orders split into variants, shares for someone else, and "半打". Sentences written for these tests.
/// </summary>
public sealed class RelativeAndVariantReplyTests
{
    [Theory]
    [InlineData("之前订了3盒,现在要5盒", 5)]
    [InlineData("I had 2 before, now 3 please", 3)]
    [InlineData("原来报了4份,少要两份", 2)]
    [InlineData("先前要了五袋 减一袋", 4)]
    [InlineData("可以改做三份吗", 3)]
    [InlineData("Could you revise mine to 4?", 4)]
    [InlineData("bring it down to 2 please, we're away next week", 2)]
    [InlineData("cut mine to one, thanks", 1)]
    [InlineData("Can switch to 2 only?", 2)]
    [InlineData("其实就要一份", 1)]
    [InlineData("actually only 2 for us", 2)]
    [InlineData("我那份改为半打", 6)]
    public void A_new_total_is_a_change(string text, int total)
    {
        var reply = SignUpReplyParser.Parse(text);

        Assert.Equal(SignUpIntent.Set, reply.Intent);
        Assert.Equal(total, reply.Quantity);
    }

    [Theory]
    [InlineData("我要一盒芒果味一盒草莓味", 2)]
    [InlineData("两份,一份微辣一份特辣", 2)]
    [InlineData("我家两箱,我婆婆家一箱,一共三箱", 3)]
    [InlineData("我来一袋,顺便帮隔壁王阿姨也带一袋", 2)]
    [InlineData("半打就好,周末吃", 6)]
    public void A_first_sign_up_adds_up_its_parts(string text, int quantity)
    {
        var reply = SignUpReplyParser.Parse(text);

        Assert.Equal(SignUpIntent.Join, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    [Theory]
    [InlineData("之前报的两份不变")]
    [InlineData("现在几点可以去拿?")]
    public void Naming_the_earlier_total_without_a_new_one_changes_nothing(string text)
    {
        Assert.NotEqual(SignUpIntent.Set, SignUpReplyParser.Parse(text).Intent);
    }
}
