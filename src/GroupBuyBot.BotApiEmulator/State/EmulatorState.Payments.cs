using System.Globalization;
using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>Payments that went through: <c>successful_payment</c> messages, their replay, and Star refunds.</summary>
public sealed partial class EmulatorState
{
    private readonly Dictionary<string, ChargeRecord> _charges = [];
    private readonly List<SuccessfulPaymentRecord> _payments = [];
    private readonly List<StarRefund> _starRefunds = [];
    private long _lastChargeSequence;

    /// <summary>Every payment that went through, in order (replays are not new payments).</summary>
    public IReadOnlyList<SuccessfulPaymentRecord> GetSuccessfulPayments()
    {
        lock (_gate)
        {
            return [.. _payments];
        }
    }

    /// <summary>The payment a pre-checkout query led to; null while unanswered, refused, declined, or for an unknown id.</summary>
    public SuccessfulPaymentRecord? GetSuccessfulPayment(string preCheckoutQueryId)
    {
        lock (_gate)
        {
            return _preCheckoutQueries.GetValueOrDefault(preCheckoutQueryId)?.Payment;
        }
    }

    /// <summary>
    /// Delivers the <c>successful_payment</c> message of a charge again (new message id and update id, same charge id),
    /// as a retried delivery would: for testing that the bot records a payment once.
    /// </summary>
    public PostedMessage ReplaySuccessfulPayment(string telegramPaymentChargeId)
    {
        lock (_gate)
        {
            var payment = _charges.TryGetValue(telegramPaymentChargeId, out var charge)
                ? charge.Payment
                : throw new EmulatorDriverException($"No payment has the charge id {telegramPaymentChargeId}.");
            return DeliverPaymentMessage(RequireChatForDriver(payment.ChatId), RequireUserForDriver(payment.UserId), payment);
        }
    }

    /// <summary>The refundStarPayment calls that succeeded, in order.</summary>
    public IReadOnlyList<StarRefund> GetStarRefunds()
    {
        lock (_gate)
        {
            return [.. _starRefunds];
        }
    }

    /// <summary>refundStarPayment: a Stars charge of that user, once.</summary>
    internal void RefundStarPayment(long userId, string telegramPaymentChargeId)
    {
        lock (_gate)
        {
            if (!_charges.TryGetValue(telegramPaymentChargeId, out var charge)
                || charge.Payment.UserId != userId
                || charge.Payment.Currency != EmulatedInvoice.StarsCurrency)
            {
                throw TelegramApiException.BadRequest("CHARGE_ID_INVALID");
            }

            if (charge.Refund is not null)
            {
                throw TelegramApiException.BadRequest("CHARGE_ALREADY_REFUNDED");
            }

            charge.Refund = new StarRefund(userId, telegramPaymentChargeId, charge.Payment.TotalAmount, Now);
            _starRefunds.Add(charge.Refund);
        }
    }

    /// <summary>The charge after an ok answer: new charge ids and the first <c>successful_payment</c> message.</summary>
    private SuccessfulPaymentRecord CompletePayment(PreCheckoutQueryRecord query)
    {
        var sequence = (++_lastChargeSequence).ToString(CultureInfo.InvariantCulture);
        var invoice = query.Invoice;
        var draft = new SuccessfulPaymentRecord(
            query.Id,
            query.ChatId,
            MessageId: 0,
            query.From.Id,
            invoice.Currency,
            invoice.TotalAmount,
            invoice.Payload,
            "tg_charge_" + sequence,
            invoice.IsStars ? "" : "prov_charge_" + sequence,
            Now);
        var posted = DeliverPaymentMessage(_chats[query.ChatId], query.From, draft);
        var payment = draft with { MessageId = posted.MessageId };
        _charges[payment.TelegramPaymentChargeId] = new ChargeRecord(payment);
        _payments.Add(payment);
        return payment;
    }

    /// <summary>The payer's <c>successful_payment</c> service message in the invoice's chat, and its update.</summary>
    private PostedMessage DeliverPaymentMessage(ChatRecord chat, EmulatedUser payer, SuccessfulPaymentRecord payment)
    {
        var message = AppendMessage(chat, id => new MessageRecord
        {
            ChatId = chat.Id,
            MessageId = id,
            From = payer,
            Date = Now,
            ServiceEvent = "successful_payment",
            ServiceFields = new JsonObject { ["successful_payment"] = TelegramPaymentJson.SuccessfulPayment(payment) },
        });
        var updateId = BotSees(chat) ? EnqueueUpdate("message", MessageJson(chat, message)) : 0;
        return new PostedMessage(chat.Id, message.MessageId, updateId);
    }
}
