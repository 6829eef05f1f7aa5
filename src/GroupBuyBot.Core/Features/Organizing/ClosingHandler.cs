using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Organizing;

/// <summary>
/// <c>/close</c> and <c>/cancel</c>: an organizer ends a buy before its deadline. Racing the deadline job, exactly one
/// of them ends the buy (the store's transaction); a command that lost says the buy already closed at its deadline.
/// </summary>
public sealed class ClosingHandler(IGroupBuyStore store, BuyLocator locator, OrganizerPolicy organizers, TimeProvider time)
{
    public Task<Outcome> Close(CommandContext context, string arguments, CancellationToken ct) =>
        End(context, arguments, "/close", (buy, now) => buy.Close(now), ct);

    public Task<Outcome> Cancel(CommandContext context, string arguments, CancellationToken ct) =>
        End(context, arguments, "/cancel", (buy, now) => buy.Cancel(now), ct);

    /// <summary>The chat message announcing how a buy ended.</summary>
    public static string EndedText(CommandContext context, GroupBuy buy) => Deadlines.ClosingSummary.ForGroup(context, buy, Headline(context, buy));

    /// <summary>
    /// The answer to an organizer's command (<c>/close</c>, <c>/cancel</c>, <c>/extend</c>, <c>/edit</c>) that found the buy
    /// no longer open. When its deadline closed it (typically the deadline job won a race with this command), say so,
    /// and whether it formed or failed: "no longer open" alone would leave the organizer guessing what happened.
    /// </summary>
    public static string NotOpenText(CommandContext context, GroupBuy buy)
    {
        if (!buy.ClosedAtDeadline) return context.Text("NotOpen", buy.Number);
        var deadline = DeadlineText.Format(buy.Deadline!.Value, context.Chat.TimeZone);
        return buy.Status == GroupBuyStatus.Formed
            ? context.Text("ClosedAtDeadlineFormed", buy.Number, Html.Escape(buy.Title), deadline, buy.OrderedUnits,
                SignUps.SignUpHandler.UnitName(context, buy, buy.OrderedUnits), PriceShown(buy))
            : context.Text("ClosedAtDeadlineFailed", buy.Number, Html.Escape(buy.Title), deadline, buy.ActiveUnits, buy.MinUnits);
    }

    /// <summary>The price a closing headline quotes: the one price at its tier, or each option's ("大箱 ¥60, 小箱 ¥35").</summary>
    private static string PriceShown(GroupBuy buy) => buy.HasOptions
        ? string.Join(", ", buy.Options.Where(o => buy.Forms(o.Number) && buy.UnitsIn(o.Number) > 0)
            .Select(o => Html.Escape(o.Name) + " " + PriceText.Format(buy.UnitPriceIn(o.Number) ?? o.Price, buy.Currency)))
        : PriceText.Format(buy.CurrentUnitPrice ?? 0, buy.Currency);

    private static string Headline(CommandContext context, GroupBuy buy) => buy.Status switch
    {
        GroupBuyStatus.Formed => context.Text("ClosedFormed", buy.Number, Html.Escape(buy.Title), buy.OrderedUnits,
            SignUps.SignUpHandler.UnitName(context, buy, buy.OrderedUnits), PriceShown(buy)),
        GroupBuyStatus.Failed => context.Text("ClosedFailed", buy.Number, Html.Escape(buy.Title), buy.ActiveUnits, buy.MinUnits),
        _ => context.Text("Cancelled", buy.Number, Html.Escape(buy.Title)),
    };

    /// <summary>
    /// A bare command that found no open buy because the deadline closed the chat's newest one a moment ago (typed just
    /// before the deadline, arrived just after): say what happened to that buy instead of "no open buy".
    /// </summary>
    private async Task<Outcome?> LostToDeadline(CommandContext context, int? number, DateTimeOffset now, CancellationToken ct)
    {
        if (number is not null || context.ReplyToMessageId is not null) return null;
        var newest = await store.FindNewest(context.ChatId, ct);
        return newest is { ClosedAtDeadline: true, ClosedAt: { } closedAt } && now - closedAt <= RecentDeadline
            && (await store.ListOpen(context.ChatId, ct)).Count == 0
            ? Outcome.Say(NotOpenText(context, newest))
            : null;
    }

    private static readonly TimeSpan RecentDeadline = TimeSpan.FromMinutes(30);

    private async Task<Outcome> End(CommandContext context, string arguments, string example, Func<GroupBuy, DateTimeOffset, bool> end, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (located, problem) = await locator.Locate(context, number, example, ct);
        var now = time.GetUtcNow();
        if (problem is not null) return await LostToDeadline(context, number, now, ct) ?? problem;

        var decided = await store.Decide(context, located!.Id, buy => end(buy, now)
            ? new Outcome { Reply = EndedText(context, buy), RefreshBuyId = buy.Id, Ended = buy }
            : Outcome.Say(NotOpenText(context, buy)), ct);
        return decided ?? Outcome.Say(context.Text("BuyNotFound", located.Number));
    }
}
