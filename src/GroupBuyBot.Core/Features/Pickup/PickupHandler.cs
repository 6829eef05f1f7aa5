using System.Text;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Pickup;

/// <summary>
/// Where members collect (or delivery): the organizer names the points (<c>/edit pickup 东门快递柜 周六10-12点; 3栋大堂</c>),
/// members choose one (<c>/pickup 2</c>, or a button: asked once, privately when possible, when the buy forms), the order
/// and the export are grouped by point, and <c>/ready</c> tells those who chose a point that it is ready there.
/// </summary>
public sealed class PickupHandler(IGroupBuyStore store, BuyLocator locator, OrganizerPolicy organizers, IChatStore chats)
{
    public const char ChooseAction = 'c';

    /// <summary><c>/pickup [#] [n|name]</c>: choose a point, or see them with a button each.</summary>
    public async Task<Outcome> Choose(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        var (buy, problem) = await LocateAny(context, number, ct);
        if (problem is not null) return problem;
        if (buy!.PickupPoints.Count == 0) return Outcome.Say(context.Text("PickupNone", buy.Number));
        if (rest.Length == 0) return new Outcome { Reply = context.Text("PickupAsk", buy.Number, Html.Escape(buy.Title), List(buy)), Buttons = Buttons(buy) };
        if (Point(buy, rest) is not { } point) return Outcome.Say(context.Text("PickupUnknown", Html.Escape(rest), List(buy)));
        return await Decide(context, buy.Id, point, asToast: false, ct);
    }

    /// <summary>A point's button (under the question, in the group or privately).</summary>
    public async Task<Outcome> FromButton(CommandContext tap, long buyId, int point, CancellationToken ct)
    {
        var found = await store.Find(buyId, ct);
        if (found is null) return new Outcome { Toast = tap.Text("CallbackInvalid") };
        var group = await DeadlineCloser.InBuysChat(chats, found, tap, ct);
        return await Decide(group, buyId, point, asToast: true, ct);
    }

    /// <summary><c>/ready [#] n|name [message]</c> (organizers): those who chose the point hear, privately, that it is ready there.</summary>
    public async Task<Outcome> Ready(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        var (buy, problem) = await LocateAny(context, number, ct);
        if (problem is not null) return problem;
        if (buy!.PickupPoints.Count == 0) return Outcome.Say(context.Text("PickupNone", buy.Number));

        var words = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || Point(buy, words[0]) is not { } point) return Outcome.Say(context.Text("ReadyUsage", List(buy)));
        var note = words.Length > 1 ? "\n" + Html.Escape(words[1]) : "";
        var there = buy.OrderedSignUps.Where(s => buy.PickupOf(s.UserId) == point).DistinctBy(s => s.UserId).ToList();
        if (there.Count == 0) return Outcome.Say(context.Text("ReadyNobody", Html.Escape(buy.PickupPoints[point - 1])));

