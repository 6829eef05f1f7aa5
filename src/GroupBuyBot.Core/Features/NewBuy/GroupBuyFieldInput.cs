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
                if (!PriceText.TryParse(value, out var price, out var currency)) return context.Text("BadPrice", shown);
                buy.SetPrice(price, currency);
                return null;

            case GroupBuyField.MinUnits:
                if (!Numbers.TryParseInt(value, out var min) || min < 1 || min > GroupBuy.MaxUnits || min > buy.Capacity)
                {
                    return context.Text("BadMinUnits", shown, buy.Capacity ?? GroupBuy.MaxUnits);
                }

                buy.SetMinUnits(min);
                return null;

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

    private static bool? ParseSwitch(string value) => value.ToLowerInvariant() switch
    {
        "on" or "yes" or "true" or "1" or "开" or "是" or "开启" => true,
        "off" or "no" or "false" or "0" or "关" or "否" or "关闭" => false,
        _ => null,
    };

    private static bool IsNone(string value) => value.ToLowerInvariant() is "none" or "no" or "-" or "无" or "不限";
}
