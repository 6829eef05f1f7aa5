using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Listing;

/// <summary><c>/buys</c>: the chat's open group buys, and those other groups shared with it.</summary>
public sealed class BuysQuery(IGroupBuyStore store)
{
    public async Task<Outcome> Handle(CommandContext context, CancellationToken ct)
    {
        var open = await store.ListOpenIn(context.ChatId, ct);
        return open.Count == 0
            ? Outcome.Say(context.Text("NoOpenBuys"))
            : Outcome.Say(context.Text("BuysHeader") + "\n" + BuyLocator.ListText(context, open));
    }
}
