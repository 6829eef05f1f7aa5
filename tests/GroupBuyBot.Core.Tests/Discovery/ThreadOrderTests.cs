using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Rule families over the reply structure added with dev-5: inside an offer's thread a member takes their part without
/// any ordering word (a size, a list entry, a short count, money put in, asking to be let in); an order said just after
/// the offer's thread, or copying another member's order, joins it; a yes after an exclamation is a yes; an offer that
/// states a group's terms raises the need though it asks nobody. And what stays out: prices, terms, what one has or
/// lends, phone numbers. Conversations written for these tests, in none of the sets.
/// </summary>
public sealed class ThreadOrderTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 19, 0, 0, TimeSpan.FromHours(1));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, string? name = null) =>
        new(id, from, name ?? $"u{from}", Start.AddMinutes(id), text, replyTo);

    private static IReadOnlyList<ExtractedNeed> Run(params ChatMessage[] messages) => EmbeddedNeedExtractor.Extract(messages);

    [Fact]
    public void Sizes_and_list_entries_under_an_offer_are_orders_and_a_size_under_chit_chat_is_not()
    {
        var need = Assert.Single(Run(
            M(1, 10, "Club polo shirts from the print shop, anyone want one? Let me know sizes"),
            M(2, 11, "in, XL", 1),
            M(3, 12, "S for my daughter", 1),
            M(4, 13, "Dan 2", 1),
            M(5, 14, "is the gym open late tonight?"),
            M(6, 15, "L, always", 5)));

        Assert.Equal([10L, 11, 12, 13], need.Interested);
    }

    [Fact]
    public void Entries_of_a_jielong_call_join_but_a_phone_number_or_a_price_from_someone_else_does_not()
    {
        var need = Assert.Single(Run(
            M(1, 20, "手工水饺有人要吗?三十个一袋,要的接龙"),
            M(2, 21, "阿梅 2袋", 1),
            M(3, 22, "me 1", 1),
            M(4, 23, "老板叫阿伟 9123 4567", 1),
            M(5, 24, "满10袋每袋便宜5块", 1)));

        Assert.Equal([20L, 21, 22], need.Interested);
    }

    [Fact]
    public void Asking_to_be_let_in_and_putting_money_in_are_joins_but_lending_ones_own_is_not()
    {
        var need = Assert.Single(Run(
            M(1, 30, "Anyone keen to split a box of printer paper for the office? 10 reams"),
            M(2, 31, "could we get two reams for the front desk?", 1),
            M(3, 32, "I'll throw in a tenner", 1),
            M(4, 33, "I have a spare pack, can lend it", 1)));

        Assert.Equal([30L, 31, 32], need.Interested);
    }

    [Fact]
    public void An_order_just_after_the_price_was_answered_joins_the_offer_and_copying_a_member_joins_theirs()
    {
        var need = Assert.Single(Run(
            M(1, 40, "朋友家的五常大米新米到了,有一起拼的吗?"),
            M(2, 41, "多少钱一袋?", 1),
            M(3, 40, "十斤一袋,六十", 2),
            M(4, 41, "那我订三袋", name: "小周"),
            M(5, 42, "same as 小周", name: "Priya"),
            M(6, 43, "跟Priya一样")));

        Assert.Equal([40L, 41, 42, 43], need.Interested.Order());
    }

    [Fact]
    public void A_yes_after_an_exclamation_under_a_question_counts_once_someone_commits()
    {
        var need = Assert.Single(Run(
            M(1, 50, "Is the mobile bike mechanic coming round again? He does tune-ups at your door"),
            M(2, 51, "wow yes, mine's been clicking for weeks", 1),
            M(3, 52, "put us down for two bikes", 1)));

        Assert.Equal([50L, 51, 52], need.Interested.Order());
    }

    [Fact]
    public void An_offer_stating_a_groups_terms_raises_the_need_though_it_asks_nobody()
    {
        var need = Assert.Single(Run(
            M(1, 60, "楼下面包店的月饼礼盒,满5盒每盒减20"),
            M(2, 61, "我要两盒", 1),
            M(3, 62, "算我一个", 1)));

        Assert.Equal([60L, 61, 62], need.Interested);

        // The same terms as an answer inside a thread raise nothing.
        Assert.Empty(Run(M(1, 60, "月饼好吃吗"), M(2, 61, "满5盒每盒减20", 1), M(3, 62, "哦", 2)));
    }
}
