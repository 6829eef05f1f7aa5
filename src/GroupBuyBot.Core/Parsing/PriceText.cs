using System.Globalization;

namespace GroupBuyBot.Core.Parsing;

/// <summary>Prices as organizers write them (<c>80</c>, <c>¥80</c>, <c>80元</c>, <c>$12.5</c>, <c>12.5 USD</c>) and as the bot shows them.</summary>
public static class PriceText
{
    public const decimal MaxPrice = 1_000_000m;

    private static readonly (string Mark, string Currency)[] Marks =
    [
        ("HK$", "HKD"), ("S$", "SGD"), ("US$", "USD"), ("¥", "CNY"), ("￥", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"), ("元", "CNY"),
        ("块钱", "CNY"), ("块", "CNY"), ("$", "USD"), ("USD", "USD"), ("€", "EUR"), ("EUR", "EUR"), ("£", "GBP"), ("GBP", "GBP"),
        ("HKD", "HKD"), ("SGD", "SGD"), ("⭐", "XTR"), ("XTR", "XTR"), ("stars", "XTR"), ("star", "XTR"), ("/份", ""), ("/人", ""), ("每份", ""), ("每人", ""),
    ];

    public static bool TryParse(string? text, out decimal price, out string? currency)
    {
        price = 0;
        currency = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;

        var rest = Numbers.FoldWidth(text).Trim();
        foreach (var (mark, code) in Marks)
        {
            var index = rest.IndexOf(mark, StringComparison.OrdinalIgnoreCase);
            if (index < 0) continue;
            rest = rest.Remove(index, mark.Length);
            if (code.Length > 0) currency ??= code;
        }

        return decimal.TryParse(rest.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out price)
            && price >= 0 && price <= MaxPrice && decimal.Round(price, 2) == price;
    }

    public static string Format(decimal price, string currency)
    {
        var amount = price.ToString(price == decimal.Truncate(price) ? "0" : "0.00", CultureInfo.InvariantCulture);
        return currency switch
        {
            "CNY" => "¥" + amount,
            "USD" => "$" + amount,
            "EUR" => "€" + amount,
            "GBP" => "£" + amount,
            "HKD" => "HK$" + amount,
            "SGD" => "S$" + amount,
            "XTR" => amount + "⭐", // Telegram Stars
            _ => amount + " " + currency,
        };
    }
}
