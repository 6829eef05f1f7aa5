using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Rule families: an English number word typed as its homophone where a count stands ("too bags", "for tree pls"), a verb of
/// more or less with its result as a change of total ("降到两份"), any slip verb with 错 as a correction ("填错了"); and four
/// that order or withdraw nothing, which the learned intent does not overrule: a withdrawal hanging on an answer ("if not,
/// I'll pass"), an order said in irony ("like I'd pay that"), part of a single unit ("半份可以吗"), a remark on how much an amount
/// is ("4 packs is a lot"). Each reply is read by the rules alone and by the product path, which must agree. Sentences written for these tests.
/// </summary>
public sealed class HomophonesChangesAndUndecidedRepliesTests
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
    [InlineData("we need too bags", 2)]
    [InlineData("too packs for me pls", 2)]
    [InlineData("sign me up, tree bottles", 3)]
    [InlineData("I'll take fore trays", 4)]
    [InlineData("put me down for tree pls", 3)]
    [InlineData("I want tree", 3)]
    public void A_number_words_homophone_in_a_counts_place_is_the_count(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("me too", 1)]
    [InlineData("I want the tree one", 1)] // a thing called a tree, no count
    [InlineData("count me in too, 3 boxes", 3)] // "too" before a comma is "also"
    public void Too_and_tree_elsewhere_stay_words(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("我那三份降到两份吧", 2)]
    [InlineData("把我的4盒调成3盒", 3)]
    [InlineData("两袋加成五袋", 5)]
    [InlineData("麻烦帮我减成一份", 1)]
    public void A_verb_of_more_or_less_with_its_result_changes_the_total(string text, int total) => AssertReads(text, SignUpIntent.Set, total);

    [Theory]
    [InlineData("我也要两份", SignUpIntent.Join, 2)] // no change verb: a first sign-up
    [InlineData("再加一份", SignUpIntent.Join, 1)] // an addition, not a total
    public void A_count_without_a_result_verb_is_no_change(string text, SignUpIntent intent, int quantity) => AssertReads(text, intent, quantity);

    [Theory]
    [InlineData("刚刚填错了，我要的是3份", 3)]
    [InlineData("不好意思输错了,是两盒不是二十盒", 2)]
    [InlineData("记错了 应该是4袋", 4)]
    public void Any_slip_verb_with_cuo_corrects_the_total(string text, int total) => AssertReads(text, SignUpIntent.Set, total);

    [Fact]
    public void Not_wrong_is_no_correction() => AssertReads("没错，我要3份", SignUpIntent.Join, 3);

    [Theory]
    [InlineData("Does it come in blue? if not I'll skip")]
    [InlineData("Any chance of delivery? otherwise count me out")]
    [InlineData("if it's over $30 I'll pass")]
    [InlineData("有小号吗？没有的话就算了")]
    [InlineData("能送到楼下吗，不行的话我就不参加了")]
    public void A_withdrawal_hanging_on_an_answer_withdraws_nothing(string text) => Assert.Equal(SignUpIntent.None, SignUpReplyParser.Parse(text).Intent);

    [Theory]
    [InlineData("sorry I'll pass this time")]
    [InlineData("算了，我不参加了")]
    public void A_plain_withdrawal_still_leaves(string text) => AssertReads(text, SignUpIntent.Leave, null);

    [Theory]
    [InlineData("like I'd ever pay that for socks")]
    [InlineData("lol as if we'd need 10 of those")]
    [InlineData("yeah right, like I'd buy a $200 kettle")]
    public void An_order_said_in_irony_orders_nothing(string text) => Assert.Equal(SignUpIntent.None, SignUpReplyParser.Parse(text).Intent);

    [Theory]
    [InlineData("I'd like 2 please", 2)]
    [InlineData("looks like I'd want 2", 2)] // "like" inside a clause is no irony
    public void Like_in_a_plain_order_is_no_irony(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("我只要半份可以吗")]
    [InlineData("能不能只拿一半")]
    [InlineData("can I get half a box?")]
    [InlineData("just half for me if someone splits")]
    public void Part_of_a_single_unit_books_nothing(string text) => Assert.Equal(SignUpIntent.None, SignUpReplyParser.Parse(text).Intent);

    [Theory]
    [InlineData("我要半打", 6)]
    [InlineData("half a dozen please", 6)]
    [InlineData("I'll take a dozen, half of them for my mum", 12)]
    [InlineData("半价的话我要2份", 2)]
    public void Half_a_dozen_or_half_of_a_count_still_counts(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("lol 4 packs is a lot")]
    [InlineData("ten bottles sounds crazy")]
    [InlineData("三箱也太多了吧")]
    public void A_remark_on_an_amount_orders_nothing(string text) => Assert.Equal(SignUpIntent.None, SignUpReplyParser.Parse(text).Intent);

    [Theory]
    [InlineData("4 packs is fine, count me in", SignUpIntent.Join, 4)]
    [InlineData("两箱太多了，改成一箱", SignUpIntent.Set, 1)]
    public void An_order_beside_a_remark_on_an_amount_still_counts(string text, SignUpIntent intent, int quantity) => AssertReads(text, intent, quantity);
}
