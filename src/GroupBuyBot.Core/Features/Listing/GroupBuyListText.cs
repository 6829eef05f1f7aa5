using System.Text;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;

namespace GroupBuyBot.Core.Features.Listing;

/// <summary>The live list (接龙) of a group buy, as HTML for its announcement message.</summary>
public static class GroupBuyListText
{
    /// <summary>Telegram's limit for a message; the list stops naming members before it.</summary>
    public const int MaxMessageLength = 4096;

    private const int Reserve = 400;

    public static string Render(GroupBuy buy, ChatSettings chat)
    {
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);
        var unit = Units.Name(chat.Language, buy.UnitName, 1);
        var text = new StringBuilder();

        text.AppendLine(T("ListTitle", buy.NumberIn(chat.ChatId), Html.Escape(buy.Title)));
        if (buy.Description is { } description) text.AppendLine(Html.Escape(description));
        if (buy.IsShared) text.AppendLine(T("ListShared", string.Join(" · ", buy.Groups.Select(g => Html.Escape(g.Title)))));
        // A shared buy's list names this group's members only (at their place in the one queue); the others are totals.
        bool Shown(SignUp s) => buy.IsNamedIn(chat.ChatId, s);
        if (buy.HasOptions)
        {
            RenderOptions(text, buy, chat, Shown, (key, args) => T(key, args));
            return text.ToString();
        }

        if (buy.CurrentUnitPrice is { } price) text.AppendLine(T("ListPrice", PriceText.Format(price, buy.Currency), unit));
        if (buy.Tiers.Count > 0)
        {
            text.AppendLine(T("ListTiers", string.Join(", ", buy.Tiers.Select(t => T("ListTier", t.MinUnits, PriceText.Format(t.UnitPrice, buy.Currency))))));
        }

        if (buy.MinUnits is { } min) text.AppendLine(T("ListMinimum", min, Units.Name(chat.Language, buy.UnitName, min)));
        if (buy.Capacity is { } capacity) text.AppendLine(T("ListCapacity", capacity, buy.PlacesLeft));
        if (buy.AutoClose && buy.Capacity is not null) text.AppendLine(T("ListAutoClose"));
        if (buy.Deadline is { } deadline) text.AppendLine(T("ListDeadline", DeadlineText.Format(deadline, chat.TimeZone)));
        text.AppendLine(T("ListOrganizer", Html.Escape(buy.Organizer.DisplayName)));
        if (buy.PickupPoints.Count > 0) text.AppendLine(T("ListPickup", string.Join(" · ", buy.PickupPoints.Select(Html.Escape))));
        text.AppendLine();

        var active = buy.ActiveSignUps.ToList();
        if (active.Count == 0) text.AppendLine(T("ListEmpty"));
        AppendMembers(text, active, Shown, T);

        var waitlist = buy.Waitlist.ToList();
        if (waitlist.Any(Shown))
        {
            text.AppendLine(T("ListWaitlist"));
            AppendMembers(text, waitlist, Shown, T);
        }

