using System.Text;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Features.Suppliers;

/// <summary>The order a formed buy sends its supplier, and the supplier's answer (Accept / Decline / another date).</summary>
public sealed class SupplierOrderHandler(ISupplierStore suppliers, IGroupBuyStore buys, IChatStore chats, TimeProvider time)
{
    public const char Accept = 'a';
    public const char Decline = 'd';
    public const char ProposeDate = 'p';

    public static string OrderText(GroupBuy buy, ChatSettings chat, Supplier supplier)
    {
        string T(string key, params object?[] args) => Texts.Get(chat.Language, key, args);
        var price = buy.CurrentUnitPrice ?? 0;
        var text = new StringBuilder(T("OrderHeader", Html.Escape(supplier.Name), buy.Number, Html.Escape(buy.Title), Html.Escape(chat.Title ?? ""))).Append('\n');
        if (buy.HasOptions)
        {
            // One section per option that forms, with its subtotal: what the supplier prepares, kind by kind.
            foreach (var option in buy.Options.Where(o => buy.Forms(o.Number) && buy.UnitsIn(o.Number) > 0))
            {
                var units = buy.UnitsIn(option.Number);
                var optionPrice = buy.UnitPriceIn(option.Number) ?? 0;
                text.Append(T("OrderOption", Html.Escape(option.Name), units, Units.Name(chat.Language, buy.UnitName, units),
                    PriceText.Format(optionPrice, buy.Currency), PriceText.Format(units * optionPrice, buy.Currency))).Append('\n');
                AppendLines(text, buy.OrderedSignUps.Where(s => s.Option == option.Number));
            }

            text.Append(T("OrderGrandTotal", buy.OrderedUnits, Units.Name(chat.Language, buy.UnitName, buy.OrderedUnits),
                PriceText.Format(buy.OrderedAmount, buy.Currency))).Append('\n');
        }
        else
        {
            AppendLines(text, buy.ActiveSignUps);
            text.Append(T("OrderTotal", buy.ActiveUnits, Units.Name(chat.Language, buy.UnitName, buy.ActiveUnits),
                PriceText.Format(price, buy.Currency), PriceText.Format(price * buy.ActiveUnits, buy.Currency))).Append('\n');
        }

        text.Append(ByGroup(chat, buy));
        text.Append(Pickup.PickupHandler.ByPoint(chat, buy));
        if (buy.Description is { } description) text.Append(T("OrderDelivery", Html.Escape(description))).Append('\n');
        var organizer = buy.Organizer.Username is { } username ? "@" + username : Html.Escape(buy.Organizer.DisplayName);
        text.Append(T("OrderOrganizer", organizer));
        return text.ToString();
    }

