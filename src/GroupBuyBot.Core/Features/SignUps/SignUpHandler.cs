using System.Globalization;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.SignUps;

public enum SignUpAction
{
    Join,
    Set,
    Decrement,
    Leave,
}

/// <summary>Signing up, changing a quantity and leaving: from commands, buttons and natural replies alike.</summary>
public sealed class SignUpHandler(IGroupBuyStore store, BuyLocator locator, TimeProvider time)
{
    /// <summary><c>/join [#n] [qty] [note]</c></summary>
    public async Task<Outcome> Join(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        if (!TrySplitQuantity(rest, out var quantity, out var note))
        {
            return Outcome.Say(context.Text("BadQuantity", SignUp.MaxQuantity) + "\n" + context.Text("JoinUsage"));
        }

        return await Locate(context, number, "/join", SignUpAction.Join, quantity ?? 1, note, ct);
    }

    /// <summary><c>/set [#n] qty [note]</c></summary>
    public async Task<Outcome> Set(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        if (!TrySplitQuantity(rest, out var quantity, out var note) || quantity is null)
        {
            return Outcome.Say(context.Text("SetUsage"));
        }

        return await Locate(context, number, "/set", SignUpAction.Set, quantity.Value, note, ct);
    }

    /// <summary><c>/leave [#n]</c></summary>
    public Task<Outcome> Leave(CommandContext context, string arguments, CancellationToken ct)
    {
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        return Locate(context, number, "/leave", SignUpAction.Leave, 0, null, ct);
    }

    /// <summary>Applies a sign-up action to a known buy of the chat (a button tap or a reply to its list).</summary>
    public async Task<Outcome> Apply(CommandContext context, long buyId, SignUpAction action, int quantity, string? note, bool asToast, CancellationToken ct)
    {
        var notFound = NotFound(context, asToast);
        return await store.Decide(context, buyId, Decision(context, action, quantity, note, asToast, time.GetUtcNow()), ct) ?? notFound;
    }

    /// <summary>
    /// A natural reply read later (by a model, beside the update path): applied unless the member's sign-up changed
    /// after <paramref name="memberAsOf"/> (what it was when the reply arrived), which would make it act out of order.
    /// </summary>
    /// <param name="memberAsOf">When the member's sign-up last changed as the reply arrived; null: they had none.</param>
    public async Task<Outcome> ApplyReading(CommandContext context, long buyId, SignUpReply reading, string replyText, DateTimeOffset? memberAsOf, CancellationToken ct)
    {
        var action = ActionOf(reading);
        var apply = action is { } a ? Decision(context, a.Action, a.Quantity, null, asToast: false, time.GetUtcNow()) : _ => Outcome.Nothing;
        return await store.Decide(context, buyId, buy =>
        {
            if (action is not null && MemberAsOf(buy, context.Actor.UserId) != memberAsOf)
            {
                var shown = replyText.Length > 60 ? replyText[..59] + "…" : replyText;
                return Outcome.Say(context.Text("ReplySuperseded", Html.Escape(context.Actor.DisplayName), Html.Escape(shown))) with { React = Unseen(context) };
            }

            return apply(buy) with { React = Unseen(context) };
        }, ct) ?? NotFound(context, asToast: false);
    }

    /// <summary>While a model reads a member's reply, the bot shows it has seen it.</summary>
    public static Outcome Reading(CommandContext context) =>
        context.MessageId is { } messageId ? new Outcome { React = new MessageReaction(context.ChatId, messageId, Seen) } : Outcome.Nothing;

    private const string Seen = "👀";

    /// <summary>Read: the 👀 goes (the answer, if any, follows as a reply).</summary>
    private static MessageReaction? Unseen(CommandContext context) =>
        context.MessageId is { } messageId ? new MessageReaction(context.ChatId, messageId, null) : null;

    /// <summary>What a natural reply asks for; null when it is not a sign-up action (a question, chit-chat).</summary>
    public static (SignUpAction Action, int Quantity)? ActionOf(SignUpReply reply) => reply.Intent switch
    {
        SignUpIntent.Join => (SignUpAction.Join, reply.Quantity ?? 1),
        SignUpIntent.Set when reply.Quantity is { } quantity => (SignUpAction.Set, quantity),
        SignUpIntent.Leave => (SignUpAction.Leave, 0),
        _ => null,
    };

    /// <summary>When the member's sign-up on a buy last changed (null: they have none).</summary>
    public static DateTimeOffset? MemberAsOf(GroupBuy buy, long userId) => buy.SignUps.FirstOrDefault(s => s.UserId == userId)?.UpdatedAt;

    /// <summary>
    /// Button taps on one buy's list, applied in order in one transaction (a storm of taps on one list costs one
    /// load and one save, not one each). Returns each tap's outcome, in the same order.
    /// </summary>
    public async Task<IReadOnlyList<Outcome>> ApplyTaps(long buyId, IReadOnlyList<(CommandContext Context, SignUpAction Action)> taps, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var decided = await store.DecideMany(buyId, [.. taps.Select(t => (t.Context, Decision(t.Context, t.Action, 1, null, asToast: true, now)))], ct);
        return decided ?? [.. taps.Select(t => NotFound(t.Context, asToast: true))];
    }

