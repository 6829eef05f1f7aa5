using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Sharing;

/// <summary>
/// <c>/share [#]</c>: an organizer shares an open buy with every group linked to this one. One buy, one capacity, one
/// minimum and one waiting list; each group gets its own list (its members by name, the other groups as totals).
/// </summary>
public sealed class ShareHandler(IGroupBuyStore buys, IChatLinkStore links, BuyLocator locator, OrganizerPolicy organizers, TimeProvider time)
{
    public async Task<Outcome> Share(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (found, problem) = await locator.Locate(context, number, "/share", ct);
        if (problem is not null) return problem;
        var buy = found!;
        if (buy.Status != GroupBuyStatus.Open) return Outcome.Say(context.Text("ShareNotOpen", buy.Number));

        var linked = await links.ListLinked(context.ChatId, ct);
        if (linked.Count == 0) return Outcome.Say(context.Text("ShareNoLinks"));
        var targets = new List<(long ChatId, string Title, int Number)>();
        foreach (var link in linked.Where(l => !buy.IsIn(l.OtherOf(context.ChatId))))
        {
            var other = link.OtherOf(context.ChatId);
            targets.Add((other, link.TitleOf(other), await buys.NextNumber(other, ct)));
        }

        if (targets.Count == 0) return Outcome.Say(context.Text("ShareAlready", buy.Number));
        var now = time.GetUtcNow();
        var ownTitle = context.Chat.Title ?? linked[0].TitleOf(context.ChatId);
        return await buys.Decide(context, buy.Id, b =>
        {
            var shared = targets.Where(t => b.ShareWith(t.ChatId, t.Number, t.Title, ownTitle, now)).ToList();
            if (shared.Count == 0) return Outcome.Say(context.Text(b.Status == GroupBuyStatus.Open ? "ShareAlready" : "ShareNotOpen", b.Number));
            return new Outcome
            {
                Reply = context.Text("Shared", b.Number, Html.Escape(b.Title), string.Join(", ", shared.Select(t => Html.Escape(t.Title)))),
                SharedLists = [.. shared.Select(t => new SharedList(b.Id, t.ChatId))],
                RefreshBuyId = b.Id,
            };
        }, ct) ?? Outcome.Say(context.Text("BuyNotFound", buy.Number));
    }
}
