using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Organizing;

/// <summary><c>/close</c> and <c>/cancel</c>: an organizer ends a buy before its deadline.</summary>
public sealed class ClosingHandler(IGroupBuyStore store, BuyLocator locator, OrganizerPolicy organizers, TimeProvider time)
{
    public Task<Outcome> Close(CommandContext context, string arguments, CancellationToken ct) =>
        End(context, arguments, "/close", (buy, now) => buy.Close(now), ct);

    public Task<Outcome> Cancel(CommandContext context, string arguments, CancellationToken ct) =>
        End(context, arguments, "/cancel", (buy, now) => buy.Cancel(now), ct);

    /// <summary>The chat message announcing how a buy ended.</summary>
    public static string EndedText(CommandContext context, GroupBuy buy) => Deadlines.ClosingSummary.ForGroup(context, buy, Headline(context, buy));

    private static string Headline(CommandContext context, GroupBuy buy) => buy.Status switch
    {
        GroupBuyStatus.Formed => context.Text("ClosedFormed", buy.Number, Html.Escape(buy.Title), buy.ActiveUnits,
            SignUps.SignUpHandler.UnitName(context, buy, buy.ActiveUnits), PriceText.Format(buy.CurrentUnitPrice ?? 0, buy.Currency)),
        GroupBuyStatus.Failed => context.Text("ClosedFailed", buy.Number, Html.Escape(buy.Title), buy.ActiveUnits, buy.MinUnits),
        _ => context.Text("Cancelled", buy.Number, Html.Escape(buy.Title)),
    };

    private async Task<Outcome> End(CommandContext context, string arguments, string example, Func<GroupBuy, DateTimeOffset, bool> end, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (located, problem) = await locator.Locate(context, number, example, ct);
        if (problem is not null) return problem;

        var now = time.GetUtcNow();
        var decided = await store.Decide(context, located!.Id, buy => end(buy, now)
            ? new Outcome { Reply = EndedText(context, buy), RefreshBuyId = buy.Id, Ended = buy }
            : Outcome.Say(context.Text("NotOpen", buy.Number)), ct);
        return decided ?? Outcome.Say(context.Text("BuyNotFound", located.Number));
    }
}
