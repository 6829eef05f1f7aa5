using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// A count followed by a word that starts like an ordinal ("2 thanks", "3 three-packs") is a count: an ordinal is glued
/// to its number ("5th", "21st"). Removal verbs of one's own order are a withdrawal. Sentences of these tests' own.
/// </summary>
public sealed class CountsBesideWordsTests
{
    [Theory]
    [InlineData("keen, 3 thanks", 3)]
    [InlineData("count us in, 2 thanks heaps", 2)]
    [InlineData("in for 4 then", 4)]
    public void A_count_before_thanks_is_the_quantity(string text, int quantity)
    {
        var reply = SignUpReplyParser.Parse(text);
        Assert.Equal(SignUpIntent.Join, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    [Theory]
    [InlineData("I'm on the 5th floor")]
    [InlineData("pickup on the 21st?")]
    public void An_ordinal_is_no_count(string text) =>
        Assert.DoesNotContain(QuantityExtractor.Find(ChatTextNormalizer.Normalize(text)), m => m.Value is 5 or 21);

    [Theory]
    [InlineData("scrap my order please, plans changed")]
    [InlineData("bin my order, we're away that week")]
    [InlineData("ditch mine, sorry")]
    public void Scrapping_ones_order_is_leaving(string text) => Assert.Equal(SignUpIntent.Leave, SignUpReplyParser.Parse(text).Intent);
}