    /// <summary>A shared buy's order: one subtotal per group (units and amount), so each group's share is delivered and settled.</summary>
    private static string ByGroup(ChatSettings chat, GroupBuy buy)
    {
        if (!buy.IsShared) return "";
        var text = new StringBuilder(Texts.Get(chat.Language, "OrderByGroup")).Append('\n');
        foreach (var group in buy.Groups)
        {
            var theirs = buy.OrderedSignUps.Where(s => buy.GroupOf(s) == group.ChatId).ToList();
            var units = theirs.Sum(s => s.Quantity);
            text.Append(Texts.Get(chat.Language, "OrderGroupLine", Html.Escape(group.Title), units, Units.Name(chat.Language, buy.UnitName, units),
                theirs.Select(s => s.UserId).Distinct().Count(), PriceText.Format(theirs.Sum(buy.AmountOf), buy.Currency))).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, IEnumerable<SignUp> signUps)
    {
        foreach (var signUp in signUps)
        {
            text.Append("• ").Append(Html.Escape(signUp.DisplayName)).Append(" ×").Append(signUp.Quantity);
            if (signUp.Note is { } note) text.Append(" — ").Append(Html.Escape(note));
            text.Append('\n');
        }
    }

    public static IReadOnlyList<IReadOnlyList<ButtonSpec>> OrderButtons(Language language, long buyId) =>
    [
        [new ButtonSpec(Texts.Get(language, "OrderAccept"), SupplierCallbacks.Order(Accept, buyId)),
         new ButtonSpec(Texts.Get(language, "OrderDecline"), SupplierCallbacks.Order(Decline, buyId))],
        [new ButtonSpec(Texts.Get(language, "OrderProposeDate"), SupplierCallbacks.Order(ProposeDate, buyId))],
    ];

    /// <summary>The group's word when the order cannot reach the supplier: the organizer gets the link that fixes it.</summary>
    public static string UnreachableText(ChatSettings chat, GroupBuy buy, Supplier supplier, string botUsername) =>
        Texts.Get(chat.Language, "OrderUnreachable", Deadlines.ClosingSummary.Mention(buy.Organizer), buy.Number, Html.Escape(supplier.Name),
            $"https://t.me/{botUsername}?start=orders");

    /// <summary>The group's word when an order that waited for its supplier reached them.</summary>
    public static string DeliveredLateText(ChatSettings chat, GroupBuy buy, Supplier supplier) =>
        Texts.Get(chat.Language, "OrderDeliveredLate", buy.Number, Html.Escape(supplier.Name));

    /// <summary>A user started the bot: the buys whose orders waited for them as a supplier.</summary>
    public async Task<IReadOnlyList<long>> WaitingFor(long userId, CancellationToken ct) =>
        [.. (await suppliers.PendingOrdersOf(userId, ct)).Select(o => o.BuyId)];

    /// <summary>The supplier tapped a button under the order (in their private chat).</summary>
    public async Task<Outcome> Answer(Member actor, char action, long buyId, CancellationToken ct)
    {
        var (order, buy, supplier, chat) = await Load(buyId, ct);

        // Only the buy's supplier can answer its order. A Pending order may already be answered: the supplier's tap
        // proves the DM arrived, even when it beats the bot's own record of having sent it.
        if (order is null || buy is null || supplier is null || supplier.UserId != actor.UserId)
        {
            return new Outcome { Toast = Texts.Get(chat?.Language ?? Language.En, "CallbackInvalid") };
        }

        string T(string key, params object?[] args) => Texts.Get(chat!.Language, key, args);
        order.UpdatedAt = time.GetUtcNow();
        switch (action)
        {
            case Accept or Decline:
                order.Status = action == Accept ? SupplierOrderStatus.Accepted : SupplierOrderStatus.Declined;
                await suppliers.SaveOrder(order, ct);
                var key = action == Accept ? "OrderAcceptedGroup" : "OrderDeclinedGroup";
                return new Outcome
                {
                    Toast = T(action == Accept ? "OrderAcceptedToast" : "OrderDeclinedToast"),
                    Notices = [new ChatNotice(buy.ChatId, buy.ThreadId, T(key, Html.Escape(supplier.Name), buy.Number, Html.Escape(buy.Title)))],
                };
            case ProposeDate:
                order.Status = SupplierOrderStatus.DateProposed;
                order.ProposedDate = null;
                await suppliers.SaveOrder(order, ct);
                return new Outcome { Toast = T("OrderAskDateToast"), Reply = T("OrderAskDate", buy.Number) };
            default:
                return new Outcome { Toast = T("CallbackInvalid") };
        }
    }

    /// <summary>A private message from a supplier who was asked for another date. Null: not such an answer.</summary>
    public async Task<Outcome?> DateProposal(Member actor, string text, CancellationToken ct)
    {
        var awaiting = await suppliers.AwaitingDateOf(actor.UserId, ct);
        if (awaiting is null) return null;
        var (order, buy, supplier, chat) = await Load(awaiting.BuyId, ct);
        if (order is null || buy is null || supplier is null || chat is null) return null;

        order.ProposedDate = text.Length > 200 ? text[..200] : text;
        order.UpdatedAt = time.GetUtcNow();
        await suppliers.SaveOrder(order, ct);
        return new Outcome
        {
            Reply = Texts.Get(chat.Language, "OrderDateNoted"),
            Notices = [new ChatNotice(buy.ChatId, buy.ThreadId, Texts.Get(chat.Language, "OrderDateProposedGroup",
                Html.Escape(supplier.Name), buy.Number, Html.Escape(buy.Title), Html.Escape(order.ProposedDate)))],
        };
    }

    private async Task<(SupplierOrder?, GroupBuy?, Supplier?, ChatSettings?)> Load(long buyId, CancellationToken ct)
    {
        var order = await suppliers.FindOrder(buyId, ct);
        var buy = order is null ? null : await buys.Find(buyId, ct);
        var supplier = order is null ? null : await suppliers.Find(order.SupplierId, ct);
        var chat = buy is null ? null : await chats.Get(buy.ChatId, ct);
        return (order, buy, supplier, chat);
    }
}
