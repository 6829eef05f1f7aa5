using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.GroupBuys;

public class GroupBuyTests
{
    private static readonly DateTimeOffset Now = Clock.Start;
    private static readonly Member Alice = new(1, "Alice");
    private static readonly Member Bob = new(2, "Bob");
    private static readonly Member Carol = new(3, "Carol");
    private static readonly Member Dave = new(4, "Dave");

    private static GroupBuy OpenBuy(int min = 5, int? capacity = null, params PriceTier[] tiers)
    {
        var buy = GroupBuy.CreateDraft(-100, null, 1, new Member(99, "Organizer"), Now);
        buy.SetTitle("Oranges");
        buy.SetPrice(80m, "CNY");
        buy.SetMinUnits(min);
        buy.SetDeadline(Now.AddDays(2));
        Assert.True(buy.TrySetCapacity(capacity));
        buy.SetTiers(tiers);
        Assert.True(buy.Open(Now));
        return buy;
    }

    [Fact]
    public void A_draft_with_missing_fields_cannot_open_and_lists_them_in_order()
    {
        var buy = GroupBuy.CreateDraft(-100, null, 1, Alice, Now);
        buy.SetTitle("Pottery");

        Assert.Equal([GroupBuyField.Price, GroupBuyField.MinUnits, GroupBuyField.Deadline], buy.MissingFields);
        Assert.False(buy.Open(Now));
        Assert.Equal(GroupBuyStatus.Draft, buy.Status);
    }

    [Fact]
    public void Joining_again_adds_to_the_same_sign_up_instead_of_a_second_one()
    {
        var buy = OpenBuy();
        buy.Join(Alice, 2, "large", Now);
        var again = buy.Join(Alice, 1, null, Now);

        Assert.Equal(SignUpResult.Updated, again.Result);
        var signUp = Assert.Single(buy.SignUps);
        Assert.Equal(3, signUp.Quantity);
        Assert.Equal("large", signUp.Note);
    }

