using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.GroupBuys;

public class RecurringBuyTests
{
    private static readonly DateTimeOffset Now = Clock.Start;

    private static GroupBuy Formed()
    {
        var buy = GroupBuy.CreateDraft(-1, null, 1, new Member(99, "Organizer"), Now);
        buy.SetTitle("Rice");
        buy.SetOptions([("5 kg", 40m, null), ("10 kg", 75m, 20)], "CNY");
        buy.SetMinUnits(1);
        buy.SetDeadline(Now.AddDays(1));
        buy.SetPickupPoints(["Gate"]);
        buy.Open(Now);
        buy.Join(new Member(1, "Bob"), 1, null, Now, option: 2);
        buy.Join(new Member(2, "Carol"), 1, null, Now, option: 1);
        buy.Close(Now);
        return buy;
    }

    [Fact]
    public void A_monthly_buy_comes_round_once_a_few_days_before_a_month_and_a_buy_without_rhythm_never()
    {
        var buy = Formed();
        Assert.Null(buy.NextRoundAt);
        buy.SetRhythm(BuyRhythm.Monthly);

        Assert.Equal(Now.AddMonths(1).AddDays(-3), buy.NextRoundAt);
        Assert.False(buy.SuggestNextRound(Now.AddDays(26)));
        Assert.True(buy.SuggestNextRound(Now.AddDays(28)));
        Assert.False(buy.SuggestNextRound(Now.AddDays(29))); // once per round
    }

    [Fact]
    public void Again_copies_the_terms_but_not_the_members_and_remembers_who_asked_to_be_told()
    {
        var past = Formed();
        Assert.True(past.AskToBeToldNextTime(1));
        Assert.False(past.AskToBeToldNextTime(7)); // not in the buy

        var again = past.Again(2, new Member(99, "Organizer"), null, Now.AddDays(30));

        Assert.Equal(GroupBuyStatus.Draft, again.Status);
        Assert.Equal([GroupBuyField.Deadline], again.MissingFields);
        Assert.Equal(["5 kg 40 ", "10 kg 75 20"], again.Options.Select(o => $"{o.Name} {o.Price} {o.Capacity}"));
        Assert.Equal(["Gate"], again.PickupPoints);
        Assert.Empty(again.SignUps);
        Assert.Empty(again.Payments);
        Assert.Equal([1L], again.TellWhenOpen);
    }
}
