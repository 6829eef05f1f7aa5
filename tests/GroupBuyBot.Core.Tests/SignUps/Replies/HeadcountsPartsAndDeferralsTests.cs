using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Rule families added with dev-11: a headcount said as a number times each one's share, a size or weight that describes
/// the thing, a share for someone named apart by spaces, an earlier sign-up named before a new total, a raised hand
/// multiplied, tickets by kind of person, a bare name before a bare count, a size before a classifier; and replies that
/// take no part now: a receipt, another person brought into the group, a decision put off (which the learned intent does
/// not overrule). Each reply is read by the rules alone and by the product path, which must agree. Sentences written for
/// these tests.
/// </summary>
public sealed class HeadcountsPartsAndDeferralsTests
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
    [InlineData("我们一家四口 每人一盒", 4)]
    [InlineData("宿舍五个人,每人一杯奶茶", 5)]
    [InlineData("我们组3个人 一人两份", 6)]
    [InlineData("there are 4 of us, 2 boxes each", 8)]
    [InlineData("family of 5, one portion each please", 5)]
    [InlineData("我们三口人都要", 3)]
    [InlineData("我和老公各一份", 2)]
    [InlineData("我们仨一人一份", 3)]
    public void A_headcount_said_as_a_number_times_each_share(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("我要三斤的那种 一箱就好", 1)]
    [InlineData("5公斤的 要两袋", 2)]
    [InlineData("I'll take the 1.5l bottle", 1)]
    [InlineData("我要三斤", 3)]
    public void A_size_or_weight_that_describes_the_thing_is_not_the_count(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("一份给我,顺便帮 Kelly 订 2 份", 3)]
    [InlineData("Tom 1 盒, 再帮 Lisa 带 1 盒", 2)]
    public void A_share_for_someone_named_apart_by_spaces_adds_up(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("原来报了两份,再加两份,总共四份", 4)]
    [InlineData("I had 2 before, add 1 more, 3 in total", 3)]
    public void A_total_after_the_earlier_sign_up_it_adds_to_is_a_change(string text, int quantity) => AssertReads(text, SignUpIntent.Set, quantity);

    [Fact]
    public void Shares_followed_by_their_total_stay_a_first_sign_up() => AssertReads("我家两袋,我妈家一袋,一共三袋", SignUpIntent.Join, 3);

    [Theory]
    [InlineData("+1 x2", 2)]
    [InlineData("+1 ×3 please", 3)]
    [InlineData("+1 (x2)", 2)]
    [InlineData("+1 两份", 2)]
    public void A_raised_hand_multiplied_counts_the_multiplier(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("+1 x0")]
    [InlineData("+1 ×00")]
    [InlineData("Ling 0")]
    public void A_multiplier_or_count_of_nothing_is_never_a_quantity_of_nothing(string text)
    {
        var reply = SignUpReplyParser.Parse(text, null);

        Assert.True(reply.Quantity is null or > 0, $"{text} -> {reply.Quantity}");
    }

    [Theory]
    [InlineData("2 adults 1 child", 3)]
    [InlineData("2 adults and 2 kids please", 4)]
    [InlineData("三大一小", 4)]
    [InlineData("两大两小,周六场", 4)]
    [InlineData("两个大人一个小孩", 3)]
    [InlineData("sign us up, 2 adults 1 child", 3)]
    public void Tickets_by_kind_of_person_add_up(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("Ling 2", 2)]
    [InlineData("marcus - 3 pls", 3)]
    [InlineData("阿杰 2", 2)]
    public void A_bare_name_before_a_bare_count_joins(string text, int quantity)
    {
        var reply = SignUpReplyParser.Parse(text, null);

        Assert.Equal(SignUpIntent.Join, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    [Theory]
    [InlineData("option 3")]
    [InlineData("size 4")]
    public void A_word_that_numbers_a_thing_is_no_name(string text) => Assert.NotEqual(SignUpIntent.Join, SignUpReplyParser.Parse(text, null).Intent);

    [Theory]
    [InlineData("我要两大箱", 2)]
    [InlineData("来三小盒", 3)]
    [InlineData("一大一小两个盒子", 2)]
    public void A_size_before_a_classifier_keeps_the_count(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("Got my order, thanks so much")]
    [InlineData("received ours today, lovely")]
    [InlineData("已经拿到了,谢谢团长")]
    [InlineData("收到了三盒,很新鲜")]
    [InlineData("我同事也想要,能拉她进群吗?")]
    [InlineData("my friend wants some too, can I add her to the group?")]
    public void A_receipt_or_someone_brought_into_the_group_is_no_sign_up(string text) => AssertReads(text, SignUpIntent.None, null);

    [Theory]
    [InlineData("收到,我要一盒", 1)]
    [InlineData("got mine, I'll take 2 more next round", 2)]
    [InlineData("我要一份,我朋友也想要,可以拉他进群吗", 1)]
    public void Ones_own_sign_up_beside_them_still_joins(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("问问我老公再说吧")]
    [InlineData("let me check with my wife first")]
    [InlineData("等我跟家里商量一下")]
    public void A_decision_put_off_is_no_sign_up(string text) => AssertReads(text, SignUpIntent.None, null);

    [Fact]
    public void The_learned_intent_does_not_overrule_a_decision_put_off()
    {
        var corpus = Enumerable.Range(1, 12).Select(i => new LabelledReply($"我要 {i} 问问 再说", SignUpIntent.Join))
            .Concat(Enumerable.Range(1, 12).Select(i => new LabelledReply($"what time {i}", SignUpIntent.None)));
        var model = ReplyIntentModel.Train(corpus);
        Assert.Equal(SignUpIntent.Join, model.Predict("我要问问再说").Intent);

        var reply = SignUpReplyParser.Parse("我要问问再说", model);

        Assert.Equal(SignUpIntent.None, reply.Intent);
        Assert.True(reply.IsAmbiguous);
    }
}
