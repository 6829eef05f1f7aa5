using System.Globalization;
using System.Text;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Payments;

/// <summary>
/// Who has paid a formed buy. Members mostly transfer money outside the bot: they say so (<c>/paid</c>, or "已付款" under
/// the list) and an organizer confirms it (<c>/paid @member</c>, or a button in the private view). <c>/payments</c> sends that
/// view to the organizer privately: the group only hears counts, so nobody is shamed in front of the neighbours.
/// </summary>
public sealed class PaymentsHandler(IGroupBuyStore store, OrganizerPolicy organizers, IChatStore chats, InvoiceSettings invoices, TimeProvider time)
{
    public const char MarkPaidAction = 'p';
    private const int MaxButtons = 40;

    /// <summary>
    /// <c>/payments [#] [remind HH:MM|off | online | manual]</c> (organizers): the private view; when unpaid members are
    /// reminded; whether the buy takes payments by Telegram invoice.
    /// </summary>
    public async Task<Outcome> Overview(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var words = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && ParseMode(words[0]) is { } mode) return await SetMode(context, number, mode, null, ct);
        if (words.Length > 0 && words[0].ToLowerInvariant() is "deposit" or "定金" or "订金")
        {
            var percent = words.Length > 1 && Numbers.TryParseInt(words[1].TrimEnd('%', '％'), out var p) && p is >= 1 and <= 99 ? p : (int?)null;
            return percent is null ? Outcome.Say(context.Text("PaymentsUsage")) : await SetMode(context, number, PaymentMode.Online, percent, ct);
        }


        var (buy, problem) = await Locate(context, number, "/payments", ct);
        if (problem is not null) return problem;
        if (words.Length > 0)
        {
            if (words[0].ToLowerInvariant() is not ("remind" or "reminder" or "提醒")) return Outcome.Say(context.Text("PaymentsUsage"));
            if (!TryParseReminder(words.Length > 1 ? words[1] : "", out var minute)) return Outcome.Say(context.Text("PaymentsUsage"));
            return await store.Decide(context, buy!.Id, b =>
            {
                b.SetPaymentReminder(minute);
                return Outcome.Say(minute is { } m
                    ? context.Text("PaymentsReminderSet", b.Number, $"{m / 60:00}:{m % 60:00}")
                    : context.Text("PaymentsReminderOff", b.Number));
            }, ct) ?? Outcome.Say(context.Text("BuyNotFound", buy.Number));
        }

