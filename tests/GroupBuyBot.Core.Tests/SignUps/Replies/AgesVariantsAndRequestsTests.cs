using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// Rule families added with dev-9 and dev-10: ages are not counts, variants named before their counts add up, several heads
/// in one reply (Cantonese 同, "both", "+1+1"), another member's share said in English, changes asked with a tag or as a
/// question, service and class units and a name before a count, and a copied 接龙 list whose last line is the replier's.
/// Each reply is read by the rules alone and by the product path (rules and learned intent), which must agree. Sentences
/// written for these tests.
/// </summary>
public sealed class AgesVariantsAndRequestsTests
{
    private static void AssertReads(string text, SignUpIntent intent, int? quantity)
    {
        text = text.Replace("\\n", "\n", StringComparison.Ordinal);
        foreach (var reply in new[] { SignUpReplyParser.Parse(text, null), SignUpReplyParser.Parse(text) })
        {
            Assert.Equal(intent, reply.Intent);
            Assert.Equal(quantity, reply.Quantity);
        }
    }

    [Theory]
    [InlineData("Put my daughter down please, she is 6")]
    [InlineData("sign Lucas up too (he's 9)")]
    [InlineData("count my nephew in pls, 7 years old")]
    [InlineData("sign my boy up, aged 5")]
    [InlineData("add my girl please, 4 yo")]
    [InlineData("帮我女儿报一个,她6岁")]
    [InlineData("my niece (9) wants to join")]
    [InlineData("sign my boys up, they're 7")]
    public void An_age_is_not_a_count(string text) => AssertReads(text, SignUpIntent.Join, 1);

    [Theory]
    [InlineData("Blk 12, 3 boxes please", 3)]
    [InlineData("sign me up for 2 boxes, my son is 8", 2)]
    [InlineData("I'll take 4 pls, he's 10 and eats a lot", 4)]
    [InlineData("My son is 12, 2 portions please", 2)]
    [InlineData("2 tickets for the 7pm show", 2)]
    public void A_count_beside_an_age_or_address_is_still_the_count(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("芒果两箱,榴莲一箱", 3)]
    [InlineData("红的两个白的一个", 3)]
    [InlineData("原味一份 麻辣两份", 3)]
    [InlineData("蓝色两件 灰色一件", 3)]
    [InlineData("one small and two large please", 3)]
    [InlineData("2盒原味 1盒芝麻 1盒巧克力", 4)]
    [InlineData("2 boxes plain, 1 box sesame, 1 box choc", 4)]
    public void Variants_named_before_or_after_each_count_add_up(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("我要两盒,一盒红豆一盒绿豆", 2)]
    [InlineData("三份,一份原味两份麻辣", 3)]
    [InlineData("我要买两箱榴莲 一箱猫山王一箱黑刺", 2)]
    [InlineData("Three please, two small one large", 3)]
    [InlineData("我要两盒 一盒自己吃一盒送人", 2)]
    public void A_total_followed_by_its_breakdown_is_the_total(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("我同阿妈各要两盒", 4)]
    [InlineData("我同我家姐各一份", 2)]
    [InlineData("+1+1 (me and my sis)", 2)]
    [InlineData("+1 +1 +1", 3)]
    [InlineData("My wife and I both want two", 4)]
    [InlineData("Me and my brother both want one", 2)]
    [InlineData("sign up both kids pls", 2)]
    [InlineData("We'll join - both of them", 2)]
    [InlineData("my girls are 4 and 6, sign both up", 2)]
    [InlineData("我和我妹一人一盒", 2)]
    [InlineData("我同埋阿妹都要", 2)]
    [InlineData("我跟我妈都要", 2)]
    [InlineData("Sam and I both want one", 2)]
    [InlineData("both of us want 3", 6)]
    public void Several_heads_in_one_reply_multiply(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("我同事要一份", 1)]
    [InlineData("我同意,要一份", 1)]
    [InlineData("我们都要", 1)]
    [InlineData("+1 我要两盒", 2)]
    [InlineData("I'll take 2, my kids love them", 2)]
    [InlineData("we need 2 to make sandwiches", 2)]
    public void A_single_head_stays_one_share(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("I'll have two, and my sister next door wants 1 too", 3)]
    [InlineData("1 for me please, plus my colleague needs 2", 3)]
    [InlineData("我要一份,我室友也要一份", 2)]
    [InlineData("帮楼下刘姐也订一盒,加上我的一共两盒", 2)]
    [InlineData("Aunty Rose says she wants 3, I help her order", 3)]
    [InlineData("I need 2, my wife wants 1 as well", 3)]
    [InlineData("+1, my sister wants 2 as well", 3)]
    [InlineData("Count me in, and my neighbour wants 2", 3)]
    public void Another_members_share_is_counted(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("Could I up mine to 4?", 4)]
    [InlineData("Can I increase mine to 5?", 5)]
    [InlineData("我改三份得唔得呀?", 3)]
    [InlineData("改成两盒可以吗?", 2)]
    [InlineData("change mine to 3 can or not?", 3)]
    [InlineData("make it 2 ok?", 2)]
    [InlineData("2 boxes instead can?", 2)]
    [InlineData("Lower mine to just the one, thanks", 1)]
    [InlineData("我们最终要三份", 3)]
    [InlineData("final count for us is 4", 4)]
    [InlineData("only 2 for us after all, money's tight", 2)]
    public void A_change_asked_with_a_tag_or_as_a_question_is_a_change(string text, int total) => AssertReads(text, SignUpIntent.Set, total);