        var text = context.Text("ReadyMessage", buy.Number, Html.Escape(buy.Title), Html.Escape(buy.PickupPoints[point - 1])) + note;
        return new Outcome
        {
            Privately = new PrivateRound(buy.ChatId, buy.ThreadId,
                [.. there.Select(s => new PrivateMessage(s.UserId, ClosingSummary.Mention(s.Member), text))],
                UnreachedNotice.Around(context.Text("ReadySent", there.Count, Html.Escape(buy.PickupPoints[point - 1])),
                    mentions => context.Text("ReadyUnreached", there.Count, Html.Escape(buy.PickupPoints[point - 1]), mentions) + note, replyTo: context.MessageId)),
        };
    }

    /// <summary>When a buy with several points forms: each member of the order who has not chosen is asked, once, privately.</summary>
    public static IEnumerable<PrivateMessage> Questions(CommandContext context, GroupBuy buy) =>
        buy is { Status: GroupBuyStatus.Formed, PickupPoints.Count: > 1 }
            ? buy.OrderedSignUps.DistinctBy(s => s.UserId).Where(s => buy.PickupOf(s.UserId) == 0)
                .Select(s => new PrivateMessage(s.UserId, ClosingSummary.Mention(s.Member), context.Text("PickupAsk", buy.Number, Html.Escape(buy.Title), List(buy)), Buttons(buy)))
            : [];

    /// <summary>The order's members by point, for the supplier and the organizer: "📍 东门: Bob ×2, Carol ×1".</summary>
    public static string ByPoint(ChatSettings chat, GroupBuy buy)
    {
        if (buy.PickupPoints.Count == 0) return "";
        var text = new StringBuilder();
        for (var point = 0; point <= buy.PickupPoints.Count; point++)
        {
            var there = buy.OrderedSignUps.Where(s => buy.PickupOf(s.UserId) == point).ToList();
            if (there.Count == 0) continue;
            var name = point == 0 ? Texts.Get(chat.Language, "PickupNotChosen") : Html.Escape(buy.PickupPoints[point - 1]);
            var members = string.Join(", ", there.Select(s => $"{Html.Escape(s.DisplayName)} ×{s.Quantity}" + (buy.OptionOf(s.Option) is { } o ? $" {Html.Escape(o.Name)}" : "")));
            text.Append("📍 ").Append(name).Append(" (").Append(there.Sum(s => s.Quantity)).Append("): ").Append(members).Append('\n');
        }

        return text.ToString();
    }

    public static string List(GroupBuy buy) => string.Join("\n", buy.PickupPoints.Select((p, i) => $"{i + 1}. {Html.Escape(p)}"));

    private async Task<Outcome> Decide(CommandContext context, long buyId, int point, bool asToast, CancellationToken ct) =>
        await store.Decide(context, buyId, buy =>
        {
            if (buy.Status is GroupBuyStatus.Cancelled or GroupBuyStatus.Failed) return Say(context.Text("CallbackNotOpen"), asToast);
            if (!buy.ChoosePickup(context.Actor.UserId, point)) return Say(context.Text("PickupNotSignedUp", buy.Number), asToast);
            return Say(context.Text("PickupChosen", Html.Escape(context.Actor.DisplayName), Html.Escape(buy.PickupPoints[point - 1]), buy.Number), asToast);
        }, ct) ?? Say(context.Text("CallbackInvalid"), asToast);

    private static Outcome Say(string text, bool asToast) => asToast ? new Outcome { Toast = Html.Plain(text) } : Outcome.Say(text);

    private static IReadOnlyList<IReadOnlyList<ButtonSpec>> Buttons(GroupBuy buy) =>
        [.. buy.PickupPoints.Select((p, i) => (IReadOnlyList<ButtonSpec>)[new ButtonSpec($"📍 {(p.Length > 40 ? p[..39] + "…" : p)}", CallbackData.Format(CallbackData.Pickup, ChooseAction, buy.Id, i + 1))])];

    /// <summary>"2", or the start of a point's name ("东门").</summary>
    private static int? Point(GroupBuy buy, string text)
    {
        text = text.Trim();
        if (Numbers.TryParseInt(text, out var n)) return n >= 1 && n <= buy.PickupPoints.Count ? n : null;
        var index = buy.PickupPoints.ToList().FindIndex(p => p.StartsWith(text, StringComparison.OrdinalIgnoreCase) || p.Contains(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + 1 : null;
    }

    /// <summary>Open or formed: the buy named, replied to, the chat's only open one, or else its newest.</summary>
    private async Task<(GroupBuy?, Outcome?)> LocateAny(CommandContext context, int? number, CancellationToken ct)
    {
        var (buy, problem) = await locator.Locate(context, number, "/pickup", ct);
        if (buy is not null || number is not null) return (buy, problem);
        var newest = await store.FindNewest(context.ChatId, ct);
        return newest is { Status: GroupBuyStatus.Formed or GroupBuyStatus.Delivered } ? (newest, null) : (null, problem);
    }
}
