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
        if (buy.Status != GroupBuyStatus.Formed)
        {
            var refunds = Payments.PaymentInvoices.RefundsLine(context, buy) is { } line ? "\n" + line : "";
            return headline + (buy.Status == GroupBuyStatus.Failed ? "\n" + context.Text("SummaryFailedNext") : "") + refunds;
        }

        if (buy.HasOptions) return ForGroupByOption(context, buy, headline);

        var price = buy.CurrentUnitPrice ?? 0;
        var text = new StringBuilder(headline).Append("\n\n");
        var number = 1;
        foreach (var signUp in buy.ActiveSignUps.Where(s => IsOwn(context, buy, s)))
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

        AppendGroups(text, context, buy);
        text.AppendLine(context.Text("SummaryTotal", buy.ActiveUnits, Units.Name(context.Language, buy.UnitName, buy.ActiveUnits),
            PriceText.Format(price, buy.Currency), PriceText.Format(buy.ActiveUnits * price, buy.Currency)));
        text.Append(context.Text("SummaryFormedNext", Html.Escape(buy.Organizer.DisplayName)));
        return text.ToString();
    }

    /// <summary>A formed buy with options: each option's subtotal and members (or that it did not form), then the total.</summary>
    private static string ForGroupByOption(CommandContext context, GroupBuy buy, string headline)
    {
        var text = new StringBuilder(headline).Append('\n');
        foreach (var option in buy.Options)
        {
            var units = buy.UnitsIn(option.Number);
            if (units == 0) continue;
            var unit = Units.Name(context.Language, buy.UnitName, units);
            text.Append('\n');
            if (!buy.Forms(option.Number))
            {
                text.AppendLine(context.Text("SummaryOptionNotFormed", Html.Escape(option.Name), units, unit, buy.MinUnits));
                continue;
            }

            var price = buy.UnitPriceIn(option.Number) ?? 0;
            text.AppendLine(context.Text("SummaryOption", Html.Escape(option.Name), units, unit, PriceText.Format(price, buy.Currency), PriceText.Format(units * price, buy.Currency)));
            var number = 1;
            foreach (var signUp in buy.ActiveSignUps.Where(s => s.Option == option.Number && IsOwn(context, buy, s)))
            {
                if (text.Length > 3000)
                {
                    text.AppendLine(context.Text("SummaryMore", buy.ActiveSignUps.Count(s => s.Option == option.Number) - number + 1));
                    break;
                }

                text.AppendLine(context.Text("SummaryLine", number++, Html.Escape(signUp.DisplayName), signUp.Quantity, PriceText.Format(buy.AmountOf(signUp), buy.Currency))
                    + (signUp.Note is { } note ? $" ({Html.Escape(note)})" : ""));
            }
        }

        text.Append('\n');
        AppendGroups(text, context, buy);
        text.AppendLine(context.Text("SummaryGrandTotal", buy.OrderedUnits, Units.Name(context.Language, buy.UnitName, buy.OrderedUnits),
            PriceText.Format(buy.OrderedAmount, buy.Currency)));
        text.Append(context.Text("SummaryFormedNext", Html.Escape(buy.Organizer.DisplayName)));
        return text.ToString();
    }

    /// <summary>A group sees its own members by name; a shared buy's other groups only as totals.</summary>
    private static bool IsOwn(CommandContext context, GroupBuy buy, SignUp signUp) => buy.IsNamedIn(context.ChatId, signUp);

    private static void AppendGroups(StringBuilder text, CommandContext context, GroupBuy buy)
    {
        if (Listing.GroupBuyListText.ByGroupLine(buy, context.Language) is { } line) text.AppendLine(line);
    }

    /// <summary>The private confirmation for one participant (their sign-ups, one per option), in the chat's language.</summary>
    public static string ForParticipant(ChatSettings chat, GroupBuy buy, IReadOnlyList<SignUp> theirs)
    {
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);
        var title = Html.Escape(buy.Title);
        var group = Html.Escape(chat.Title ?? "");
        if (buy.HasOptions && buy.Status == GroupBuyStatus.Formed && theirs.Any(s => buy.Forms(s.Option)))
        {
            var share = string.Join(", ", theirs.Select(s =>
            {
                var item = $"{Html.Escape(buy.OptionOf(s.Option)?.Name ?? "?")} ×{s.Quantity}";
                return buy.Forms(s.Option) ? $"{item} ({PriceText.Format(buy.AmountOf(s), buy.Currency)})" : T("DmOptionNotFormed", item);
            }));
            var total = theirs.Where(s => buy.Forms(s.Option)).Sum(buy.AmountOf);
            return T("DmFormedOptions", buy.Number, title, group, share, PriceText.Format(total, buy.Currency), Html.Escape(buy.Organizer.DisplayName));
        }

        var signUp = theirs[0];
        return buy.Status switch
        {
            GroupBuyStatus.Formed when buy.HasOptions => T("DmFailed", buy.Number, title, group),
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
    /// which mentions those the confirmation could not reach. A shared buy has one round per group (this context's
    /// chat): its own members' messages, then its summary.
    /// </summary>
    public static PrivateRound Round(CommandContext context, GroupBuy buy, string summary, int? replyTo)
    {
        PrivateMessage[] messages =
        [
            .. buy.ActiveSignUps.GroupBy(s => s.UserId).Select(member => new PrivateMessage(member.Key, Mention(member.First().Member), ForParticipant(context.Chat, buy, [.. member]),
                buy.Status == GroupBuyStatus.Formed && buy.OrderedSignUps.Any(s => s.UserId == member.Key) ? Recurring.RecurringBuys.TellButton(context, buy) : null)),
            .. Payments.PaymentInvoices.For(context, buy), .. Pickup.PickupHandler.Questions(context, buy),
        ];
        var own = buy.IsShared ? buy.SignUps.Where(s => IsOwn(context, buy, s)).Select(s => s.UserId).ToHashSet() : null;
        return new PrivateRound(context.ChatId, context.ChatId == buy.ChatId ? buy.ThreadId : null,
            [.. messages.Where(m => own is null || own.Contains(m.UserId))],
            UnreachedNotice.Around(summary, mentions => summary + "\n\n" + Texts.Get(context.Language, "SummaryUnreached", mentions), replyTo: replyTo));
    }

    public static string Mention(Member member) => $"<a href=\"tg://user?id={member.UserId}\">{Html.Escape(member.DisplayName)}</a>";
}