    private static Outcome NotFound(CommandContext context, bool asToast) =>
        asToast ? new Outcome { Toast = context.Text("CallbackInvalid") } : Outcome.Say(context.Text("BuyNotFound", "?"));

    private static Func<GroupBuy, Outcome> Decision(CommandContext context, SignUpAction action, int quantity, string? note, bool asToast, DateTimeOffset now) => buy =>
    {
        // A button or reply can only act on a buy of the chat it came from.
        if (buy.ChatId != context.ChatId) return NotFound(context, asToast);
        var change = action switch
        {
            SignUpAction.Join => buy.Join(context.Actor, quantity, note, now),
            SignUpAction.Set => buy.SetQuantity(context.Actor, quantity, note, now),
            SignUpAction.Decrement => buy.Decrement(context.Actor, now),
            _ => buy.Leave(context.Actor.UserId, now),
        };

        // Auto-close happens in the same transaction as the sign-up that filled the last place.
        var outcome = Describe(context, buy, change, asToast);
        if (!change.Changed || !buy.CloseIfFull(now)) return outcome;
        var summary = Organizing.ClosingHandler.EndedText(context, buy);
        return outcome with { Reply = outcome.Reply is { } said ? said + "\n\n" + summary : summary, Ended = buy };
    };

    private async Task<Outcome> Locate(CommandContext context, int? number, string example, SignUpAction action, int quantity, string? note, CancellationToken ct)
    {
        var (buy, problem) = await locator.Locate(context, number, example, ct);
        return problem ?? await Apply(context, buy!.Id, action, quantity, note, asToast: false, ct);
    }

    private static Outcome Describe(CommandContext context, GroupBuy buy, SignUpChange change, bool asToast)
    {
        var name = Html.Escape(context.Actor.DisplayName);
        var quantity = change.SignUp?.Quantity ?? 0;
        var unit = UnitName(context, buy, quantity);
        var (replyKey, toastKey, args) = change.Result switch
        {
            SignUpResult.Joined => ("Joined", "CallbackJoined", new object[] { quantity, unit }),
            SignUpResult.Waitlisted => ("JoinedWaitlist", "CallbackWaitlisted", [quantity, unit]),
            SignUpResult.Updated => ("Updated", "CallbackUpdated", [quantity, unit]),
            SignUpResult.Left => ("Left", "CallbackLeft", []),
            SignUpResult.NotSignedUp => ("NotSignedUp", "CallbackNotSignedUp", [buy.Number]),
            SignUpResult.NotOpen => ("NotOpen", "CallbackNotOpen", [buy.Number]),
            SignUpResult.NotEnoughPlaces => ("NotEnoughPlaces", "CallbackNotEnoughPlaces", [change.PlacesLeft]),
            _ => ("BadQuantity", "BadQuantity", [SignUp.MaxQuantity]),
        };

        var lines = new List<string>();
        if (!asToast)
        {
            // Replies in the chat name the member; toasts are shown only to them.
            lines.Add(replyKey is "BadQuantity" or "NotOpen"
                ? context.Text(replyKey, args)
                : context.Text(replyKey, [name, .. args]));
        }

        foreach (var promoted in change.Promoted)
        {
            lines.Add(context.Text("Promoted", Html.Escape(promoted.DisplayName)));
        }

        return new Outcome
        {
            Reply = lines.Count > 0 ? string.Join('\n', lines) : null,
            Toast = asToast ? context.Text(toastKey, args) : null,
            RefreshBuyId = change.Changed ? buy.Id : null,
        };
    }

    public static string UnitName(CommandContext context, GroupBuy buy, int count) => Units.Name(context.Language, buy.UnitName, count);

    /// <summary>Splits "<c>2 large</c>" into a quantity and a note; a numeric-looking first word must be a valid quantity.</summary>
    internal static bool TrySplitQuantity(string text, out int? quantity, out string? note)
    {
        quantity = null;
        note = null;
        text = text.Trim();
        if (text.Length == 0) return true;

        var folded = Numbers.FoldWidth(text);
        var end = 0;
        while (end < folded.Length && !char.IsWhiteSpace(folded[end])) end++;
        var first = folded[..end].TrimStart('+', 'x', 'X', '×');
        var looksNumeric = first.Length > 0 && (char.IsAsciiDigit(first[0]) || first[0] == '-');
        if (!looksNumeric)
        {
            note = text;
            return true;
        }

        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > SignUp.MaxQuantity)
        {
            return false;
        }

        quantity = n;
        var rest = text[Math.Min(end, text.Length)..].Trim();
        note = rest.Length > 0 ? rest : null;
        return true;
    }
}
