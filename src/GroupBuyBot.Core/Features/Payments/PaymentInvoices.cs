using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;

namespace GroupBuyBot.Core.Features.Payments;

/// <summary>Whether this bot can take payments in Telegram: with a payment provider's token, or in Telegram Stars (XTR) always.</summary>
public sealed record InvoiceSettings(bool ProviderConfigured)
{
    public const string Stars = "XTR";

    public bool CanInvoice(string currency) => ProviderConfigured || currency == Stars;
}

/// <summary>
/// The Telegram invoices of a buy that takes payments online: one per payment due, sent privately when it forms. The
/// payload names the buy, the member and the stage (<c>pay:i:42:7:0</c>), so the pre-checkout and the payment find it.
/// </summary>
public static class PaymentInvoices
{
    public const char InvoiceAction = 'i';
    private const int MaxTitle = 32;   // Telegram's limits for an invoice
    private const int MaxDescription = 255;

    public static IEnumerable<PrivateMessage> For(CommandContext context, GroupBuy buy) =>
        buy is { PaymentMode: PaymentMode.Online, Status: GroupBuyStatus.Formed }
            ? buy.Payments.Where(p => p.Status == PaymentStatus.Due).Select(p => new PrivateMessage(p.UserId, ClosingSummary.Mention(p.Member),
                Cut(context.Text("InvoiceDescription", buy.Number, buy.Title, context.Chat.Title ?? ""), MaxDescription), Invoice: InvoiceOf(buy, p)))
            : [];

    /// <summary>Staged payment: the deposit a member owes on signing up, as an invoice sent privately; null when none.</summary>
    public static PrivateRound? DepositRound(CommandContext context, GroupBuy buy, DateTimeOffset now)
    {
        if (buy.RequestDeposit(context.Actor.UserId, now) is not { } deposit) return null;
        var text = Cut(context.Text("InvoiceDepositDescription", buy.DepositPercent ?? 0, buy.Number, buy.Title), MaxDescription);
        return new PrivateRound(buy.ChatId, buy.ThreadId,
            [new PrivateMessage(deposit.UserId, ClosingSummary.Mention(deposit.Member), text, Invoice: InvoiceOf(buy, deposit))],
            UnreachedNotice.Around(null, mentions => context.Text("InvoiceDepositUnreachable", mentions, buy.Number)));
    }

    /// <summary>A failed or cancelled buy's word on money already paid: Stars come back by themselves, others from the organizer.</summary>
    public static string? RefundsLine(CommandContext context, GroupBuy buy)
    {
        var due = buy.Payments.Where(p => p.Status == PaymentStatus.RefundDue).ToList();
        if (due.Count == 0) return null;
        return buy.Currency == InvoiceSettings.Stars
            ? context.Text("RefundsStars", string.Join(", ", due.Select(p => Html.Escape(p.DisplayName))))
            : context.Text("RefundsByOrganizer", Html.Escape(buy.Organizer.DisplayName), string.Join(", ", due.Select(p => $"{Html.Escape(p.DisplayName)} {PriceText.Format(p.Amount, buy.Currency)}")));
    }

    public static Invoice InvoiceOf(GroupBuy buy, Payment payment) =>
        new(Cut($"#{buy.Number} {buy.Title}", MaxTitle), Payload(buy.Id, payment.UserId, payment.Stage), buy.Currency, payment.Amount, Cut(buy.Title, MaxTitle));

    public static string Payload(long buyId, long userId, PaymentStage stage) =>
        CallbackData.Format(CallbackData.Payment, InvoiceAction, buyId, userId, (long)stage);

    /// <summary>The buy, member and stage an invoice's payload names; false for anything else.</summary>
    public static bool TryRead(string? payload, out long buyId, out long userId, out PaymentStage stage)
    {
        (buyId, userId, stage) = (0, 0, PaymentStage.Full);
        if (!CallbackData.TryParse(payload, out var data) || data is not { Prefix: CallbackData.Payment, Action: InvoiceAction } || !Enum.IsDefined((PaymentStage)data.Third)) return false;
        (buyId, userId, stage) = (data.First, data.Second, (PaymentStage)data.Third);
        return true;
    }

    /// <summary>Telegram counts amounts in the currency's smallest unit: cents, fen; Stars are whole.</summary>
    public static long MinorUnits(decimal amount, string currency) => currency == InvoiceSettings.Stars ? (long)decimal.Ceiling(amount) : (long)decimal.Round(amount * 100m);

    public static string Shown(decimal amount, string currency) => currency == InvoiceSettings.Stars ? $"{amount:0}⭐" : PriceText.Format(amount, currency);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
