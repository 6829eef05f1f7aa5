using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Features.Quotes;

/// <summary>A supplier's quote as typed: <c>75</c>, <c>¥75 10:70,20:65 delivered Saturday</c> — price, optional tiers, optional note.</summary>
public static class QuoteText
{
    public static bool TryParse(string text, out decimal price, out List<PriceTier> tiers, out string? note)
    {
        tiers = [];
        note = null;
        var words = Numbers.FoldWidth(text).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !PriceText.TryParse(words[0], out price, out _) || price <= 0) return TryParseFailed(out price);

        // Tiers are the words right after the price that look like "10:70" (commas between them or not).
        var next = 1;
        var tierWords = new List<string>();
        while (next < words.Length && (words[next].Contains(':') || words[next].Contains('=') || words[next] == ","))
        {
            tierWords.Add(words[next++]);
        }

        if (tierWords.Count > 0 && !GroupBuyFieldInput.TryParseTiers(string.Join(' ', tierWords), out tiers)) return TryParseFailed(out price);
        var basePrice = price;
        if (tiers.Any(t => t.UnitPrice > basePrice)) return TryParseFailed(out price); // a tier is a discount, never a surcharge

        var rest = string.Join(' ', words[next..]).Trim();
        note = rest.Length == 0 ? null : rest.Length > SupplierQuote.MaxNoteLength ? rest[..SupplierQuote.MaxNoteLength] : rest;
        return true;
    }

    private static bool TryParseFailed(out decimal price)
    {
        price = 0;
        return false;
    }
}
