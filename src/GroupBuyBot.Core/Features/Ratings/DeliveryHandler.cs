using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Features.Ratings;

/// <summary>
/// <c>/delivered [#buy]</c>: the organizer or the buy's supplier marks a formed buy delivered, in the group or in a
/// private chat with the bot. The group is told; with a supplier, each participant is asked privately to rate it 1–5
/// (those the bot cannot reach are mentioned under one group message with the same buttons). A rating can be changed,
/// never doubled.
/// </summary>
public sealed class DeliveryHandler(IGroupBuyStore buys, ISupplierStore suppliers, IRatingStore ratings, IChatStore chats,
    OrganizerPolicy organizers, TimeProvider time)
{
    public static string RateCallback(long buyId, int stars, int option = 0) => option == 0
        ? CallbackData.Format(CallbackData.Rating, (char)('0' + stars), buyId)
        : CallbackData.Format(CallbackData.Rating, (char)('0' + stars), buyId, option);

    /// <param name="label">Before the first star, naming the option rated (the group's rows for a buy with options).</param>
    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> RatingButtons(long buyId, int option = 0, string? label = null) =>
        [[.. Enumerable.Range(1, 5).Select(stars => new ButtonSpec((stars == 1 && label is not null ? label + " " : "") + stars + "★", RateCallback(buyId, stars, option)))]];

    /// <summary>In a group: the buy named, else the one replied to, else the chat's only formed buy.</summary>
    public async Task<Outcome> InGroup(CommandContext context, string arguments, CancellationToken ct)
    {
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        GroupBuy? buy;
        if (number is { } n) buy = await buys.FindByNumber(context.ChatId, n, ct);
        else if (context.ReplyToMessageId is { } replyTo && await buys.FindByAnnouncement(context.ChatId, replyTo, ct) is { } replied) buy = replied;
        else
        {
            var formed = await ratings.FormedBuysIn(context.ChatId, ct);
            if (formed.Count > 1) return Outcome.Say(context.Text("DeliveredPick", string.Join(", ", formed.Select(b => "#" + b.Number))));
            buy = formed.Count == 1 ? formed[0] : null;
        }

        if (buy is null) return Outcome.Say(number is { } missing ? context.Text("BuyNotFound", missing) : context.Text("DeliveredNothing"));
        var supplier = buy.SupplierId is { } id ? await suppliers.Find(id, ct) : null;
        var allowed = buy.Organizer.UserId == context.Actor.UserId || supplier?.UserId == context.Actor.UserId || await organizers.IsOrganizer(context, ct);
        if (!allowed) return Outcome.Say(context.Text("DeliveredNotAllowed"));
        return await Mark(context, buy, supplier, ct);
    }

    /// <summary>In the private chat: among the formed buys the user organizes or supplies (<c>#n</c> narrows them).</summary>
    public async Task<Outcome> InPrivate(CommandContext context, string arguments, CancellationToken ct)
    {
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var candidates = (await ratings.FormedBuysOf(context.Actor.UserId, ct)).Where(b => number is null || b.Number == number).ToList();
        if (candidates.Count == 0) return Outcome.Say(context.Text("DeliveredNothing"));
        if (candidates.Count > 1)
        {
            var list = new List<string>();
            foreach (var b in candidates) list.Add($"#{b.Number} “{Html.Escape(b.Title)}” ({Html.Escape((await chats.Get(b.ChatId, ct)).Title ?? "")})");
            return Outcome.Say(context.Text("DeliveredPick", string.Join(", ", list)));
        }

        var buy = candidates[0];
        var supplier = buy.SupplierId is { } id ? await suppliers.Find(id, ct) : null;
        return await Mark(context, buy, supplier, ct);
    }

    /// <summary>A participant tapped a star button (in the group or privately).</summary>
    /// <param name="messageChatId">Where the button was: the buy's group, or the participant's own private chat.</param>
    /// <param name="option">The option rated (a buy with options is rated option by option); 0 for a buy without.</param>
    public async Task<string> Rate(Member actor, long messageChatId, long buyId, int stars, int option, CancellationToken ct)
    {
        var buy = await buys.Find(buyId, ct);
        var chat = await chats.Get(buy?.ChatId ?? messageChatId, ct);
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);

        // Buttons are only honoured where they were sent: the buy's group or the rater's own private chat.
        if (buy is null || stars is < 1 or > 5 || (messageChatId != buy.ChatId && messageChatId != actor.UserId)) return T("CallbackInvalid");
        if (buy is not { Status: GroupBuyStatus.Delivered, SupplierId: { } supplierId }) return T("RateNotDelivered", buy.Number);
        if (buy.HasOptions != (option > 0)) return T("CallbackInvalid");
        if (buy.OrderedSignUps.All(s => s.UserId != actor.UserId || (option > 0 && s.Option != option))) return T("RateParticipantsOnly", buy.Number);

        var supplier = await suppliers.Find(supplierId, ct);
        var before = await ratings.Rate(new SupplierRating { BuyId = buyId, UserId = actor.UserId, Option = option, SupplierId = supplierId, Stars = stars, RatedAt = time.GetUtcNow() }, ct);
        var name = (supplier?.Name ?? "") + (buy.OptionOf(option) is { } rated ? $" ({rated.Name})" : "");
        return before is { } previous && previous != stars ? T("RateChanged", name, stars, previous) : T("RateThanks", name, stars);
    }

    private async Task<Outcome> Mark(CommandContext context, GroupBuy located, Supplier? supplier, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var group = await DeadlineCloser.SystemContext(chats, located, ct);
        var inGroup = context.ChatId == located.ChatId;
        var decided = await buys.Decide(context, located.Id, buy =>
        {
            if (!buy.MarkDelivered(now)) return Outcome.Say(context.Text("DeliveredNotFormed", buy.Number));
            var announcement = group.Text("DeliveredGroup", buy.Number, Html.Escape(buy.Title))
                + (supplier is null ? "" : "\n" + group.Text("DeliveredRatePlease", Html.Escape(supplier.Name)));
            return new Outcome
            {
                Reply = inGroup ? announcement : context.Text("DeliveredDone"),
                Notices = inGroup ? [] : [new ChatNotice(buy.ChatId, buy.ThreadId, announcement)],
                RefreshBuyId = buy.Id,
                Privately = supplier is null ? null : RatingRound(group, buy, supplier),
            };
        }, ct);
        return decided ?? Outcome.Say(context.Text("DeliveredNotFormed", located.Number));
    }

    /// <summary>
    /// Each participant is asked privately (option by option, for a buy with options); those the bot cannot reach are
    /// asked together in the group.
    /// </summary>
    private static PrivateRound RatingRound(CommandContext group, GroupBuy buy, Supplier supplier)
    {
        var name = Html.Escape(supplier.Name);
        if (buy.HasOptions)
        {
            var rated = buy.Options.Where(o => buy.OrderedSignUps.Any(s => s.Option == o.Number)).ToList();
            var asks = buy.OrderedSignUps.DistinctBy(s => (s.UserId, s.Option)).Select(s => new PrivateMessage(s.UserId, ClosingSummary.Mention(s.Member),
                group.Text("RateAskOption", buy.Number, Html.Escape(buy.Title), name, Html.Escape(buy.OptionOf(s.Option)!.Name)), RatingButtons(buy.Id, s.Option)));
            IReadOnlyList<IReadOnlyList<ButtonSpec>> rows = [.. rated.SelectMany(o => RatingButtons(buy.Id, o.Number, o.Name))];
            return new PrivateRound(buy.ChatId, buy.ThreadId, [.. asks], UnreachedNotice.Around(null, mentions => group.Text("RateAskGroup", mentions, name, buy.Number), rows));
        }

        var buttons = RatingButtons(buy.Id);
        var ask = group.Text("RateAsk", buy.Number, Html.Escape(buy.Title), name);
        return new PrivateRound(buy.ChatId, buy.ThreadId,
            [.. buy.OrderedSignUps.DistinctBy(s => s.UserId).Select(s => new PrivateMessage(s.UserId, ClosingSummary.Mention(s.Member), ask, buttons))],
            UnreachedNotice.Around(null, mentions => group.Text("RateAskGroup", mentions, name, buy.Number), buttons));
    }
}
