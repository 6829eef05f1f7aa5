using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Deadlines;

/// <summary>
/// A reminder before the deadline. It says how many more units are needed to form, or that few places are left;
/// when there is nothing useful to say (the buy closed, the minimum is met and places are plenty) it says nothing.
/// </summary>
public sealed class DeadlineReminder(IGroupBuyStore store, IChatStore chats, TimeProvider time)
{
    /// <param name="scheduledFor">The deadline the reminder was planned for: a reminder of a deadline since moved is stale.</param>
    public async Task<ScheduledOutcome?> Remind(long buyId, DateTimeOffset scheduledFor, CancellationToken ct)
    {
        var buy = await store.Find(buyId, ct);
        if (buy is not { Status: GroupBuyStatus.Open, Deadline: { } deadline } || deadline != scheduledFor) return null;

        var context = await DeadlineCloser.SystemContext(chats, buy, ct);
        var text = Text(context, buy, deadline - time.GetUtcNow());
        return text is null ? null : new ScheduledOutcome(context, Outcome.Say(text));
    }

    public static string? Text(CommandContext context, GroupBuy buy, TimeSpan left)
    {
        var title = Html.Escape(buy.Title);
        var closes = DeadlineText.Format(buy.Deadline!.Value, context.Chat.TimeZone);
        var remaining = Remaining(context, left);
        if (buy.UnitsToForm > 0)
        {
            return context.Text("ReminderMoreToForm", buy.Number, title, remaining, buy.UnitsToForm, Units.Name(context.Language, buy.UnitName, buy.UnitsToForm), closes);
        }

        // "Few" places: at most 3, or a fifth of the capacity for big buys.
        if (buy.Capacity is { } capacity && buy.PlacesLeft is int placesLeft and > 0 && placesLeft <= Math.Max(3, capacity / 5))
        {
            return context.Text("ReminderFewPlaces", buy.Number, title, remaining, placesLeft, closes);
        }

        return null;
    }

    private static string Remaining(CommandContext context, TimeSpan left)
    {
        var hours = (int)Math.Round(left.TotalHours);
        return hours >= 1 ? context.Text("ReminderHours", hours) : context.Text("ReminderMinutes", Math.Max(1, (int)Math.Round(left.TotalMinutes)));
    }
}
