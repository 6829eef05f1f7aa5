namespace GroupBuyBot.Core.GroupBuys;

/// <summary>Where a member's money is: owed, said to be sent, received, or given back.</summary>
public enum PaymentStatus
{
    /// <summary>Owed: the buy formed (or, staged, the member signed up) and nothing was received yet.</summary>
    Due,

    /// <summary>The member says they paid (a transfer outside the bot); the organizer has not confirmed it yet.</summary>
    Claimed,

    Paid,

    /// <summary>Paid, but the buy failed or was cancelled: the organizer has to give it back (provider payments).</summary>
    RefundDue,

    Refunded,
}

/// <summary>Which part of the price a payment is: all of it, or (staged) the deposit and then the balance.</summary>
public enum PaymentStage
{
    Full,
    Deposit,
    Balance,
}

/// <summary>
/// What one member owes (or paid) for a buy, one row per stage. Most payments are transfers outside the bot that the
/// organizer marks by hand; a Telegram payment is keyed by Telegram's charge id, so it is recorded once however often
/// its message arrives.
/// </summary>
public sealed class Payment
{
    public const int MaxMethodLength = 60;

    private Payment()
    {
        DisplayName = "";
    }

    internal Payment(Member member, PaymentStage stage, decimal amount, DateTimeOffset now)
    {
        UserId = member.UserId;
        DisplayName = member.DisplayName;
        Username = member.Username;
        Stage = stage;
        Amount = amount;
        Status = PaymentStatus.Due;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long GroupBuyId { get; private set; }
    public long UserId { get; private set; }
    public string DisplayName { get; private set; }
    public string? Username { get; private set; }
    public PaymentStage Stage { get; private set; }
    public PaymentStatus Status { get; private set; }

    /// <summary>What is owed, in the buy's currency.</summary>
    public decimal Amount { get; private set; }

    /// <summary>How it was paid, as the organizer or member said ("WeChat", "cash"), or "Telegram" / "Stars".</summary>
    public string? Method { get; private set; }

    /// <summary>Telegram's <c>telegram_payment_charge_id</c> of a payment made in Telegram (unique).</summary>
    public string? ChargeId { get; private set; }

    public string? ProviderChargeId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Who confirmed it (an organizer); null for a payment made in Telegram.</summary>
    public long? ConfirmedBy { get; private set; }

    /// <summary>When the member was last reminded: never more than once a day.</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    public Member Member => new(UserId, DisplayName, Username);

    public bool IsSettled => Status is PaymentStatus.Paid or PaymentStatus.Refunded;

    internal void Claim(string? method, DateTimeOffset now)
    {
        Status = PaymentStatus.Claimed;
        Method = method ?? Method;
        ClaimedAt = now;
    }

    internal void MarkPaid(string? method, long? confirmedBy, DateTimeOffset now, string? chargeId = null, string? providerChargeId = null)
    {
        Status = PaymentStatus.Paid;
        Method = method ?? Method;
        ConfirmedBy = confirmedBy;
        PaidAt = now;
        ChargeId = chargeId ?? ChargeId;
        ProviderChargeId = providerChargeId ?? ProviderChargeId;
    }

    internal void Owe(decimal amount) => Amount = amount;

    internal void MarkRefundDue() => Status = PaymentStatus.RefundDue;

    internal void MarkRefunded() => Status = PaymentStatus.Refunded;

    internal void Reminded(DateTimeOffset now) => RemindedAt = now;
}
