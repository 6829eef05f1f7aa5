using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;

namespace GroupBuyBot.Core.Features.NewBuy;

/// <summary>Validates what an organizer typed for one field and applies it; the one place each field's rules live.</summary>
public static class GroupBuyFieldInput
{
    /// <returns>Null when applied; otherwise the problem, in the chat's language, and the buy is unchanged.</returns>
    public static string? TryApply(GroupBuy buy, GroupBuyField field, string value, CommandContext context, DateTimeOffset now)
    {
        value = value.Trim();
        var shown = Html.Escape(value.Length > 40 ? value[..40] + "…" : value);
        switch (field)
        {
            case GroupBuyField.Title:
                if (value.Length is 0 or > GroupBuy.MaxTitleLength) return context.Text("BadTitle", GroupBuy.MaxTitleLength);
                buy.SetTitle(value);
                return null;

            case GroupBuyField.Price:
                if (PriceText.TryParse(value, out var price, out var currency))
                {
                    if (buy.HasOptions) return context.Text("PriceHasOptions");
                    buy.SetPrice(price, currency);
                    return null;
                }

                // "大箱 60, 小箱 35": options in place of the one price.
                if (!OptionText.TryParseList(value, out var options)) return context.Text("BadPrice", shown);
                return buy.SetOptions(options.Select(o => (o.Name, o.Price, o.Capacity)), options.Select(o => o.Currency).FirstOrDefault(c => c is not null))
                    ? null
                    : context.Text("OptionsAfterSignUps");

            case GroupBuyField.MinUnits:
                if (!TryParseMinimum(value, out var min, out var perOption) || min < 1 || min > GroupBuy.MaxUnits || min > buy.Capacity)
                {
                    return context.Text("BadMinUnits", shown, buy.Capacity ?? GroupBuy.MaxUnits);
                }

                buy.SetMinUnits(min);
                buy.SetMinimumPerOption(perOption);
                return null;

            case GroupBuyField.Pickup:
                if (IsNone(value))
                {
                    buy.SetPickupPoints([]);
                    return null;
                }

                var points = value.Split([';', '；', '\n', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (points.Length is 0 or > GroupBuy.MaxPickupPoints || points.Any(p => p.Length > GroupBuy.MaxPickupLength)) return context.Text("BadPickup", GroupBuy.MaxPickupPoints);
                buy.SetPickupPoints(points);
                return null;

            case GroupBuyField.Options:
                return OptionEdit.TryApply(buy, value, context, now);

            case GroupBuyField.Capacity:
                int? capacity = null;
                if (!IsNone(value))
                {
                    if (!Numbers.TryParseInt(value, out var c) || c < 1 || c > GroupBuy.MaxUnits || c < buy.MinUnits) return context.Text("BadCapacity", shown);
                    capacity = c;
                }

                return buy.TrySetCapacity(capacity) ? null : context.Text("BadCapacity", shown);

            case GroupBuyField.Deadline:
                if (!DeadlineText.TryParse(value, now, context.Chat.TimeZone, out var deadline)) return context.Text("BadDeadline", shown);
                buy.SetDeadline(deadline);
                return null;

            case GroupBuyField.Description:
                if (value.Length > GroupBuy.MaxDescriptionLength) return context.Text("TooLong", GroupBuy.MaxDescriptionLength);
                buy.SetDescription(IsNone(value) ? null : value);
                return null;

            case GroupBuyField.Unit:
                if (value.Length is 0 or > 20) return context.Text("TooLong", 20);
                buy.SetUnitName(value);
                return null;

            case GroupBuyField.Tiers:
                if (IsNone(value))
                {
                    buy.SetTiers([]);
                    return null;
                }

                if (!TryParseTiers(value, out var tiers)) return context.Text("BadTiers", shown);
                buy.SetTiers(tiers);
                return null;

            case GroupBuyField.AutoClose:
                if (ParseSwitch(value) is not { } on) return context.Text("BadAutoClose", shown);
                buy.SetAutoClose(on);
                return null;

            default:
                return context.Text("EditUsage");
        }
    }

    /// <summary>Reads the field names organizers type in <c>/edit</c>, English or Chinese.</summary>
    public static GroupBuyField? ParseFieldName(string name) => name.ToLowerInvariant() switch
    {
        "title" or "name" or "标题" or "名称" => GroupBuyField.Title,
        "price" or "单价" or "价格" => GroupBuyField.Price,
        "min" or "minimum" or "成团" or "成团数" or "成团数量" => GroupBuyField.MinUnits,
        "capacity" or "cap" or "max" or "上限" or "名额" => GroupBuyField.Capacity,
        "deadline" or "截止" or "截止时间" => GroupBuyField.Deadline,
        "note" or "description" or "desc" or "说明" or "备注" => GroupBuyField.Description,
        "unit" or "单位" => GroupBuyField.Unit,
        "tiers" or "tier" or "阶梯" or "阶梯价" => GroupBuyField.Tiers,
        "autoclose" or "auto-close" or "满员截单" or "自动截单" => GroupBuyField.AutoClose,
        "option" or "options" or "session" or "sessions" or "选项" or "规格" or "场次" => GroupBuyField.Options,
        "pickup" or "pickups" or "collect" or "自提" or "自提点" or "取货" or "取货点" => GroupBuyField.Pickup,
        _ => null,
    };

    internal static bool TryParseTiers(string text, out List<PriceTier> tiers)
    {
        tiers = [];
        foreach (var part in Numbers.FoldWidth(text).Split([',', ';', '，', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(':', '=');
            if (pieces.Length != 2 || !Numbers.TryParseInt(pieces[0], out var units) || units < 1 || units > GroupBuy.MaxUnits
                || !PriceText.TryParse(pieces[1], out var price, out _))
            {
                return false;
            }

            tiers.Add(new PriceTier(units, price));
        }

        return tiers.Count is > 0 and <= 10 && tiers.Select(t => t.MinUnits).Distinct().Count() == tiers.Count;
    }

    /// <summary>"10" for the whole buy; "10 each", "每项10", "各10" for each option on its own.</summary>
    private static bool TryParseMinimum(string value, out int min, out bool perOption)
    {
        var folded = Numbers.FoldWidth(value).Trim().ToLowerInvariant();
        string[] before = ["每项", "每场", "每款", "每种", "每个选项", "每个", "各"];
        string[] after = ["each", "per option", "per session", "every option", "每项", "每场", "各"];
        var start = before.FirstOrDefault(m => folded.StartsWith(m, StringComparison.Ordinal));
        var end = after.FirstOrDefault(m => folded.EndsWith(m, StringComparison.Ordinal));
        perOption = start is not null || end is not null;
        if (start is not null) folded = folded[start.Length..];
        if (end is not null) folded = folded[..^end.Length];
        folded = folded.Trim().TrimEnd('份', '人', '个', '位').Trim();
        return Numbers.TryParseInt(folded, out min);
    }

    internal static bool? ParseSwitch(string value) => value.ToLowerInvariant() switch
    {
        "on" or "yes" or "true" or "1" or "开" or "是" or "开启" => true,
        "off" or "no" or "false" or "0" or "关" or "否" or "关闭" => false,
        _ => null,
    };

    internal static bool IsNone(string value) => value.ToLowerInvariant() is "none" or "no" or "-" or "无" or "不限";
}