        text.AppendLine();
        AppendGroups(text, buy, chat);
        text.AppendLine(T("ListTotal", buy.ActiveUnits, Units.Name(chat.Language, buy.UnitName, buy.ActiveUnits), active.Count));
        text.Append(Status(buy, (key, args) => T(key, args)));
        return text.ToString();
    }

    /// <summary>A buy with options: its terms, then each option with its price, places and own list (and waiting list).</summary>
    private static void RenderOptions(StringBuilder text, GroupBuy buy, ChatSettings chat, Func<SignUp, bool> shown, Func<string, object?[], string> t)
    {
        string T(string key, params object?[] args) => t(key, args);
        if (buy.MinUnits is { } min)
        {
            text.AppendLine(T(buy.MinimumPerOption ? "ListMinimumPerOption" : "ListMinimum", min, Units.Name(chat.Language, buy.UnitName, min)));
        }

        if (buy.AutoClose && buy.PlacesLeft is not null) text.AppendLine(T("ListAutoClose"));
        if (buy.Deadline is { } deadline) text.AppendLine(T("ListDeadline", DeadlineText.Format(deadline, chat.TimeZone)));
        text.AppendLine(T("ListOrganizer", Html.Escape(buy.Organizer.DisplayName)));
        if (buy.PickupPoints.Count > 0) text.AppendLine(T("ListPickup", string.Join(" · ", buy.PickupPoints.Select(Html.Escape))));

        foreach (var option in buy.Options)
        {
            var units = buy.UnitsIn(option.Number);
            var details = new List<string> { PriceText.Format(buy.UnitPriceIn(option.Number) ?? option.Price, buy.Currency) };
            if (option.Tiers.Count > 0)
            {
                details.Add(string.Join(", ", option.Tiers.Select(x => T("ListTier", x.MinUnits, PriceText.Format(x.UnitPrice, buy.Currency)))));
            }

            details.Add(option.Capacity is { } capacity ? T("ListOptionPlaces", units, capacity) : T("ListOptionTotal", units, Units.Name(chat.Language, buy.UnitName, units)));
            if (buy.MinimumPerOption && buy.MinUnits is not null && buy.Status == GroupBuyStatus.Open)
            {
                details.Add(buy.UnitsToFormIn(option.Number) is > 0 and var more ? T("ListOptionMoreToForm", more) : T("ListOptionReached"));
            }

            if (option.Closed) details.Add(T("ListOptionClosed"));
            text.AppendLine();
            text.AppendLine(T("ListOptionHeader", Html.Escape(option.Name), string.Join(" · ", details)));
            AppendMembers(text, [.. buy.ActiveSignUps.Where(s => s.Option == option.Number)], shown, t);
            var waiting = buy.Waitlist.Where(s => s.Option == option.Number).ToList();
            if (waiting.Any(shown))
            {
                text.AppendLine(T("ListWaitlist"));
                AppendMembers(text, waiting, shown, t);
            }
        }

        var active = buy.ActiveSignUps.ToList();
        text.AppendLine();
        AppendGroups(text, buy, chat);
        if (active.Count == 0) text.AppendLine(T("ListEmpty"));
        text.AppendLine(T("ListTotalAmount", buy.ActiveUnits, Units.Name(chat.Language, buy.UnitName, buy.ActiveUnits),
            active.Select(s => s.UserId).Distinct().Count(), PriceText.Format(buy.ActiveSignUps.Sum(buy.AmountOf), buy.Currency)));
        text.Append(Status(buy, t));
    }

    private static string Status(GroupBuy buy, Func<string, object?[], string> t) => buy.Status switch
        {
            GroupBuyStatus.Formed => t("ListStatusFormed", []),
            GroupBuyStatus.Failed => t("ListStatusFailed", []),
            GroupBuyStatus.Cancelled => t("ListStatusCancelled", []),
            GroupBuyStatus.Delivered => t("ListStatusDelivered", []),
            _ => buy.UnitsToForm > 0 ? t("ListMoreToForm", [buy.UnitsToForm]) : t("ListFormedReached", []),
        };

    /// <summary>A shared buy's units per group ("Maple Court: 12 · Elm Street: 7"): how the groups fill it together.</summary>
    private static void AppendGroups(StringBuilder text, GroupBuy buy, ChatSettings chat)
    {
        if (ByGroupLine(buy, chat.Language) is { } line) text.AppendLine(line);
    }

    /// <summary>The by-group totals of a shared buy, for its lists and summaries; null for a buy that is not shared.</summary>
    public static string? ByGroupLine(GroupBuy buy, Language language) => buy.IsShared
        ? Texts.Get(language, "ListByGroup", string.Join(" · ", buy.UnitsByGroup().Select(g => Texts.Get(language, "ListGroupUnits", Html.Escape(g.Group.Title), g.Units))))
        : null;

    /// <summary>The members shown, numbered by their place among all of <paramref name="signUps"/> (the one queue of a shared buy).</summary>
    private static void AppendMembers(StringBuilder text, List<SignUp> signUps, Func<SignUp, bool> shown, Func<string, object?[], string> t)
    {
        for (var i = 0; i < signUps.Count; i++)
        {
            var signUp = signUps[i];
            if (!shown(signUp)) continue;
            var line = $"{i + 1}. {Html.Escape(signUp.DisplayName)} ×{signUp.Quantity}"
                + (signUp.Note is { } note ? $" ({Html.Escape(note)})" : "");
            if (text.Length + line.Length > MaxMessageLength - Reserve)
            {
                text.AppendLine(t("ListMore", [signUps.Count - i]));
                return;
            }

            text.AppendLine(line);
        }
    }
}
