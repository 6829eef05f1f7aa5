using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>The Bot API payment objects: <c>Invoice</c>, <c>PreCheckoutQuery</c>, <c>SuccessfulPayment</c>.</summary>
internal static class TelegramPaymentJson
{
    public static JsonObject Invoice(EmulatedInvoice invoice) => new()
    {
        ["title"] = invoice.Title,
        ["description"] = invoice.Description,
        ["start_parameter"] = invoice.StartParameter,
        ["currency"] = invoice.Currency,
        ["total_amount"] = invoice.TotalAmount,
    };

    public static JsonObject PreCheckoutQuery(PreCheckoutQueryRecord query, EmulatedUser from) => new()
    {
        ["id"] = query.Id,
        ["from"] = TelegramJson.User(from),
        ["currency"] = query.Invoice.Currency,
        ["total_amount"] = query.Invoice.TotalAmount,
        ["invoice_payload"] = query.Invoice.Payload,
    };

    /// <summary>The <c>successful_payment</c> field of the service message; Stars payments have an empty provider charge id.</summary>
    public static JsonObject SuccessfulPayment(SuccessfulPaymentRecord payment) => new()
    {
        ["currency"] = payment.Currency,
        ["total_amount"] = payment.TotalAmount,
        ["invoice_payload"] = payment.InvoicePayload,
        ["telegram_payment_charge_id"] = payment.TelegramPaymentChargeId,
        ["provider_payment_charge_id"] = payment.ProviderPaymentChargeId,
    };
}