        var counts = context.Text("PaymentsCounts", buy!.Number, buy.Payments.Count(p => p.Status == PaymentStatus.Paid), buy.Payments.Count);
        var organizer = context.Actor;
        return new Outcome
        {
            Privately = new PrivateRound(buy.ChatId, buy.ThreadId,
                [new PrivateMessage(organizer.UserId, ClosingSummary.Mention(organizer), View(context, buy), ViewButtons(buy))],
                UnreachedNotice.Around(context.Text("PaymentsSentPrivately", Html.Escape(organizer.DisplayName)) + " " + counts,
                    mentions => context.Text("PaymentsUnreachable", mentions), replyTo: context.MessageId)),
        };
    }

    /// <summary>Before the buy forms: members will get a Telegram invoice each (online), or pay outside the bot (manual).</summary>
    private async Task<Outcome> SetMode(CommandContext context, int? number, PaymentMode mode, int? depositPercent, CancellationToken ct)
    {
        var (located, problem) = await new BuyLocator(store).Locate(context, number, "/payments", ct);
        if (problem is not null) return problem;
        if (mode == PaymentMode.Online && !invoices.CanInvoice(located!.Currency)) return Outcome.Say(context.Text("PaymentsOnlineUnavailable"));
        return await store.Decide(context, located!.Id, buy =>
        {
            if (buy.Status != GroupBuyStatus.Open) return Outcome.Say(ClosingHandler.NotOpenText(context, buy));
            if (depositPercent is not null && buy.ActiveSignUps.Any()) return Outcome.Say(context.Text("PaymentsDepositAfterSignUps", buy.Number));
            buy.SetPaymentMode(mode, depositPercent);
            var said = depositPercent is { } percent ? context.Text("PaymentsDepositSet", buy.Number, percent)
                : context.Text(mode == PaymentMode.Online ? "PaymentsOnlineSet" : "PaymentsManualSet", buy.Number);
            return new Outcome { Reply = said, RefreshBuyId = buy.Id };
        }, ct) ?? Outcome.Say(context.Text("BuyNotFound", located.Number));
    }

    /// <summary>
    /// Telegram asks, before charging, whether a payment may go ahead (within 10 seconds): the buy formed, the member owes
    /// this payment, and the amount and currency are the ones owed. Reads only.
    /// </summary>
    /// <returns>Null: go ahead; otherwise why not, in the buy's chat's language.</returns>
    public async Task<string?> CheckBeforePaying(long userId, string? payload, string currency, long totalMinor, CancellationToken ct)
    {
        if (!PaymentInvoices.TryRead(payload, out var buyId, out var member, out var stage) || member != userId
            || await store.Find(buyId, ct) is not { } buy)
        {
            return Localization.Texts.Get(Localization.Language.En, "InvoiceInvalid"); // no buy to take a language from
        }

        var context = await DeadlineCloser.SystemContext(chats, buy, ct);
        var payment = buy.Payments.FirstOrDefault(p => p.UserId == userId && p.Stage == stage);
        var takesIt = stage == PaymentStage.Deposit ? buy.Status == GroupBuyStatus.Open : buy.Status is GroupBuyStatus.Formed or GroupBuyStatus.Delivered;
        if (!takesIt || payment is null) return context.Text("InvoiceBuyNotValid", buy.Number);
        if (payment.Status is not (PaymentStatus.Due or PaymentStatus.Claimed)) return context.Text("InvoiceAlreadyPaid", buy.Number);
        if (currency != buy.Currency || totalMinor != PaymentInvoices.MinorUnits(payment.Amount, buy.Currency)) return context.Text("InvoiceAmountChanged", buy.Number);
        return null;
    }

    /// <summary>
    /// Telegram took a member's money: the payment is recorded once, keyed by Telegram's charge id (the same message
    /// arriving again changes nothing), and the member gets a receipt in their private chat.
    /// </summary>
    public async Task<Outcome> Received(CommandContext privately, string? payload, string chargeId, string? providerChargeId, CancellationToken ct)
    {
        if (!PaymentInvoices.TryRead(payload, out var buyId, out var member, out var stage) || member != privately.Actor.UserId
            || await store.Find(buyId, ct) is not { } found)
        {
            return Outcome.Say(privately.Text("InvoiceInvalid"));
        }

        var group = await DeadlineCloser.InBuysChat(chats, found, privately, ct);
        return await store.Decide(group, buyId, buy =>
        {
            var method = buy.Currency == InvoiceSettings.Stars ? "Telegram Stars" : "Telegram";
            var result = buy.RecordTelegramPayment(member, stage, method, chargeId, providerChargeId, time.GetUtcNow());
            var payment = buy.Payments.FirstOrDefault(p => p.UserId == member && p.Stage == stage);
            var amount = payment is null ? "" : PaymentInvoices.Shown(payment.Amount, buy.Currency);
            var receipt = result switch
            {
                PaymentResult.Recorded => group.Text("InvoicePaid", amount, buy.Number, Html.Escape(buy.Title)),
                PaymentResult.AlreadyRecorded => null, // the same payment, told again: it was answered the first time
                _ => group.Text("InvoicePaidTwice", buy.Number, Html.Escape(buy.Organizer.DisplayName)),
            };
            return receipt is null ? Outcome.Nothing : new Outcome { Notices = [new ChatNotice(member, null, receipt)] };
        }, ct) ?? Outcome.Say(privately.Text("InvoiceInvalid"));
    }

    private static PaymentMode? ParseMode(string word) => word.ToLowerInvariant() switch
    {
        "online" or "invoice" or "invoices" or "telegram" or "在线" or "线上" => PaymentMode.Online,
        "manual" or "offline" or "transfer" or "手动" or "线下" => PaymentMode.Manual,
        _ => null,
    };

    /// <summary>
    /// <c>/paid [#] [@member] [how]</c>: an organizer naming a member (or replying to them) records that member's payment;
    /// anyone else, or an organizer naming nobody, says they paid themselves.
    /// </summary>
    public async Task<Outcome> Paid(CommandContext context, string arguments, Member? repliedMember, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (located, problem) = await Locate(context, number, "/paid", ct);
        if (problem is not null) return problem;

        var (username, how) = SplitMention(rest);
        if (username is null && repliedMember is null) return await Claim(context, located!.Id, how, ct);
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);

        return await store.Decide(context, located!.Id, buy =>
        {
            var member = repliedMember ?? PayerNamed(buy, username);
            if (member is null) return Outcome.Say(context.Text("PaymentsNoSuchMember", Html.Escape("@" + username), buy.Number));
            return Said(context, buy, member, buy.MarkPaid(member.UserId, how, context.Actor.UserId, time.GetUtcNow()), asToast: false);
        }, ct) ?? Outcome.Say(context.Text("BuyNotFound", located.Number));
    }

    /// <summary>A member says they paid (a command, or a reply under the list): the organizer is told privately, to confirm.</summary>
    public async Task<Outcome> Claim(CommandContext context, long buyId, string? how, CancellationToken ct) =>
        await store.Decide(context, buyId, buy =>
        {
            var result = buy.ClaimPaid(context.Actor.UserId, how, time.GetUtcNow());
            var said = Said(context, buy, context.Actor, result, asToast: false);
            if (result != PaymentResult.Recorded) return said;
            var payment = buy.OpenPaymentOf(context.Actor.UserId)!;
            var ask = context.Text("PaymentClaimedOrganizer", Html.Escape(context.Actor.DisplayName), buy.Number, Html.Escape(buy.Title),
                PriceText.Format(payment.Amount, buy.Currency), Html.Escape(payment.Method ?? "—"));
            return said with
            {
                Privately = new PrivateRound(buy.ChatId, buy.ThreadId,
                    [new PrivateMessage(buy.Organizer.UserId, ClosingSummary.Mention(buy.Organizer), ask, [[MarkButton(context, buy, payment)]])],
                    UnreachedNotice.Silent),
            };
        }, ct) ?? Outcome.Say(context.Text("BuyNotFound", "?"));

    /// <summary>
    /// An organizer tapped "✅ name" in their private view (or under a member's claim): the payment is recorded and the
    /// view shows it.
    /// </summary>
    /// <param name="tapped">The private message the button was under, rewritten as the view now stands.</param>
    public async Task<Outcome> MarkFromButton(CommandContext tap, long buyId, long memberUserId, MessageEdit tapped, CancellationToken ct)
    {
        var found = await store.Find(buyId, ct);
        if (found is null) return new Outcome { Toast = tap.Text("CallbackInvalid") };
        var actor = tap.Actor;
        var group = await DeadlineCloser.InBuysChat(chats, found, tap, ct);
        if (!await organizers.IsOrganizer(group, ct)) return new Outcome { Toast = group.Text("OrganizersOnly") };

        return await store.Decide(group, buyId, buy =>
        {
            var payment = buy.OpenPaymentOf(memberUserId);
            var member = payment?.Member ?? buy.Payments.FirstOrDefault(p => p.UserId == memberUserId)?.Member;
            var result = buy.MarkPaid(memberUserId, null, actor.UserId, time.GetUtcNow());
            var toast = member is null ? group.Text("CallbackInvalid") : Said(group, buy, member, result, asToast: true).Toast;
            return new Outcome { Toast = toast, Edit = tapped with { Text = View(group, buy), Buttons = ViewButtons(buy) } };
        }, ct) ?? new Outcome { Toast = group.Text("CallbackInvalid") };
    }

    /// <summary><c>/refunded [#] @member</c> (organizers): the member's money was given back.</summary>
    public async Task<Outcome> Refunded(CommandContext context, string arguments, Member? repliedMember, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (located, problem) = await Locate(context, number, "/refunded", ct);
        if (problem is not null) return problem;
        var (username, _) = SplitMention(rest);
        if (username is null && repliedMember is null) return Outcome.Say(context.Text("RefundedUsage"));

        return await store.Decide(context, located!.Id, buy =>
        {
            var member = repliedMember ?? PayerNamed(buy, username);
            if (member is null) return Outcome.Say(context.Text("PaymentsNoSuchMember", Html.Escape("@" + username), buy.Number));
            return Said(context, buy, member, buy.MarkRefunded(member.UserId), asToast: false, refund: true);
        }, ct) ?? Outcome.Say(context.Text("BuyNotFound", located.Number));
    }

    /// <summary>The organizer's private view: totals, then each member with what they owe and where it stands.</summary>
    public static string View(CommandContext context, GroupBuy buy)
    {
        var paid = buy.Payments.Where(p => p.Status == PaymentStatus.Paid).ToList();
        var text = new StringBuilder(context.Text("PaymentsViewHeader", buy.Number, Html.Escape(buy.Title), Html.Escape(context.Chat.Title ?? ""))).Append('\n');
        text.Append(context.Text("PaymentsViewTotals", paid.Count, buy.Payments.Count, PriceText.Format(paid.Sum(p => p.Amount), buy.Currency),
            PriceText.Format(buy.Payments.Where(p => p.Status != PaymentStatus.Refunded).Sum(p => p.Amount), buy.Currency))).Append('\n');
        foreach (var payment in buy.Payments.OrderBy(p => p.Status).ThenBy(p => p.DisplayName, StringComparer.Ordinal))
        {
            var how = payment.Method is { } method ? $" ({Html.Escape(method)})" : "";
            var key = payment.Status switch
            {
                PaymentStatus.Paid => "PaymentsLinePaid",
                PaymentStatus.Claimed => "PaymentsLineClaimed",
                PaymentStatus.Refunded => "PaymentsLineRefunded",
                PaymentStatus.RefundDue => "PaymentsLineRefundDue",
                _ => "PaymentsLineDue",
            };
            text.Append(context.Text(key, Html.Escape(payment.DisplayName), PriceText.Format(payment.Amount, buy.Currency), how)).Append('\n');
        }

        text.Append(buy.PaymentReminderMinute is { } minute
            ? context.Text("PaymentsViewReminder", $"{minute / 60:00}:{minute % 60:00}")
            : context.Text("PaymentsViewNoReminder"));
        return text.ToString();
    }

    private static IReadOnlyList<IReadOnlyList<ButtonSpec>> ViewButtons(GroupBuy buy) =>
        [.. buy.Payments.Where(p => p.Status is PaymentStatus.Due or PaymentStatus.Claimed).Take(MaxButtons)
            .Select(p => (IReadOnlyList<ButtonSpec>)[MarkButton(null, buy, p)])];

    private static ButtonSpec MarkButton(CommandContext? context, GroupBuy buy, Payment payment) =>
        new($"✅ {payment.DisplayName} {PriceText.Format(payment.Amount, buy.Currency)}", CallbackData.Format(CallbackData.Payment, MarkPaidAction, buy.Id, payment.UserId));

    private static Outcome Said(CommandContext context, GroupBuy buy, Member member, PaymentResult result, bool asToast, bool refund = false)
    {
        var name = Html.Escape(member.DisplayName);
        var payment = buy.Payments.Where(p => p.UserId == member.UserId).OrderByDescending(p => p.PaidAt ?? p.ClaimedAt ?? p.CreatedAt).FirstOrDefault();
        var amount = payment is null ? "" : PriceText.Format(payment.Amount, buy.Currency);
        var text = result switch
        {
            PaymentResult.Recorded when refund => context.Text("PaymentRefunded", name, buy.Number),
            PaymentResult.Recorded when payment?.Status == PaymentStatus.Claimed => context.Text("PaymentClaimed", name, buy.Number, amount),
            PaymentResult.Recorded => context.Text("PaymentRecorded", name, buy.Number, amount),
            PaymentResult.AlreadyPaid => context.Text("PaymentAlreadyPaid", name, buy.Number),
            PaymentResult.AlreadyClaimed => context.Text("PaymentAlreadyClaimed", name, buy.Number),
            PaymentResult.NotPaid => context.Text("PaymentNotPaid", name, buy.Number),
            _ => context.Text("PaymentNothingOwed", name, buy.Number),
        };
        return asToast ? new Outcome { Toast = Html.Plain(text) } : Outcome.Say(text);
    }

    /// <summary>The buy named, or replied to, or else the chat's newest buy that has payments.</summary>
    private async Task<(GroupBuy? Buy, Outcome? Problem)> Locate(CommandContext context, int? number, string example, CancellationToken ct)
    {
        GroupBuy? buy = null;
        if (number is { } n) buy = await store.FindByNumber(context.ChatId, n, ct);
        else if (context.ReplyToMessageId is { } replyTo) buy = await store.FindByAnnouncement(context.ChatId, replyTo, ct);
        if (number is not null && buy is null) return (null, Outcome.Say(context.Text("BuyNotFound", number)));
        if (buy is null)
        {
            var withPayments = await store.ListWithPayments(context.ChatId, ct);
            if (withPayments.Count > 1) return (null, Outcome.Say(context.Text("PaymentsPickBuy", $"{example} #{withPayments[0].Number}", string.Join(", ", withPayments.Select(b => "#" + b.Number)))));
            buy = withPayments.Count == 1 ? withPayments[0] : null;
        }

        if (buy is null || buy.Payments.Count == 0) return (null, Outcome.Say(context.Text("PaymentsNone")));
        return (buy, null);
    }

    /// <summary>The member of the buy's payments with this username (without "@").</summary>
    private static Member? PayerNamed(GroupBuy buy, string? username) =>
        buy.Payments.FirstOrDefault(p => string.Equals(p.Username, username, StringComparison.OrdinalIgnoreCase))?.Member;

    /// <summary>"@bob WeChat" → ("bob", "WeChat"); "WeChat" → (null, "WeChat").</summary>
    private static (string? Username, string? How) SplitMention(string text)
    {
        text = text.Trim();
        if (!text.StartsWith('@')) return (null, text.Length > 0 ? text : null);
        var end = text.IndexOfAny([' ', '\t', '\n']);
        var username = end < 0 ? text[1..] : text[1..end];
        var how = end < 0 ? null : text[end..].Trim();
        return (username, string.IsNullOrEmpty(how) ? null : how);
    }

    /// <summary>"20:00", "8:30", "off" (null).</summary>
    private static bool TryParseReminder(string text, out int? minute)
    {
        minute = null;
        text = Numbers.FoldWidth(text).Trim().ToLowerInvariant();
        if (text is "off" or "none" or "关" or "关闭" or "no") return true;
        var parts = text.Replace('点', ':').TrimEnd(':').Split(':');
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours > 23) return false;
        var minutes = 0;
        if (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes > 59)) return false;
        minute = hours * 60 + minutes;
        return true;
    }
}
