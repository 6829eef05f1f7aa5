using System.Text;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;

namespace GroupBuyBot.Core.Features.Deadlines;

/// <summary>What the group and each participant are told when a buy ends.</summary>
public static class ClosingSummary
{
    /// <summary>The group's summary: how it ended, the final list with amounts, totals, the tier price, what happens next.</summary>
    public static string ForGroup(CommandContext context, GroupBuy buy, string headline)
    {
        if (buy.Status != GroupBuyStatus.Formed) return headline + (buy.Status == GroupBuyStatus.Failed ? "\n" + context.Text("SummaryFailedNext") : "");

        var price = buy.CurrentUnitPrice ?? 0;
        var text = new StringBuilder(headline).Append("\n\n");
        var number = 1;
        foreach (var signUp in buy.ActiveSignUps)
        {
            var line = context.Text("SummaryLine", number++, Html.Escape(signUp.DisplayName), signUp.Quantity,
                PriceText.Format(signUp.Quantity * price, buy.Currency)) + (signUp.Note is { } note ? $" ({Html.Escape(note)})" : "");

            // The summary must fit one message: the live list above keeps every name anyway.
            if (text.Length + line.Length > 3300)
            {
                text.AppendLine(context.Text("SummaryMore", buy.ActiveSignUps.Count() - number + 2));
                break;
            }

            text.AppendLine(line);
        }

        text.AppendLine(context.Text("SummaryTotal", buy.ActiveUnits, Units.Name(context.Language, buy.UnitName, buy.ActiveUnits),
            PriceText.Format(price, buy.Currency), PriceText.Format(buy.ActiveUnits * price, buy.Currency)));
        text.Append(context.Text("SummaryFormedNext", Html.Escape(buy.Organizer.DisplayName)));
        return text.ToString();
    }

    /// <summary>The private confirmation for one participant, in the chat's language.</summary>
    public static string ForParticipant(ChatSettings chat, GroupBuy buy, SignUp signUp)
    {
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);
        var title = Html.Escape(buy.Title);
        var group = Html.Escape(chat.Title ?? "");
        return buy.Status switch
        {
            GroupBuyStatus.Formed => T("DmFormed", buy.Number, title, group, signUp.Quantity, Units.Name(chat.Language, buy.UnitName, signUp.Quantity),
                PriceText.Format(buy.CurrentUnitPrice ?? 0, buy.Currency), PriceText.Format(signUp.Quantity * (buy.CurrentUnitPrice ?? 0), buy.Currency),
                Html.Escape(buy.Organizer.DisplayName)),
            GroupBuyStatus.Failed => T("DmFailed", buy.Number, title, group),
            _ => T("DmCancelled", buy.Number, title, group),
        };
    }

    /// <summary>Members who could not be told privately (they never started the bot) are mentioned in the group.</summary>
    public static string Unreached(Language language, IEnumerable<Member> members) =>
        Texts.Get(language, "SummaryUnreached", string.Join(", ", members.Select(Mention)));

    /// <summary>
    /// Everything a buy's end says to people: a private confirmation to each participant, then the group's summary,
    /// which mentions those the confirmation could not reach.
    /// </summary>
    public static PrivateRound Round(CommandContext context, GroupBuy buy, string summary, int? replyTo) =>
        new(buy.ChatId, buy.ThreadId,
            [.. buy.ActiveSignUps.Select(s => new PrivateMessage(s.UserId, Mention(s.Member), ForParticipant(context.Chat, buy, s)))],
            UnreachedNotice.Around(summary, mentions => summary + "\n\n" + Texts.Get(context.Language, "SummaryUnreached", mentions), replyTo: replyTo));

    public static string Mention(Member member) => $"<a href=\"tg://user?id={member.UserId}\">{Html.Escape(member.DisplayName)}</a>";
}
