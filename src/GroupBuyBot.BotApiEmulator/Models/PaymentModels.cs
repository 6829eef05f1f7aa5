namespace GroupBuyBot.BotApiEmulator.Models;

/// <summary>One component of an invoice's price, in the currency's smallest units (cents; Stars for XTR).</summary>
public sealed record EmulatedLabeledPrice(string Label, long Amount);

/// <summary>
/// An invoice the bot sent (sendInvoice), as members see it; <see cref="Payload"/> is the bot's own
/// data, never shown to members and not part of the Bot API <c>Invoice</c> object.
/// </summary>
public sealed record EmulatedInvoice(
    string Title,
    string Description,
    string Currency,
    long TotalAmount,
    string Payload,
    string StartParameter,
    IReadOnlyList<EmulatedLabeledPrice> Prices)
{
    public const string StarsCurrency = "XTR";

    public bool IsStars => Currency == StarsCurrency;
}

/// <summary>What <see cref="State.EmulatorState.PayInvoice"/> started: the pre-checkout query the bot must answer.</summary>
public sealed record InvoicePayment(string PreCheckoutQueryId, int UpdateId);

/// <summary>A pre-checkout query and the bot's answer to it, if any.</summary>
public sealed record PreCheckoutAnswer(
    string PreCheckoutQueryId,
    long ChatId,
    int InvoiceMessageId,
    long UserId,
    string Currency,
    long TotalAmount,
    string InvoicePayload,
    DateTimeOffset SentAt,
    bool CardDeclined,
    bool Answered,
    bool Ok,
    string? ErrorMessage,
    DateTimeOffset? AnsweredAt,
    string? TelegramPaymentChargeId);

/// <summary>A payment that went through: the <c>successful_payment</c> message the bot was sent (first delivery).</summary>
public sealed record SuccessfulPaymentRecord(
    string PreCheckoutQueryId,
    long ChatId,
    int MessageId,
    long UserId,
    string Currency,
    long TotalAmount,
    string InvoicePayload,
    string TelegramPaymentChargeId,
    string ProviderPaymentChargeId,
    DateTimeOffset PaidAt);

/// <summary>A refundStarPayment the bot made.</summary>
public sealed record StarRefund(long UserId, string TelegramPaymentChargeId, long TotalAmount, DateTimeOffset RefundedAt);