    [Theory]
    [InlineData("How many can I bump it to?")]
    [InlineData("Can I change the pickup time?")]
    [InlineData("we still need 3 more people to unlock the price")]
    [InlineData("we still need 5 more")]
    [InlineData("还差2个人就成团,大家拉拉朋友")]
    [InlineData("想要但是冰箱放不下,再看看吧")]
    [InlineData("I want some but I really shouldn't")]
    public void Questions_targets_and_turned_down_wishes_are_no_sign_up(string text) => AssertReads(text, SignUpIntent.None, null);

    [Theory]
    [InlineData("drop me")]
    [InlineData("退出+1")]
    [InlineData("we won't need the classes anymore, thanks")]
    public void Leaving_stays_leaving(string text) => AssertReads(text, SignUpIntent.Leave, null);

    [Theory]
    [InlineData("2 seats, thanks dear", 2)]
    [InlineData("1 session pls", 1)]
    [InlineData("I'll do 2 sessions", 2)]
    [InlineData("4 pax ya", 4)]
    [InlineData("3 slots for sunday", 3)]
    [InlineData("2 tix pls", 2)]
    [InlineData("3 boxes can?", 3)]
    [InlineData("one large please", 1)]
    [InlineData("可以加多两盒吗?", 2)]
    [InlineData("Auntie May 3 boxes lah", 3)]
    [InlineData("Mr Tan 1 box", 1)]
    public void Service_units_and_a_name_before_a_count_join(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);

    [Theory]
    [InlineData("接龙\\n1. 王姐 1盒\\n2. 阿芳 2盒", 2)]
    [InlineData("团购接龙\\n1. Amy 1份\\n2. 张阿姨 2份\\n3. 小林 4份", 4)]
    [InlineData("接龙\\n1. 李姐 2箱\\n2. 阿花", 1)]
    [InlineData("接龙\\n1. 王姐 2盒\\n2. 阿芳 1盒\\n小陈 3盒", 3)]
    [InlineData("1. 我要两份", 2)]
    [InlineData("1. 我要两份\\n2. 能送到5栋吗?", 2)]
    [InlineData("接龙 +1", 1)]
    public void A_copied_list_counts_its_last_line(string text, int quantity) => AssertReads(text, SignUpIntent.Join, quantity);
}
