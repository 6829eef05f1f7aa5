using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// A call for company with nothing to buy is no need: no price, no count of a thing, no buying or booking word, no
/// paid service anywhere in the topic's thread. The same call with something to pay for is one. Written for these
/// tests, in none of the sets.
/// </summary>
public sealed class CompanyIsNotANeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 3, 18, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null) =>
        new(id, from, $"u{from}", Start.AddMinutes(id), text, replyTo);

    [Fact]
    public void Going_somewhere_together_is_company()
    {
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "周日有人去爬白云山吗?早上八点南门集合"),
            M(2, 11, "算我一个", 1),
            M(3, 12, "+1 我也去", 1),
            M(4, 13, "几点回来?我下午要上课", 1),
        ]));
        Assert.Empty(EmbeddedNeedExtractor.Extract(
        [
            M(1, 20, "Board games at mine on Friday, anyone up for it?"),
            M(2, 21, "count me in", 1),
            M(3, 22, "I'm in too", 1),
        ]));
    }

    [Fact]
    public void The_same_outing_with_something_to_pay_for_is_a_need()
    {
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 10, "周日有人去爬白云山吗?早上八点南门集合"),
            M(2, 11, "算我一个", 1),
            M(3, 12, "要不要一起包车?人多每人才30", 1),
            M(4, 13, "包车算我", 3),
        ]));
        Assert.Contains(13L, need.Interested);

        Assert.Single(EmbeddedNeedExtractor.Extract(
        [
            M(1, 20, "Board games cafe on Friday, anyone up for it? £6 entry each"),
            M(2, 21, "count me in", 1),
            M(3, 22, "I'm in too", 1),
        ]));
    }

    [Theory]
    [InlineData("周六下午去公园野餐", false)]
    [InlineData("我下午要上课", false)]
    [InlineData("30个一盒45元", true)]
    [InlineData("想找个师傅上门", true)]
    [InlineData("Quiz night Wednesday, we need a team", false)]
    [InlineData("she does small group lessons", true)]
    public void What_speaks_of_buying(string text, bool buying) => Assert.Equal(buying, NeedCues.SpeaksOfBuying(text.ToLowerInvariant()));
}
