using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features;

/// <summary>
/// Finds the buy a request is about: the number it names, else the announcement it replies to,
/// else the chat's only open buy. With several open and no hint, the member is asked to say which.
/// Organizers' commands find only the chat's own buys; signing up also finds buys other groups shared with it.
/// </summary>
public sealed class BuyLocator(IGroupBuyStore store)
{
    /// <returns>The buy, or an outcome explaining why none was chosen.</returns>
    public Task<(GroupBuy? Buy, Outcome? Problem)> Locate(CommandContext context, int? number, string exampleCommand, CancellationToken ct) =>
        Locate(context, number, exampleCommand, sharedToo: false, ct);

    /// <summary>Like <see cref="Locate(CommandContext, int?, string, CancellationToken)"/>, buys shared with the chat included.</summary>
    public Task<(GroupBuy? Buy, Outcome? Problem)> LocateToSignUp(CommandContext context, int? number, string exampleCommand, CancellationToken ct) =>
        Locate(context, number, exampleCommand, sharedToo: true, ct);

    private async Task<(GroupBuy? Buy, Outcome? Problem)> Locate(CommandContext context, int? number, string exampleCommand, bool sharedToo, CancellationToken ct)
    {
        if (number is { } n)
        {
            var byNumber = sharedToo ? await store.FindByNumberIn(context.ChatId, n, ct) : await store.FindByNumber(context.ChatId, n, ct);
            return byNumber is null ? (null, Outcome.Say(context.Text("BuyNotFound", n))) : (byNumber, null);
        }

        if (context.ReplyToMessageId is { } replyTo
            && (sharedToo ? await store.FindByListIn(context.ChatId, replyTo, ct) : await store.FindByAnnouncement(context.ChatId, replyTo, ct)) is { } replied)
        {
            return (replied, null);
        }

        var open = sharedToo ? await store.ListOpenIn(context.ChatId, ct) : await store.ListOpen(context.ChatId, ct);
        return open.Count switch
        {
            0 => (null, Outcome.Say(context.Text("NoOpenBuys"))),
            1 => (open[0], null),
            _ => (null, Outcome.Say(context.Text("PickBuy", $"{exampleCommand} #{open[0].NumberIn(context.ChatId)}", ListText(context, open)))),
        };
    }

    public static string ListText(CommandContext context, IEnumerable<GroupBuy> buys) => string.Join('\n', buys.Select(b =>
        context.Text("BuyLine", b.NumberIn(context.ChatId), Html.Escape(b.Title), b.ActiveUnits,
            b.Deadline is { } d ? context.Text("ListDeadline", Parsing.DeadlineText.Format(d, context.Chat.TimeZone)) : "")));
}
