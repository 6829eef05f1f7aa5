using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Features.SignUps;

namespace GroupBuyBot.Core.Features.NewBuy;

/// <summary>
/// <c>/edit option …</c>: <c>add 中箱 45 [限10]</c>, or an option (its number or name) followed by <c>name</c>, <c>price</c>,
/// <c>tiers</c>, <c>capacity</c>, <c>close</c> or <c>open</c> and the value.
/// </summary>
public static class OptionEdit
{
    private enum Change
    {
        Name,
        Price,
        Tiers,
        Capacity,
        Close,
        Open,
    }

    /// <returns>Null when applied; otherwise the problem, and the buy is unchanged.</returns>
    public static string? TryApply(GroupBuy buy, string value, CommandContext context, DateTimeOffset now)
    {
        if (!buy.HasOptions) return context.Text("NoOptionsYet");
        var words = value.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return context.Text("OptionUsage");
        var shown = Html.Escape(value.Length > 40 ? value[..40] + "…" : value);

        if (words[0].ToLowerInvariant() is "add" or "new" or "添加" or "新增" or "加")
        {
            if (words.Length < 2 || !OptionText.TryParse(words[1], out var typed)) return context.Text("OptionUsage");
            return buy.AddOption(typed.Name, typed.Price, typed.Capacity) ? null : context.Text("OptionRefused", shown, BuyOption.MaxOptions);
        }

        // The option first: its number, or its name (which may have spaces: the longest name the text starts with).
        var (option, rest) = Locate(buy, value.Trim());
        if (option is null) return context.Text("OptionNotFound", Html.Escape(words[0]), SignUpOptions.List(buy));
        var parts = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || ParseChange(parts[0]) is not { } change) return context.Text("OptionUsage");
        var argument = parts.Length > 1 ? parts[1] : "";

        var applied = change switch
        {
            Change.Name => argument.Length is > 0 and <= BuyOption.MaxNameLength && buy.RenameOption(option.Number, argument),
            Change.Price => PriceText.TryParse(argument, out var price, out _) && buy.RepriceOption(option.Number, price),
            Change.Tiers => GroupBuyFieldInput.IsNone(argument)
                ? buy.SetOptionTiers(option.Number, [])
                : GroupBuyFieldInput.TryParseTiers(argument, out var tiers) && buy.SetOptionTiers(option.Number, tiers),
            Change.Capacity => GroupBuyFieldInput.IsNone(argument)
                ? buy.SetOptionCapacity(option.Number, null, now)
                : Numbers.TryParseInt(argument, out var capacity) && capacity is >= 1 and <= GroupBuy.MaxUnits && buy.SetOptionCapacity(option.Number, capacity, now),
            Change.Close => buy.SetOptionClosed(option.Number, true),
            _ => buy.SetOptionClosed(option.Number, false),
        };
        return applied ? null : context.Text("OptionRefused", shown, BuyOption.MaxOptions);
    }

    private static (BuyOption? Option, string Remainder) Locate(GroupBuy buy, string text)
    {
        var first = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].TrimStart('#');
        if (Numbers.TryParseInt(first, out var number) && buy.OptionOf(number) is { } numbered)
        {
            return (numbered, text[(text.IndexOf(first, StringComparison.Ordinal) + first.Length)..]);
        }

        var named = buy.Options.Where(o => text.StartsWith(o.Name, StringComparison.OrdinalIgnoreCase)).MaxBy(o => o.Name.Length);
        return named is null ? (null, text) : (named, text[named.Name.Length..]);
    }

    private static Change? ParseChange(string word) => word.ToLowerInvariant() switch
    {
        "name" or "rename" or "名称" or "改名" => Change.Name,
        "price" or "单价" or "价格" => Change.Price,
        "tiers" or "tier" or "阶梯" or "阶梯价" => Change.Tiers,
        "capacity" or "cap" or "max" or "places" or "名额" or "上限" => Change.Capacity,
        "close" or "closed" or "stop" or "关闭" or "停止" or "截止" => Change.Close,
        "open" or "reopen" or "开放" or "打开" or "恢复" => Change.Open,
        _ => null,
    };
}
