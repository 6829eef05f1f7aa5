using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Features.Quotes;

/// <summary>
/// Quotes (a reverse auction): an organizer asks the chat's suppliers to quote for an open buy; each answers with a
/// unit price, optional tiers and a note; the organizer picks one and the buy takes its price, tiers and supplier.
/// </summary>
public sealed class QuoteHandler(IQuoteStore quotes, ISupplierStore suppliers, IGroupBuyStore buys, IChatStore chats,
    BuyLocator locator, OrganizerPolicy organizers, TimeProvider time)
{
    /// <summary><c>/quote [#buy]</c>: asks every supplier of the chat who has not quoted yet, and posts the board.</summary>
    public async Task<Outcome> Request(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (buy, problem) = await locator.Locate(context, number, "/quote", ct);
        if (problem is not null) return problem;
        if (buy!.Status != GroupBuyStatus.Open) return Outcome.Say(context.Text("NotOpen", buy.Number));
        if (buy.HasOptions) return Outcome.Say(context.Text("QuoteOptionsNotYet", buy.Number)); // a quote is one price (and tiers)

        var registered = await suppliers.ListForChat(context.ChatId, ct);
        if (registered.Count == 0) return Outcome.Say(context.Text("SupplierNone"));
        await quotes.Request(buy.Id, registered.Select(s => s.Id), time.GetUtcNow(), ct);

        var requests = new List<QuoteRequestMessage>();
        foreach (var supplier in registered)
        {
            var quote = await quotes.Find(buy.Id, supplier.Id, ct);
            if (quote is null || !quote.IsOpen || quote.Status == QuoteStatus.Quoted) continue; // already answered
            requests.Add(new QuoteRequestMessage(supplier.UserId, RequestText(context, buy, supplier), RequestButtons(context, buy)));
        }

        // A new board each round (the old one may be far up the chat); later answers edit this one.
        return new Outcome { Quotes = new QuoteMessages(buy.Id, buy.ChatId, buy.ThreadId, requests, PostBoard: true) };
    }

    /// <summary>The request sent privately to a supplier: the demand so far.</summary>
    public static string RequestText(CommandContext context, GroupBuy buy, Supplier supplier)
    {
        var text = context.Text("QuoteRequest", Html.Escape(supplier.Name), buy.Number, Html.Escape(buy.Title), Html.Escape(context.Chat.Title ?? ""),
            buy.ActiveUnits, Units.Name(context.Language, buy.UnitName, buy.ActiveUnits), buy.MinUnits ?? 0,
            PriceText.Format(buy.CurrentUnitPrice ?? 0, buy.Currency), buy.Deadline is { } d ? DeadlineText.Format(d, context.Chat.TimeZone) : "—");
        if (buy.Capacity is { } capacity) text += "\n" + context.Text("QuoteRequestCapacity", capacity);
        if (buy.Description is { } notes) text += "\n" + context.Text("QuoteRequestNotes", Html.Escape(notes));
        return text + "\n\n" + context.Text("QuoteRequestHow");
    }

    /// <summary>Quick answers: the current price, 5 % and 10 % below it, or "can't supply".</summary>
    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> RequestButtons(CommandContext context, GroupBuy buy)
    {
        var current = buy.CurrentUnitPrice ?? 0;
        var prices = new[] { current, current * 0.95m, current * 0.9m }.Select(p => Math.Round(p, current >= 10 ? 0 : 2)).Where(p => p > 0).Distinct();
        return
        [
            [.. prices.Select(p => new ButtonSpec(PriceText.Format(p, buy.Currency), QuoteCallbacks.Price(buy.Id, p)))],
            [new ButtonSpec(context.Text("QuoteButtonDecline"), QuoteCallbacks.Decline(buy.Id))],
        ];
    }

    /// <summary>A private message: a reply to a request (or, with one request waiting, any message) is a quote. Null: not a quote.</summary>
    public async Task<Outcome?> Reply(Member actor, int? replyTo, string text, CancellationToken ct)
    {
        var quote = replyTo is { } messageId ? await quotes.FindByRequestMessage(actor.UserId, messageId, ct) : null;
        if (quote is null && replyTo is null && await quotes.AwaitingAnswerOf(actor.UserId, ct) is [var only]) quote = only;
        if (quote is null) return null;

        if (!QuoteText.TryParse(text, out var price, out var tiers, out var note))
        {
            var chat = await ChatOf(quote.BuyId, ct);
            return Outcome.Say(Texts.Get(chat?.Language ?? Language.En, "QuoteBadFormat"));
        }

        return await Submit(actor, quote, price, tiers, note, ct);
    }

    /// <summary>A supplier tapped a quick answer under the request: <paramref name="price"/> null means "can't supply".</summary>
    public async Task<Outcome> Button(Member actor, long buyId, decimal? price, CancellationToken ct)
    {
        var buy = await buys.Find(buyId, ct);
        var supplier = buy is null ? null : (await suppliers.ListForChat(buy.ChatId, ct)).FirstOrDefault(s => s.UserId == actor.UserId);
        var quote = supplier is null ? null : await quotes.Find(buyId, supplier.Id, ct);
        if (quote is null) return new Outcome { Toast = Texts.Get(Language.En, "CallbackInvalid") };
        return await Submit(actor, quote, price, [], null, ct);
    }

    /// <summary>An organizer tapped a quote on the board.</summary>
    public async Task<Outcome> Choose(CommandContext context, long buyId, long supplierId, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return new Outcome { Toast = context.Text("OrganizersOnly") };
        var quote = await quotes.Find(buyId, supplierId, ct);
        var supplier = await suppliers.Find(supplierId, ct);
        if (quote is null || supplier is null || supplier.ChatId != context.ChatId) return new Outcome { Toast = context.Text("CallbackInvalid") };
        var all = await quotes.ForBuy(buyId, ct);
        var alreadyChosen = new Outcome { Toast = context.Text("QuoteAlreadyChosen") };
        if (all.Any(q => q.Status == QuoteStatus.Chosen)) return alreadyChosen; // one pick per buy
        if (quote is not { Status: QuoteStatus.Quoted, UnitPrice: { } price }) return new Outcome { Toast = context.Text("CallbackInvalid") };

        // The winner hears it; everyone else who was reachable is thanked.
        var losers = new List<long>();
        foreach (var other in all.Where(q => q.SupplierId != supplierId && q.Status != QuoteStatus.Unreachable))
        {
            if (await suppliers.Find(other.SupplierId, ct) is { } loser) losers.Add(loser.UserId);
        }

        var refused = new Outcome { Toast = context.Text("SupplierNotAssignable") };
        var decided = await buys.Decide(context, buyId, buy =>
        {
            // Decided on the buy itself, in its transaction: a supplier who quoted is on it, so this round is decided.
            if (IsDecided(buy, all)) return alreadyChosen;
            if (buy.ChatId != context.ChatId || buy.Status != GroupBuyStatus.Open || !buy.AssignSupplier(supplierId, price, quote.Tiers)) return refused;
            var notices = new List<ChatNotice> { new(supplier.UserId, null, context.Text("QuoteChosenSupplier", buy.Number, Html.Escape(buy.Title), PriceText.Format(price, buy.Currency))) };
            notices.AddRange(losers.Select(userId => new ChatNotice(userId, null, context.Text("QuoteNotChosenSupplier", buy.Number, Html.Escape(buy.Title)))));
            return new Outcome
            {
                Reply = context.Text("QuoteChosenGroup", Html.Escape(supplier.Name), buy.Number, Html.Escape(buy.Title), Offer(context, buy.Currency, quote)),
                Toast = context.Text("QuoteChosenToast", supplier.Name),
                RefreshBuyId = buyId,
                Notices = notices,
                Quotes = QuoteMessages.RefreshBoard(buy),
            };
        }, ct);
        if (decided is null) return refused;

        // The quotes' own statuses follow the buy (the board reads the pick from the buy, so it never waits for this).
        if ((await buys.Find(buyId, ct))?.SupplierId == supplierId) await quotes.Choose(buyId, supplierId, time.GetUtcNow(), ct);
        return decided;
    }

    /// <summary>The board: every supplier asked, their rating and offer, cheapest first; buttons to pick while the buy is open.</summary>
    public async Task<QuoteBoardView?> Board(long buyId, CancellationToken ct)
    {
        var buy = await buys.Find(buyId, ct);
        if (buy is null) return null;
        var context = await DeadlineCloser.SystemContext(chats, buy, ct);
        var rows = new List<(SupplierQuote Quote, Supplier Supplier)>();
        foreach (var quote in await quotes.ForBuy(buyId, ct))
        {
            if (await suppliers.Find(quote.SupplierId, ct) is { } supplier) rows.Add((quote, supplier));
        }

        rows = [.. rows.OrderBy(r => r.Quote.UnitPrice is null ? 1 : 0).ThenBy(r => r.Quote.UnitPrice).ThenBy(r => r.Supplier.Id)];
        var decided = IsDecided(buy, [.. rows.Select(r => r.Quote)]);
        var lines = rows.Select((r, i) => $"{i + 1}. {SupplierHandler.Describe(context, r.Supplier)} — {State(context, buy, decided, r.Quote)}");
        var open = buy.Status == GroupBuyStatus.Open && !decided;
        var text = context.Text("QuoteBoardHeader", buy.Number, Html.Escape(buy.Title), buy.ActiveUnits,
            Units.Name(context.Language, buy.UnitName, buy.ActiveUnits), PriceText.Format(buy.CurrentUnitPrice ?? 0, buy.Currency))
            + "\n" + string.Join('\n', lines);
        if (open && rows.Any(r => r.Quote.Status == QuoteStatus.Quoted)) text += "\n\n" + context.Text("QuoteBoardPick");
        if (!open && !decided) text += "\n\n" + context.Text("QuoteBoardClosed");

        IReadOnlyList<IReadOnlyList<ButtonSpec>> buttons = open
            ? [.. rows.Where(r => r.Quote is { Status: QuoteStatus.Quoted, UnitPrice: not null })
                .Select(r => (IReadOnlyList<ButtonSpec>)[new ButtonSpec(context.Text("QuotePickButton", r.Supplier.Name, PriceText.Format(r.Quote.UnitPrice!.Value, buy.Currency)),
                    QuoteCallbacks.Choose(buyId, r.Supplier.Id))])]
            : [];
        return new QuoteBoardView(buy, text, buttons);
    }

    private async Task<Outcome> Submit(Member actor, SupplierQuote quote, decimal? price, List<PriceTier> tiers, string? note, CancellationToken ct)
    {
        var supplier = await suppliers.Find(quote.SupplierId, ct);
        var buy = await buys.Find(quote.BuyId, ct);
        if (supplier is null || buy is null || supplier.UserId != actor.UserId) return Outcome.Say(Texts.Get(Language.En, "CallbackInvalid"));
        var chat = await chats.Get(buy.ChatId, ct);
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);

        // Politely refused once the buy has closed or a supplier was chosen: the offer would change nothing.
        if (buy.Status != GroupBuyStatus.Open) return Outcome.Say(T("QuoteTooLate", buy.Number, Html.Escape(buy.Title)));
        if (!quote.IsOpen || IsDecided(buy, await quotes.ForBuy(buy.Id, ct))) return Outcome.Say(T("QuoteAlreadyDecided", buy.Number));

        quote.Status = price is null ? QuoteStatus.Declined : QuoteStatus.Quoted;
        quote.UnitPrice = price;
        quote.Tiers = tiers;
        quote.Note = note;
        quote.UpdatedAt = time.GetUtcNow();
        await quotes.Save(quote, ct);

        var context = await DeadlineCloser.SystemContext(chats, buy, ct);
        return new Outcome
        {
            Reply = price is null ? T("QuoteDeclineNoted", buy.Number) : T("QuoteThanks", buy.Number, Html.Escape(buy.Title), Offer(context, buy.Currency, quote)),
            Quotes = QuoteMessages.RefreshBoard(buy),
        };
    }

    /// <summary>A pick was made: a quote is marked chosen, or the buy's supplier is one who quoted.</summary>
    private static bool IsDecided(GroupBuy buy, IReadOnlyList<SupplierQuote> all) =>
        all.Any(q => q.Status == QuoteStatus.Chosen) || (buy.SupplierId is { } current && all.Any(q => q.SupplierId == current && q.UnitPrice is not null));

    private static string State(CommandContext context, GroupBuy buy, bool decided, SupplierQuote quote) => State(context, buy.Currency,
        decided && quote.Status is QuoteStatus.Quoted ? (buy.SupplierId == quote.SupplierId ? QuoteStatus.Chosen : QuoteStatus.NotChosen) : quote.Status, quote);

    private static string State(CommandContext context, string currency, QuoteStatus status, SupplierQuote quote) => status switch
    {
        QuoteStatus.Quoted => Offer(context, currency, quote),
        QuoteStatus.Chosen => context.Text("QuoteBoardChosen", Offer(context, currency, quote)),
        QuoteStatus.NotChosen when quote.UnitPrice is not null => Offer(context, currency, quote),
        QuoteStatus.Declined or QuoteStatus.NotChosen => context.Text("QuoteBoardDeclined"),
        QuoteStatus.Unreachable => context.Text("QuoteBoardUnreachable"),
        _ => context.Text("QuoteBoardWaiting"),
    };

    /// <summary>"¥75 (from 10: ¥70, from 20: ¥65) — delivered Saturday".</summary>
    private static string Offer(CommandContext context, string currency, SupplierQuote quote)
    {
        var text = context.Text("QuotePerUnit", PriceText.Format(quote.UnitPrice ?? 0, currency));
        if (quote.Tiers.Count > 0) text += " (" + string.Join(", ", quote.Tiers.Select(t => context.Text("ListTier", t.MinUnits, PriceText.Format(t.UnitPrice, currency)))) + ")";
        return quote.Note is { } note ? text + " — " + Html.Escape(note) : text;
    }

    private async Task<ChatSettings?> ChatOf(long buyId, CancellationToken ct) =>
        await buys.Find(buyId, ct) is { } buy ? await chats.Get(buy.ChatId, ct) : null;
}

/// <summary>The board as it should look now; <see cref="Buy"/> says in which chat and topic.</summary>
public sealed record QuoteBoardView(GroupBuy Buy, string Text, IReadOnlyList<IReadOnlyList<ButtonSpec>> Buttons);

/// <summary>Callback data of quote buttons (<see cref="CallbackData"/>).</summary>
public static class QuoteCallbacks
{
    public const char ChooseAction = 'c';
    public const char PriceAction = 'p';
    public const char DeclineAction = 'n';

    public static string Choose(long buyId, long supplierId) => CallbackData.Format(CallbackData.Quote, ChooseAction, buyId, supplierId);

    /// <summary>The price travels in cents, so the tap means the price the supplier saw.</summary>
    public static string Price(long buyId, decimal price) => CallbackData.Format(CallbackData.Quote, PriceAction, buyId, (long)(price * 100));

    public static string Decline(long buyId) => CallbackData.Format(CallbackData.Quote, DeclineAction, buyId);
}
