using System.Globalization;
using System.Text.RegularExpressions;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Parsing;

/// <summary>
/// A buy's options as organizers write them in the price field: <c>大箱 60, 小箱 35</c>,
/// <c>Sat 10:00 80 max 10, Sun 14:00 80 max 10</c>, <c>周六10点 80元 限10人；周日14点 80元 限10人</c>. Each option is a name,
/// then its price, then optionally its capacity (<c>max 10</c>, <c>10 places</c>, <c>限10</c>, <c>名额10</c>, <c>10位</c>).
/// </summary>
public static partial class OptionText
{
    /// <summary>One option typed: its name, price, currency mark (if any) and capacity (if any).</summary>
    public sealed record Typed(string Name, decimal Price, string? Currency, int? Capacity);

    // Options are separated by commas, semicolons, 、 or line breaks (full-width forms are folded first).
    private static readonly char[] Separators = [',', ';', '、', '\n', '，', '；'];

    /// <summary>Reads two or more options; false when any part is not "name price [capacity]" or names repeat.</summary>
    public static bool TryParseList(string text, out List<Typed> options)
    {
        options = [];
        var parts = Numbers.FoldWidth(text).Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > BuyOption.MaxOptions) return false;
        foreach (var part in parts)
        {
            if (!TryParse(part, out var option)) return false;
            options.Add(option);
        }

        return options.Select(o => o.Name.ToLowerInvariant()).Distinct().Count() == options.Count;
    }

    /// <summary>Reads one option, "name price [capacity]".</summary>
    public static bool TryParse(string text, out Typed option)
    {
        option = new Typed("", 0, null, null);
        var rest = Numbers.FoldWidth(text).Trim();
        int? capacity = null;
        if (CapacityAtEnd().Match(rest) is { Success: true } cap)
        {
            if (!int.TryParse(cap.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c is < 1 or > GroupBuy.MaxUnits) return false;
            capacity = c;
            rest = rest[..cap.Index].TrimEnd();
        }

        if (PriceAtEnd().Match(rest) is not { Success: true } price || !PriceText.TryParse(price.Value.TrimEnd('(', '（', ' '), out var amount, out var currency)) return false;
        var name = rest[..price.Index].Trim().TrimEnd(':', '-', '=', '：').Trim();
        if (name.Length is 0 or > BuyOption.MaxNameLength || !name.Any(char.IsLetter)) return false;
        option = new Typed(name, amount, currency, capacity);
        return true;
    }

    /// <summary>How an option reads back, in the same form it is typed.</summary>
    public static string Format(BuyOption option, string currency) => $"{option.Name} {PriceText.Format(option.Price, currency)}";

    [GeneratedRegex(@"(?:(?:(?<![a-z])(?:max|cap|capacity|limit)\s*(?<n>\d+))|(?:(?<n>\d+)\s*(?:places?|spots?|seats?|slots?)(?![a-z]))|(?:(?:限|名额|限额|限量)\s*(?<n>\d+)\s*(?:人|位|名|份|个)?)|(?:(?<n>\d+)\s*(?:个名额|位|名)))\s*[)）]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapacityAtEnd();

    [GeneratedRegex(@"(?:HK\$|S\$|US\$|[¥￥$€£⭐])?\s*\d+(?:\.\d{1,2})?\s*(?:元|块钱|块|RMB|CNY|USD|EUR|GBP|HKD|SGD|XTR|stars?|⭐)?\s*(?:/份|/人|每份|每人)?\s*[(（]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceAtEnd();
}
