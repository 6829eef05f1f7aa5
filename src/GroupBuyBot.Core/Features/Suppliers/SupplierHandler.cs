using System.Globalization;
using System.Security.Cryptography;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Core.Suppliers;

namespace GroupBuyBot.Core.Features.Suppliers;

/// <summary>
/// <c>/supplier invite</c>, <c>/supplier list</c>, <c>/supplier set [#buy] [n|@user]</c>, and the supplier's
/// side of the invite: opening the deep link registers them.
/// </summary>
public sealed class SupplierHandler(ISupplierStore suppliers, IGroupBuyStore buys, IChatStore chats, BuyLocator locator,
    OrganizerPolicy organizers, TimeProvider time)
{
    /// <summary>Deep-link payloads of invites start with this (Telegram allows A–Z, a–z, 0–9, _ and -).</summary>
    public const string InvitePrefix = "sup_";

    public static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(3);

    /// <param name="botUsername">For the <c>t.me/&lt;bot&gt;?start=…</c> link.</param>
    public async Task<Outcome> Handle(CommandContext context, string arguments, string botUsername, CancellationToken ct)
    {
        var words = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : "list";
        if (verb is "list" or "ls") return await List(context, ct);
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        return verb switch
        {
            "invite" => await Invite(context, botUsername, ct),
            "set" => await Set(context, words.Length > 1 ? words[1] : "", ct),
            _ => Outcome.Say(context.Text("SupplierUsage")),
        };
    }

    /// <summary>A user opened an invite link: <c>/start sup_…</c> in the private chat.</summary>
    public async Task<string> Register(Member user, Language language, string code, CancellationToken ct)
    {
        var supplier = await suppliers.Redeem(code, user, time.GetUtcNow(), ct);
        if (supplier is null) return Texts.Get(language, "SupplierInviteInvalid");
        var chat = await chats.Get(supplier.ChatId, ct);
        return Texts.Get(language, "SupplierRegistered", Html.Escape(supplier.Name), Html.Escape(chat.Title ?? supplier.ChatId.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>An organizer tapped a supplier in the list under <c>/supplier set</c>.</summary>
    public async Task<Outcome> Choose(CommandContext context, long buyId, long supplierId, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return new Outcome { Toast = context.Text("OrganizersOnly") };
        var supplier = await suppliers.Find(supplierId, ct);
        if (supplier is null || supplier.ChatId != context.ChatId) return new Outcome { Toast = context.Text("CallbackInvalid") };
        return await Assign(context, buyId, supplier, asToast: true, ct);
    }

    public static string Describe(CommandContext context, Supplier supplier) =>
        Html.Escape(supplier.Name) + (supplier.Username is { } u ? $" (@{Html.Escape(u)})" : "") + " " + Stars(context, supplier);

    public static string Stars(CommandContext context, Supplier supplier) => supplier.AverageRating is { } rating
        ? context.Text("SupplierRating", rating.ToString("0.0", CultureInfo.InvariantCulture), supplier.RatingCount)
        : context.Text("SupplierNotRated");

    private async Task<Outcome> Invite(CommandContext context, string botUsername, CancellationToken ct)
    {
        // 15 random bytes: unguessable, and short enough for a deep-link payload (64 characters at most).
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant();
        var expires = time.GetUtcNow() + InviteLifetime;
        await suppliers.AddInvite(new SupplierInvite { Code = code, ChatId = context.ChatId, CreatedBy = context.Actor.UserId, ExpiresAt = expires }, ct);
        return Outcome.Say(context.Text("SupplierInvite", $"https://t.me/{botUsername}?start={InvitePrefix}{code}", DeadlineText.Format(expires, context.Chat.TimeZone)));
    }

    private async Task<Outcome> List(CommandContext context, CancellationToken ct)
    {
        var registered = await suppliers.ListForChat(context.ChatId, ct);
        if (registered.Count == 0) return Outcome.Say(context.Text("SupplierNone"));
        return Outcome.Say(context.Text("SupplierListHeader") + "\n" + string.Join('\n', registered.Select((s, i) => $"{i + 1}. {Describe(context, s)}")));
    }

    private async Task<Outcome> Set(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        var (buy, problem) = await locator.Locate(context, number, "/supplier set", ct);
        if (problem is not null) return problem;

        var registered = await suppliers.ListForChat(context.ChatId, ct);
        if (registered.Count == 0) return Outcome.Say(context.Text("SupplierNone"));
        if (rest.Length == 0)
        {
            // No supplier named: offer them as buttons, with their ratings.
            return new Outcome
            {
                Reply = context.Text("SupplierChoose", buy!.Number),
                Buttons = [.. registered.Select(s => (IReadOnlyList<ButtonSpec>)[new ButtonSpec(
                    $"{s.Name} {(s.AverageRating is { } r ? "★" + r.ToString("0.0", CultureInfo.InvariantCulture) : "")}".Trim(),
                    SupplierCallbacks.Choose(buy.Id, s.Id))])],
            };
        }

        var supplier = rest.StartsWith('@')
            ? registered.FirstOrDefault(s => string.Equals(s.Username, rest[1..], StringComparison.OrdinalIgnoreCase))
            : Numbers.TryParseInt(rest, out var index) && index >= 1 && index <= registered.Count ? registered[index - 1] : null;
        if (supplier is null) return Outcome.Say(context.Text("SupplierUnknown", Html.Escape(rest)));
        return await Assign(context, buy!.Id, supplier, asToast: false, ct);
    }

    private async Task<Outcome> Assign(CommandContext context, long buyId, Supplier supplier, bool asToast, CancellationToken ct)
    {
        var notOpen = context.Text("SupplierNotAssignable");
        var refused = asToast ? new Outcome { Toast = notOpen } : Outcome.Say(notOpen);
        var decided = await buys.Decide(context, buyId, buy =>
        {
            if (buy.ChatId != context.ChatId || !buy.AssignSupplier(supplier.Id, null)) return refused;
            var text = context.Text("SupplierAssigned", Html.Escape(supplier.Name), buy.Number);
            return new Outcome { Reply = text, Toast = asToast ? text : null, RefreshBuyId = buyId };
        }, ct);
        return decided ?? refused;
    }
}

/// <summary>Callback data of supplier buttons (<see cref="CallbackData"/>).</summary>
public static class SupplierCallbacks
{
    public static string Choose(long buyId, long supplierId) => CallbackData.Format(CallbackData.SupplierChoice, 'c', buyId, supplierId);

    public static string Order(char answer, long buyId) => CallbackData.Format(CallbackData.SupplierOrder, answer, buyId);
}
