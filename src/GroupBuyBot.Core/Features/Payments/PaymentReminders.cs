using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Payments;

/// <summary>
/// Once the time of day an organizer set has come (in the chat's time zone), members who still owe money are reminded
/// privately: at most once per day each, never in the group. Members who said they paid are not reminded.
/// </summary>
public sealed class PaymentReminders(IGroupBuyStore store, IChatStore chats, TimeProvider time)
{
    /// <returns>How many members were reminded (the reminders are stored to be sent).</returns>
    public async Task<int> RemindDue(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reminded = 0;
        foreach (var found in await store.ListAwaitingPayment(ct))
        {
            var context = await DeadlineCloser.SystemContext(chats, found, ct);
            var local = TimeZoneInfo.ConvertTime(now, context.Chat.TimeZone);
            if (found.PaymentReminderMinute is not { } minute || local.TimeOfDay.TotalMinutes < minute) continue;
            var dayStart = new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();

            var decided = await store.Decide(context, found.Id, buy =>
            {
                if (buy.PaymentReminderMinute is null) return Outcome.Nothing;
                var due = buy.RemindUnpaid(dayStart, now);
                reminded += due.Count;
                return due.Count == 0 ? Outcome.Nothing : new Outcome
                {
                    Privately = new PrivateRound(buy.ChatId, buy.ThreadId,
                        [.. due.Select(p => new PrivateMessage(p.UserId, ClosingSummary.Mention(p.Member), Text(context, buy, p)))], UnreachedNotice.Silent),
                };
            }, ct);
        }

        return reminded;
    }

    private static string Text(CommandContext context, GroupBuy buy, Payment payment) =>
        context.Text("PaymentReminder", PriceText.Format(payment.Amount, buy.Currency), buy.Number, Html.Escape(buy.Title),
            Html.Escape(context.Chat.Title ?? ""), Html.Escape(buy.Organizer.DisplayName));
}
