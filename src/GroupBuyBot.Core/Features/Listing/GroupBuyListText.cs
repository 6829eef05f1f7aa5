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

        text.AppendLine(T("ListTitle", buy.Number, Html.Escape(buy.Title)));
        if (buy.Description is { } description) text.AppendLine(Html.Escape(description));
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
        text.AppendLine();

        var active = buy.ActiveSignUps.ToList();
        if (active.Count == 0) text.AppendLine(T("ListEmpty"));
        AppendMembers(text, active, 1, T);

        var waitlist = buy.Waitlist.ToList();
        if (waitlist.Count > 0)
        {
            text.AppendLine(T("ListWaitlist"));
            AppendMembers(text, waitlist, 1, T);
        }

        text.AppendLine();
        text.AppendLine(T("ListTotal", buy.ActiveUnits, Units.Name(chat.Language, buy.UnitName, buy.ActiveUnits), active.Count));
        text.Append(buy.Status switch
        {
            GroupBuyStatus.Formed => T("ListStatusFormed"),
            GroupBuyStatus.Failed => T("ListStatusFailed"),
            GroupBuyStatus.Cancelled => T("ListStatusCancelled"),
            GroupBuyStatus.Delivered => T("ListStatusDelivered"),
            _ => buy.UnitsToForm > 0 ? T("ListMoreToForm", buy.UnitsToForm) : T("ListFormedReached"),
        });
        return text.ToString();
    }

    private static void AppendMembers(StringBuilder text, List<SignUp> signUps, int first, Func<string, object?[], string> t)
    {
        for (var i = 0; i < signUps.Count; i++)
        {
            var signUp = signUps[i];
            var line = $"{first + i}. {Html.Escape(signUp.DisplayName)} ×{signUp.Quantity}"
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
