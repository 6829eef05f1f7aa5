using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.Core.Tests.GroupBuys;

/// <summary>What members owe once a buy forms, and how it is settled: by hand, claimed and confirmed, refunded, reminded.</summary>
public class PaymentTests
{
    private static readonly DateTimeOffset Now = Clock.Start;
    private static readonly Member Alice = new(1, "Alice", "alice");
    private static readonly Member Bob = new(2, "Bob", "bob");
    private static readonly Member Carol = new(3, "Carol");

    private static GroupBuy Formed()
    {
        var buy = GroupBuy.CreateDraft(-1, null, 1, new Member(99, "Organizer"), Now);
        buy.SetTitle("Oranges");
        buy.SetPrice(60, "CNY");
        buy.SetMinUnits(2);
        buy.SetDeadline(Now.AddDays(1));
        buy.Open(Now);
        buy.Join(Alice, 2, null, Now);
        buy.Join(Bob, 1, null, Now);
        Assert.True(buy.Close(Now));
        return buy;
    }

    [Fact]
    public void A_buy_that_forms_owes_each_member_their_amount_and_one_that_fails_owes_nothing()
    {
        var buy = Formed();
        Assert.Equal([(1L, 120m, PaymentStatus.Due), (2L, 60m, PaymentStatus.Due)], buy.Payments.Select(p => (p.UserId, p.Amount, p.Status)));

        var failed = GroupBuy.CreateDraft(-1, null, 2, Alice, Now);
        failed.SetTitle("Honey");
        failed.SetPrice(50, "CNY");
        failed.SetMinUnits(5);
        failed.SetDeadline(Now.AddDays(1));
        failed.Open(Now);
        failed.Join(Bob, 1, null, Now);
        failed.Close(Now);
        Assert.Empty(failed.Payments);
    }

    [Fact]
    public void A_member_in_two_options_owes_once_and_a_session_that_did_not_form_owes_nothing()
    {
        var buy = GroupBuy.CreateDraft(-1, null, 1, Alice, Now);
        buy.SetTitle("Pottery");
        buy.SetOptions([("Sat", 80m, null), ("Sun", 90m, null)], "CNY");
        buy.SetMinUnits(2);
        buy.SetMinimumPerOption(true);
        buy.SetDeadline(Now.AddDays(1));
        buy.Open(Now);
        buy.Join(Alice, 1, null, Now, option: 1);
        buy.Join(Bob, 1, null, Now, option: 1);
        buy.Join(Alice, 1, null, Now, option: 2); // Sunday has only Alice: it does not form
        buy.Close(Now);

        Assert.Equal([(1L, 80m), (2L, 80m)], buy.Payments.Select(p => (p.UserId, p.Amount)));
    }

    [Fact]
    public void A_claim_waits_for_the_organizer_who_records_it_once()
    {
        var buy = Formed();

        Assert.Equal(PaymentResult.Recorded, buy.ClaimPaid(Bob.UserId, "WeChat", Now));
        Assert.Equal(PaymentResult.AlreadyClaimed, buy.ClaimPaid(Bob.UserId, null, Now));
        Assert.Equal(PaymentStatus.Claimed, buy.OpenPaymentOf(Bob.UserId)!.Status);

        Assert.Equal(PaymentResult.Recorded, buy.MarkPaid(Bob.UserId, null, 99, Now));
        var bob = buy.Payments.Single(p => p.UserId == Bob.UserId);
        Assert.Equal((PaymentStatus.Paid, "WeChat", 99L), (bob.Status, bob.Method, bob.ConfirmedBy!.Value));
        Assert.Equal(PaymentResult.AlreadyPaid, buy.MarkPaid(Bob.UserId, null, 99, Now));
        Assert.Equal(PaymentResult.AlreadyPaid, buy.ClaimPaid(Bob.UserId, null, Now));
        Assert.Equal(PaymentResult.NothingOwed, buy.MarkPaid(Carol.UserId, null, 99, Now));
    }

