using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.Features;

public class QuoteTextAndDeliveryTests
{
    private static readonly DateTimeOffset Now = Clock.Start;

    [Theory]
    [InlineData("75", 75, "", null)]
    [InlineData("¥75 10:70,20:65 delivered Saturday", 75, "10:70,20:65", "delivered Saturday")]
    [InlineData("７５ 10:70, 20:65 周六送达", 75, "10:70,20:65", "周六送达")]
    [InlineData("12.5 fresh", 12.5, "", "fresh")]
    public void A_quote_reads_as_price_tiers_and_note(string text, decimal price, string tiers, string? note)
    {
        Assert.True(QuoteText.TryParse(text, out var parsed, out var parsedTiers, out var parsedNote));
        Assert.Equal(price, parsed);
        Assert.Equal(tiers, string.Join(',', parsedTiers.Select(t => $"{t.MinUnits}:{t.UnitPrice}")));
        Assert.Equal(note, parsedNote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cheap")]
    [InlineData("0")]
    [InlineData("75 10:80")] // a tier above the base price is not a discount
    [InlineData("75 10:x")]
    public void Anything_else_is_not_a_quote(string text) => Assert.False(QuoteText.TryParse(text, out _, out _, out _));

    [Fact]
    public void Only_a_formed_buy_becomes_delivered_and_auto_close_needs_the_choice_and_a_full_buy()
    {
        var buy = GroupBuy.CreateDraft(-100, null, 1, new Member(99, "Organizer"), Now);
        buy.SetTitle("Tea");
        buy.SetPrice(30m);
        buy.SetMinUnits(1);
        buy.SetDeadline(Now.AddDays(1));
        Assert.True(buy.TrySetCapacity(2));
        Assert.True(buy.Open(Now));
        Assert.False(buy.MarkDelivered(Now));

        buy.Join(new Member(1, "Bob"), 2, null, Now);
        Assert.False(buy.CloseIfFull(Now)); // full, but the organizer did not choose auto-close
        buy.SetAutoClose(true);
        Assert.True(buy.CloseIfFull(Now));
        Assert.Equal(GroupBuyStatus.Formed, buy.Status);
        Assert.False(buy.CloseIfFull(Now));

        Assert.True(buy.MarkDelivered(Now));
        Assert.Equal(GroupBuyStatus.Delivered, buy.Status);
        Assert.False(buy.MarkDelivered(Now));
        Assert.False(buy.AssignSupplier(7, 20m));
    }
}
