using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Features.Ratings;

/// <summary>A buy just marked delivered, in its own chat's context, with the supplier participants may rate.</summary>
public sealed record DeliveredBuy(GroupBuy Buy, CommandContext GroupContext, Supplier? Supplier);

/// <summary>
/// <c>/delivered [#buy]</c>: the organizer or the buy's supplier marks a formed buy delivered, in the group or in a
/// private chat with the bot. Participants may then rate the supplier 1–5; a rating can be changed, never doubled.
/// </summary>
public sealed class DeliveryHandler(IGroupBuyStore buys, ISupplierStore suppliers, IRatingStore ratings, IChatStore chats,
    OrganizerPolicy organizers, TimeProvider time)
{
    public static string RateCallback(long buyId, int stars) => CallbackData.Format(CallbackData.Rating, (char)('0' + stars), buyId);

    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> RatingButtons(long buyId) =>
        [[.. Enumerable.Range(1, 5).Select(stars => new ButtonSpec(stars + "★", RateCallback(buyId, stars)))]];

    /// <summary>In a group: the buy named, else the one replied to, else the chat's only formed buy.</summary>
    public async Task<(DeliveredBuy? Done, Outcome? Problem)> InGroup(CommandContext context, string arguments, CancellationToken ct)
    {
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        GroupBuy? buy;
        if (number is { } n) buy = await buys.FindByNumber(context.ChatId, n, ct);
        else if (context.ReplyToMessageId is { } replyTo && await buys.FindByAnnouncement(context.ChatId, replyTo, ct) is { } replied) buy = replied;
        else
        {
            var formed = await ratings.FormedBuysIn(context.ChatId, ct);
            if (formed.Count > 1) return (null, Outcome.Say(context.Text("DeliveredPick", string.Join(", ", formed.Select(b => "#" + b.Number)))));
            buy = formed.Count == 1 ? formed[0] : null;
        }

        if (buy is null) return (null, Outcome.Say(number is { } missing ? context.Text("BuyNotFound", missing) : context.Text("DeliveredNothing")));
        var supplier = buy.SupplierId is { } id ? await suppliers.Find(id, ct) : null;
        var allowed = buy.Organizer.UserId == context.Actor.UserId || supplier?.UserId == context.Actor.UserId || await organizers.IsOrganizer(context, ct);
        if (!allowed) return (null, Outcome.Say(context.Text("DeliveredNotAllowed")));
        return await Mark(context, buy, supplier, ct);
    }

    /// <summary>In the private chat: among the formed buys the user organizes or supplies (<c>#n</c> narrows them).</summary>
    public async Task<(DeliveredBuy? Done, Outcome? Problem)> InPrivate(CommandContext context, string arguments, CancellationToken ct)
    {
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var candidates = (await ratings.FormedBuysOf(context.Actor.UserId, ct)).Where(b => number is null || b.Number == number).ToList();
        if (candidates.Count == 0) return (null, Outcome.Say(context.Text("DeliveredNothing")));
        if (candidates.Count > 1)
        {
            var list = new List<string>();
            foreach (var b in candidates) list.Add($"#{b.Number} “{Html.Escape(b.Title)}” ({Html.Escape((await chats.Get(b.ChatId, ct)).Title ?? "")})");
            return (null, Outcome.Say(context.Text("DeliveredPick", string.Join(", ", list))));
        }

        var buy = candidates[0];
        var supplier = buy.SupplierId is { } id ? await suppliers.Find(id, ct) : null;
        return await Mark(context, buy, supplier, ct);
    }

    /// <summary>A participant tapped a star button (in the group or privately).</summary>
    /// <param name="messageChatId">Where the button was: the buy's group, or the participant's own private chat.</param>
    public async Task<string> Rate(Member actor, long messageChatId, long buyId, int stars, CancellationToken ct)
    {
        var buy = await buys.Find(buyId, ct);
        var chat = await chats.Get(buy?.ChatId ?? messageChatId, ct);
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);

        // Buttons are only honoured where they were sent: the buy's group or the rater's own private chat.
        if (buy is null || stars is < 1 or > 5 || (messageChatId != buy.ChatId && messageChatId != actor.UserId)) return T("CallbackInvalid");
        if (buy is not { Status: GroupBuyStatus.Delivered, SupplierId: { } supplierId }) return T("RateNotDelivered", buy.Number);
        if (buy.ActiveSignUps.All(s => s.UserId != actor.UserId)) return T("RateParticipantsOnly", buy.Number);

        var supplier = await suppliers.Find(supplierId, ct);
        var before = await ratings.Rate(new SupplierRating { BuyId = buyId, UserId = actor.UserId, SupplierId = supplierId, Stars = stars, RatedAt = time.GetUtcNow() }, ct);
        var name = supplier?.Name ?? "";
        return before is { } previous && previous != stars ? T("RateChanged", name, stars, previous) : T("RateThanks", name, stars);
    }

    private async Task<(DeliveredBuy?, Outcome?)> Mark(CommandContext context, GroupBuy located, Supplier? supplier, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var stored = await buys.Change(located.Id, context.RequestId, buy => (Buy: buy, Done: buy.MarkDelivered(now)), ct);
        if (stored.AlreadyApplied) return (null, Outcome.Nothing);
        if (!stored.Found || !stored.Value.Done) return (null, Outcome.Say(context.Text("DeliveredNotFormed", located.Number)));
        var buy = stored.Value.Buy;
        return (new DeliveredBuy(buy, await DeadlineCloser.SystemContext(chats, buy, ct), supplier), null);
    }
}
