using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>Reads and checks sendInvoice's invoice parameters, with Telegram's error texts.</summary>
internal static class InvoiceParameters
{
    private const int MaxPayloadBytes = 128;

    public static EmulatedInvoice Read(TelegramRequest request)
    {
        var title = Required(request, "title");
        var description = Required(request, "description");
        var payload = Required(request, "payload");
        var currency = Required(request, "currency");
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            throw TelegramApiException.BadRequest("INVOICE_PAYLOAD_INVALID");
        }

        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            throw TelegramApiException.BadRequest("CURRENCY_INVALID");
        }

        var prices = Prices(request);
        var isStars = currency == EmulatedInvoice.StarsCurrency;
        if (isStars && prices.Count != 1)
        {
            throw TelegramApiException.BadRequest("STARS_INVOICE_INVALID");
        }

        // Stars need no provider; every other currency needs one (an empty token is how Stars invoices are sent).
        var hasProvider = !string.IsNullOrEmpty(request.GetString("provider_token"));
        if (hasProvider == isStars)
        {
            throw TelegramApiException.BadRequest("PAYMENT_PROVIDER_INVALID");
        }

        return new EmulatedInvoice(title, description, currency, prices.Sum(p => p.Amount), payload, request.GetString("start_parameter") ?? "", prices);
    }

    private static string Required(TelegramRequest request, string name) =>
        request.GetString(name) is { Length: > 0 } value ? value : throw TelegramApiException.BadRequest($"parameter \"{name}\" is required");

    private static List<EmulatedLabeledPrice> Prices(TelegramRequest request)
    {
        if (!request.Has("prices"))
        {
            throw TelegramApiException.BadRequest("parameter \"prices\" is required");
        }

        if (request.GetJson("prices") is not JsonArray list)
        {
            throw TelegramApiException.BadRequest("can't parse prices JSON object");
        }

        var prices = list.Select(Price).ToList();
        if (prices.Count == 0 || prices.Any(p => p.Amount <= 0))
        {
            throw TelegramApiException.BadRequest("CURRENCY_TOTAL_AMOUNT_INVALID");
        }

        return prices;
    }

    private static EmulatedLabeledPrice Price(JsonNode? price)
    {
        if (price is not JsonObject fields
            || fields["label"] is not JsonValue label || label.GetValueKind() != JsonValueKind.String
            || fields["amount"] is not JsonValue amount || !amount.TryGetValue<long>(out var value))
        {
            throw TelegramApiException.BadRequest("can't parse prices JSON object");
        }

        return new EmulatedLabeledPrice(label.GetValue<string>(), value);
    }
}