    [Fact]
    public void Only_a_payment_made_can_be_refunded()
    {
        var buy = Formed();
        Assert.Equal(PaymentResult.NotPaid, buy.MarkRefunded(Alice.UserId));
        buy.MarkPaid(Alice.UserId, "cash", 99, Now);
        Assert.Equal(PaymentResult.Recorded, buy.MarkRefunded(Alice.UserId));
        Assert.Equal(PaymentStatus.Refunded, buy.Payments.Single(p => p.UserId == Alice.UserId).Status);
        Assert.Equal(PaymentResult.NothingOwed, buy.MarkRefunded(Carol.UserId));
    }

    [Fact]
    public void Members_still_owing_are_reminded_at_most_once_a_day_and_not_after_they_said_they_paid()
    {
        var buy = Formed();
        buy.ClaimPaid(Bob.UserId, null, Now);
        var today = Now.Date;
        var dayStart = new DateTimeOffset(today, TimeSpan.Zero);

        Assert.Equal([1L], buy.RemindUnpaid(dayStart, Now.AddHours(1)).Select(p => p.UserId));
        Assert.Empty(buy.RemindUnpaid(dayStart, Now.AddHours(5))); // the same day
        Assert.Equal([1L], buy.RemindUnpaid(dayStart.AddDays(1), Now.AddDays(1)).Select(p => p.UserId));
    }

    [Fact]
    public void A_deposit_paid_counts_against_the_balance_one_never_paid_is_dropped_and_a_leavers_is_to_be_given_back()
    {
        var buy = GroupBuy.CreateDraft(-1, null, 1, new Member(99, "Organizer"), Now);
        buy.SetTitle("Class");
        buy.SetPrice(100, "XTR");
        buy.SetMinUnits(1);
        buy.SetDeadline(Now.AddDays(1));
        buy.SetPaymentMode(PaymentMode.Online, depositPercent: 20);
        buy.Open(Now);
        foreach (var member in new[] { Alice, Bob, Carol })
        {
            buy.Join(member, 1, null, Now);
            Assert.Equal(20m, buy.RequestDeposit(member.UserId, Now)!.Amount);
            Assert.Null(buy.RequestDeposit(member.UserId, Now)); // one deposit each
        }

        Assert.Equal(PaymentResult.Recorded, buy.RecordTelegramPayment(Alice.UserId, PaymentStage.Deposit, "Stars", "charge-a", null, Now));
        Assert.Equal(PaymentResult.AlreadyRecorded, buy.RecordTelegramPayment(Alice.UserId, PaymentStage.Deposit, "Stars", "charge-a", null, Now));
        buy.RecordTelegramPayment(Carol.UserId, PaymentStage.Deposit, "Stars", "charge-c", null, Now);
        buy.Leave(Carol.UserId, Now);
        buy.Close(Now);

        Assert.Equal(
            [(1L, PaymentStage.Deposit, 20m, PaymentStatus.Paid), (3L, PaymentStage.Deposit, 20m, PaymentStatus.RefundDue),
             (1L, PaymentStage.Balance, 80m, PaymentStatus.Due), (2L, PaymentStage.Full, 100m, PaymentStatus.Due)],
            buy.Payments.Select(p => (p.UserId, p.Stage, p.Amount, p.Status)));
    }

    [Theory]
    [InlineData("已付款", true)]
    [InlineData("转了，微信", true)]
    [InlineData("paid ✅", true)]
    [InlineData("I've sent the money", true)]
    [InlineData("还没付", false)]
    [InlineData("付了吗?", false)]
    [InlineData("how do I pay? who has paid", false)]
    [InlineData("+1", false)]
    public void A_members_short_word_that_they_paid_is_told_from_questions_and_not_yets(string text, bool claim) =>
        Assert.Equal(claim, PaymentClaimText.IsClaim(text));
}
