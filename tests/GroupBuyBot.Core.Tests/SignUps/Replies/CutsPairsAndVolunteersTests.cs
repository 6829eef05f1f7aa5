using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Rule families: a part taken off the earlier total the reply names (in either order, "reduce by N" too), a pair (一对)
/// counting two, a lone "me"/"我" volunteered after an exclamation, "put me for N" without "down", an order carried for
/// another person; and two that order nothing, which the learned intent does not turn into a sign-up: a mere possibility
/// of joining ("I might join"), a running tally of others' counts. Each reply is read by the rules alone and by the product path, which must agree. Sentences written for these
/// tests.
/// </summary>
public sealed class CutsPairsAndVolunteersTests
{
    private static void AssertReads(string text, SignUpIntent intent, int? quantity)
    {
        foreach (var reply in new[] { SignUpReplyParser.Parse(text, null), SignUpReplyParser.Parse(text) })
        {
            Assert.Equal(intent, reply.Intent);
            Assert.Equal(quantity, reply.Quantity);
        }
    }

    [Theory]
    [InlineData("麻烦减两盒,我原来报了5盒", 3)]
    [InlineData("我之前报了4份 去掉一份", 3)]
    [InlineData("先前订了3袋,取消一袋吧", 2)]
    [InlineData("I ordered 4, cancel one please", 3)]
    [InlineData("we booked 3 earlier but drop 1", 2)]
    [InlineData("I had 5, take two off", 3)]
    [InlineData("I asked for 3, one less pls", 2)]
    [InlineData("I had 4, reduce by 1", 3)]
    [InlineData("reduce mine by two, I had 6", 4)]
    public void A_part_taken_off_a_named_earlier_total_leaves_the_rest(string text, int left) => AssertReads(text, SignUpIntent.Set, left);

    [Theory]
    [InlineData("之前说的4份取消,要两份", 2)] // the earlier total voided, a new one said
    [InlineData("I had 2, change to 5", 5)] // a change that says its total is read by the change
    public void A_voided_or_restated_total_is_not_a_cut(string text, int total) => AssertReads(text, SignUpIntent.Set, total);

    [Fact]
    public void A_cut_with_no_earlier_total_named_says_no_new_total()
    {
        var reply = SignUpReplyParser.Parse("drop one please", null);
        Assert.NotEqual(SignUpIntent.Set, reply.Intent);
        Assert.True(reply.IsAmbiguous);
    }

    [Theory]
    [InlineData("至少要一份", 1)]
    public void At_least_is_no_cut(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("来一对,给双胞胎", 2)]
    [InlineData("我要两对", 4)]
    [InlineData("一对就好", 2)]
    public void A_pair_counts_two(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("想报一对一的课")]
    [InlineData("我家就在店对面")]
    public void Dui_in_another_word_is_no_pair(string text)
    {
        var reply = SignUpReplyParser.Parse(text, null);
        Assert.NotEqual(2, reply.Quantity);
    }

    [Theory]
    [InlineData("oh wow, me!")]
    [InlineData("yay me")]
    [InlineData("me! me!")]
    [InlineData("pick me 🙋")]
    [InlineData("我我我!")]
    [InlineData("嗯 我")]
    public void A_lone_me_volunteered_is_a_sign_up(string text) => AssertReads(text, SignUpIntent.Join, 1);

    [Theory]
    [InlineData("who, me?")]
    [InlineData("not me, thanks")]
    [InlineData("我?")]
    public void Me_asked_or_declined_is_no_sign_up(string text)
    {
        var reply = SignUpReplyParser.Parse(text, null);
        Assert.NotEqual(SignUpIntent.Join, reply.Intent);
    }

    [Theory]
    [InlineData("put me for 3 boxes", 3)]
    [InlineData("mark us for two please", 2)]
    [InlineData("pencil me in for 4", 4)]
    public void Put_down_for_a_count_without_down_is_a_sign_up(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("帮楼下王姐带两盒", 2)]
    [InlineData("替我婆婆订一份,她不在群里", 1)]
    [InlineData("给孩子们买三袋", 3)]
    public void An_order_carried_for_another_is_a_sign_up(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Fact]
    public void An_order_carried_for_another_in_the_past_is_no_sign_up()
    {
        var reply = SignUpReplyParser.Parse("上次帮她带了一份,她说很好吃", null);
        Assert.Equal(SignUpIntent.None, reply.Intent);
    }

    [Theory]
    [InlineData("I might join if the price drops")]
    [InlineData("we may get some, depends on the date")]
    [InlineData("也许会参加吧")]
    public void A_mere_possibility_of_joining_says_nothing_yet(string text) => AssertReads(text, SignUpIntent.None, null);

    [Theory]
    [InlineData("if it's under $15 I'm in", 1)]
    [InlineData("可能要两份", 2)]
    public void A_condition_or_a_possibility_with_a_count_still_signs_up(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("目前:阿兰3, 老郑1, 共4份")]
    [InlineData("so far: Wei 1, Gopal 2, Sue 1 = 4")]
    [InlineData("现在名单:豆豆妈2,小林1")]
    [InlineData("Tally: Ann 2, Ravi 2, total 4")]
    public void A_running_tally_of_others_counts_is_no_sign_up(string text)
    {
        AssertReads(text, SignUpIntent.None, null);
        Assert.False(SignUpReplyParser.Parse(text, null).IsAmbiguous);
    }

    [Theory]
    [InlineData("目前:阿兰3, 我1")] // one's own line in it
    [InlineData("阿兰3, 老郑1")] // no tally word: variants or shares, not a recount
    public void A_list_with_ones_own_line_or_without_a_tally_word_is_not_read_as_a_tally(string text)
    {
        Assert.True(SignUpReplyParser.Parse(text, null).IsAmbiguous);
    }
}