    [Fact]
    public void Set_replaces_the_quantity_and_zero_means_leave()
    {
        var buy = OpenBuy();
        buy.Join(Alice, 2, null, Now);

        Assert.Equal(SignUpResult.Updated, buy.SetQuantity(Alice, 5, null, Now).Result);
        Assert.Equal(5, buy.ActiveUnits);
        Assert.Equal(SignUpResult.Left, buy.SetQuantity(Alice, 0, null, Now).Result);
        Assert.Equal(0, buy.ActiveUnits);
        Assert.Single(buy.SignUps);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Invalid_quantities_change_nothing(int quantity)
    {
        var buy = OpenBuy();
        var version = buy.Version;

        Assert.Equal(SignUpResult.InvalidQuantity, buy.Join(Alice, quantity, null, Now).Result);
        Assert.Empty(buy.SignUps);
        Assert.Equal(version, buy.Version);
    }

    [Fact]
    public void Capacity_is_never_exceeded_and_the_overflow_waits_in_order()
    {
        var buy = OpenBuy(min: 2, capacity: 4);
        Assert.Equal(SignUpResult.Joined, buy.Join(Alice, 3, null, Now).Result);
        Assert.Equal(SignUpResult.Waitlisted, buy.Join(Bob, 2, null, Now.AddMinutes(1)).Result);
        Assert.Equal(SignUpResult.Waitlisted, buy.Join(Carol, 1, null, Now.AddMinutes(2)).Result);

        Assert.Equal(3, buy.ActiveUnits);
        Assert.Equal([Bob.UserId, Carol.UserId], buy.Waitlist.Select(s => s.UserId));
    }

    [Fact]
    public void Leaving_promotes_the_waiting_members_in_the_order_they_queued()
    {
        var buy = OpenBuy(min: 2, capacity: 3);
        buy.Join(Alice, 3, null, Now);
        buy.Join(Bob, 2, null, Now.AddMinutes(1));
        buy.Join(Carol, 1, null, Now.AddMinutes(2));

        var left = buy.Leave(Alice.UserId, Now.AddMinutes(3));

        Assert.Equal(SignUpResult.Left, left.Result);
        Assert.Equal([Bob.UserId, Carol.UserId], left.Promoted.Select(s => s.UserId));
        Assert.Equal(3, buy.ActiveUnits);
        Assert.Empty(buy.Waitlist);
    }

    [Fact]
    public void The_head_of_the_queue_is_not_overtaken_by_a_smaller_sign_up()
    {
        var buy = OpenBuy(min: 1, capacity: 3);
        buy.Join(Alice, 2, null, Now);
        buy.Join(Bob, 1, null, Now);
        buy.Join(Carol, 3, null, Now.AddMinutes(1));
        buy.Join(Dave, 1, null, Now.AddMinutes(2));

        var left = buy.Leave(Bob.UserId, Now.AddMinutes(3));

        Assert.Empty(left.Promoted);
        Assert.Equal([Carol.UserId, Dave.UserId], buy.Waitlist.Select(s => s.UserId));
    }

    [Fact]
    public void An_active_member_asking_for_more_than_fits_is_refused_and_keeps_their_place()
    {
        var buy = OpenBuy(min: 1, capacity: 4);
        buy.Join(Alice, 2, null, Now);
        buy.Join(Bob, 1, null, Now);

        var change = buy.Join(Alice, 2, null, Now);

        Assert.Equal(SignUpResult.NotEnoughPlaces, change.Result);
        Assert.Equal(1, change.PlacesLeft);
        Assert.Equal(SignUpStatus.Active, buy.Find(Alice.UserId)!.Status);
        Assert.Equal(2, buy.Find(Alice.UserId)!.Quantity);
    }

    [Fact]
    public void Decrement_to_zero_leaves_and_promotes()
    {
        var buy = OpenBuy(min: 1, capacity: 1);
        buy.Join(Alice, 1, null, Now);
        buy.Join(Bob, 1, null, Now.AddMinutes(1));

        var change = buy.Decrement(Alice, Now.AddMinutes(2));

        Assert.Equal(SignUpResult.Left, change.Result);
        Assert.Equal(Bob.UserId, Assert.Single(change.Promoted).UserId);
    }

    [Fact]
    public void Nothing_changes_after_close_or_cancel()
    {
        var buy = OpenBuy(min: 1);
        buy.Join(Alice, 1, null, Now);
        Assert.True(buy.Close(Now));

        Assert.Equal(SignUpResult.NotOpen, buy.Join(Bob, 1, null, Now).Result);
        Assert.Equal(SignUpResult.NotOpen, buy.Leave(Alice.UserId, Now).Result);
        Assert.False(buy.Close(Now));
        Assert.False(buy.Cancel(Now));
        Assert.Equal(1, buy.ActiveUnits);
    }

    [Theory]
    [InlineData(4, GroupBuyStatus.Failed)]
    [InlineData(5, GroupBuyStatus.Formed)]
    public void Closing_forms_the_group_only_when_the_minimum_is_met(int units, GroupBuyStatus expected)
    {
        var buy = OpenBuy(min: 5);
        buy.Join(Alice, units, null, Now);

        Assert.True(buy.Close(Now));
        Assert.Equal(expected, buy.Status);
    }

    [Theory]
    [InlineData(-1, false, false)] // /close (or auto-close) a minute before the deadline
    [InlineData(0, false, true)]   // the deadline job, on time
    [InlineData(0, true, true)]    // …failed as well as formed
    [InlineData(120, false, true)] // the deadline passed while the bot was down
    public void A_buy_closed_at_or_after_its_deadline_counts_as_closed_at_its_deadline(int minutesAfterDeadline, bool shortOfMinimum, bool expected)
    {
        var buy = OpenBuy(min: shortOfMinimum ? 5 : 1);
        buy.Join(Alice, 1, null, Now);

        Assert.True(buy.Close(buy.Deadline!.Value.AddMinutes(minutesAfterDeadline)));
        Assert.Equal(shortOfMinimum ? GroupBuyStatus.Failed : GroupBuyStatus.Formed, buy.Status);
        Assert.Equal(expected, buy.ClosedAtDeadline);
    }

    [Fact]
    public void A_buy_cancelled_after_its_deadline_or_still_open_did_not_close_at_its_deadline()
    {
        var open = OpenBuy();
        Assert.False(open.ClosedAtDeadline);

        var cancelled = OpenBuy();
        Assert.True(cancelled.Cancel(cancelled.Deadline!.Value.AddHours(1)));
        Assert.False(cancelled.ClosedAtDeadline);
    }

    [Fact]
    public void The_price_follows_the_tier_the_active_units_reached()
    {
        var buy = OpenBuy(5, null, new PriceTier(10, 75m), new PriceTier(20, 70m));

        Assert.Equal(80m, buy.CurrentUnitPrice);
        buy.Join(Alice, 10, null, Now);
        Assert.Equal(75m, buy.CurrentUnitPrice);
        buy.Join(Bob, 10, null, Now);
        Assert.Equal(70m, buy.CurrentUnitPrice);
    }

    [Fact]
    public void Units_to_form_counts_down_to_zero()
    {
        var buy = OpenBuy(min: 5);
        Assert.Equal(5, buy.UnitsToForm);
        buy.Join(Alice, 3, null, Now);
        Assert.Equal(2, buy.UnitsToForm);
        buy.Join(Bob, 4, null, Now);
        Assert.Equal(0, buy.UnitsToForm);
    }

    [Fact]
    public void Capacity_cannot_be_lowered_below_the_active_units()
    {
        var buy = OpenBuy(min: 1, capacity: 10);
        buy.Join(Alice, 6, null, Now);

        Assert.False(buy.TrySetCapacity(5));
        Assert.Equal(10, buy.Capacity);
    }
}
