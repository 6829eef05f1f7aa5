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

/// <summary>
/// What a member asked for: an action and a quantity on the option they named (<paramref name="Option"/>), or, with
/// <paramref name="Option"/> null, on the option their <paramref name="Words"/> name. Leave with no option: the whole buy.
/// </summary>
public sealed record SignUpRequest(SignUpAction Action, int Quantity, int? Option = null, string? Note = null, string? Words = null);

/// <summary>Signing up, changing a quantity and leaving: from commands, buttons and natural replies alike.</summary>
public sealed class SignUpHandler(IGroupBuyStore store, BuyLocator locator, TimeProvider time)
{
    /// <summary><c>/join [#n] [qty] [option] [note]</c></summary>
    public async Task<Outcome> Join(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        if (!TrySplitQuantity(rest, out var quantity, out var note))
        {
            return Outcome.Say(context.Text("BadQuantity", SignUp.MaxQuantity) + "\n" + context.Text("JoinUsage"));
        }

        return await Locate(context, number, "/join", new SignUpRequest(SignUpAction.Join, quantity ?? 1, Note: note, Words: note), ct);
    }

    /// <summary><c>/set [#n] qty [option] [note]</c></summary>
    public async Task<Outcome> Set(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: false, out var number);
        if (!TrySplitQuantity(rest, out var quantity, out var note) || quantity is null)
        {
            return Outcome.Say(context.Text("SetUsage"));
        }

        return await Locate(context, number, "/set", new SignUpRequest(SignUpAction.Set, quantity.Value, Note: note, Words: note), ct);
    }

    /// <summary><c>/leave [#n] [option]</c></summary>
    public Task<Outcome> Leave(CommandContext context, string arguments, CancellationToken ct)
    {
        var rest = BuyReference.Split(arguments, allowBareNumber: true, out var number);
        return Locate(context, number, "/leave", new SignUpRequest(SignUpAction.Leave, 0, Words: rest), ct);
    }

    /// <summary>Applies a sign-up request to a known buy of the chat (a button tap or a reply to its list).</summary>
    public async Task<Outcome> Apply(CommandContext context, long buyId, SignUpRequest request, bool asToast, CancellationToken ct)
    {
        var notFound = NotFound(context, asToast);
        return await store.Decide(context, buyId, Decision(context, request, asToast, time.GetUtcNow()), ct) ?? notFound;
    }

    /// <summary>
    /// A natural reply read later (by a model, beside the update path): applied unless the member's sign-up changed
    /// after <paramref name="memberAsOf"/> (what it was when the reply arrived), which would make it act out of order.
    /// </summary>
    /// <param name="memberAsOf">When the member's sign-up last changed as the reply arrived; null: they had none.</param>
    public async Task<Outcome> ApplyReading(CommandContext context, long buyId, SignUpReply reading, string replyText, DateTimeOffset? memberAsOf, CancellationToken ct)
    {
        var request = RequestOf(reading, replyText);
        var apply = request is not null ? Decision(context, request, asToast: false, time.GetUtcNow()) : _ => Outcome.Nothing;
        return await store.Decide(context, buyId, buy =>
        {
            if (request is not null && MemberAsOf(buy, context.Actor.UserId) != memberAsOf)
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

    /// <summary>
    /// What a natural reply asks for; null when it is not a sign-up action (a question, chit-chat). The options it
    /// names, if any, are read from its words when it is applied.
    /// </summary>
    /// <param name="options">The buy's options: a reply that counts them out ("1 small 1 large") is a sign-up.</param>
    public static SignUpRequest? RequestOf(SignUpReply reply, string replyText, IReadOnlyList<BuyOption>? options = null) => reply.Intent switch
    {
        SignUpIntent.Join => new SignUpRequest(SignUpAction.Join, reply.Quantity ?? 1, Words: replyText),
        SignUpIntent.Set when reply.Quantity is { } quantity => new SignUpRequest(SignUpAction.Set, quantity, Words: replyText),
        SignUpIntent.Leave => new SignUpRequest(SignUpAction.Leave, 0, Words: replyText),
        _ when options is { Count: > 0 } && OptionMentions.CountsOut(replyText, options) => new SignUpRequest(SignUpAction.Join, 1, Words: replyText),
        _ => null,
    };

    /// <summary>When the member's sign-up on a buy last changed (null: they have none).</summary>
    public static DateTimeOffset? MemberAsOf(GroupBuy buy, long userId) =>
        buy.SignUps.Where(s => s.UserId == userId).Select(s => (DateTimeOffset?)s.UpdatedAt).Max();

    /// <summary>
    /// Button taps on one buy's list, applied in order in one transaction (a storm of taps on one list costs one
    /// load and one save, not one each). Returns each tap's outcome, in the same order.
    /// </summary>
    public async Task<IReadOnlyList<Outcome>> ApplyTaps(long buyId, IReadOnlyList<(CommandContext Context, SignUpRequest Request)> taps, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var decided = await store.DecideMany(buyId, [.. taps.Select(t => (t.Context, Decision(t.Context, t.Request, asToast: true, now)))], ct);
        return decided ?? [.. taps.Select(t => NotFound(t.Context, asToast: true))];
    }

    private static Outcome NotFound(CommandContext context, bool asToast) =>
        asToast ? new Outcome { Toast = context.Text("CallbackInvalid") } : Outcome.Say(context.Text("BuyNotFound", "?"));

    private static Func<GroupBuy, Outcome> Decision(CommandContext context, SignUpRequest request, bool asToast, DateTimeOffset now) => buy =>
    {
        // A button or reply can only act on a buy of the chat it came from (or shared with it).
        if (!buy.IsIn(context.ChatId)) return NotFound(context, asToast);
        var steps = SignUpOptions.Resolve(buy, context.Actor.UserId, request);
        if (steps is null) return WhichOption(context, buy, request, asToast);

        var outcomes = steps.Select(step =>
        {
            var change = step.Action switch
            {
                SignUpAction.Join => buy.Join(context.Actor, step.Quantity, step.Note, now, step.Option ?? 0),
                SignUpAction.Set => buy.SetQuantity(context.Actor, step.Quantity, step.Note, now, step.Option ?? 0),
                SignUpAction.Decrement => buy.Decrement(context.Actor, now, step.Option ?? 0),
                _ => buy.Leave(context.Actor.UserId, now, step.Option),
            };
            buy.SignedUpFrom(change.Changed ? change.SignUp : null, context.ChatId);
            return (Change: change, Said: Describe(context, buy, change, step.Option, asToast));
        }).ToList();

        var outcome = Combine([.. outcomes.Select(o => o.Said)]);
        if (outcomes.Any(o => o.Change.Changed) && Payments.PaymentInvoices.DepositRound(context, buy, now) is { } deposit) outcome = outcome with { Privately = deposit };
        // Auto-close happens in the same transaction as the sign-up that filled the last place.
        if (!outcomes.Any(o => o.Change.Changed) || !buy.CloseIfFull(now)) return outcome;
        var summary = Organizing.ClosingHandler.EndedText(context, buy);
        return outcome with { Reply = outcome.Reply is { } said ? said + "\n\n" + summary : summary, Ended = buy };
    };

    /// <summary>A request that names no option on a buy with several: asked about (with a button per option), not guessed.</summary>
    private static Outcome WhichOption(CommandContext context, GroupBuy buy, SignUpRequest request, bool asToast)
    {
        var first = buy.Options.First(o => !o.Closed).Name;
        var question = context.Text("WhichOption", Html.Escape(context.Actor.DisplayName), buy.NumberIn(context.ChatId), Html.Escape(first));
        var buttons = ListButtons.Choices(buy, request.Action, Math.Max(1, request.Quantity));
        return asToast ? new Outcome { Toast = context.Text("CallbackWhichOption") } : new Outcome { Reply = question, Buttons = buttons };
    }

    private static Outcome Combine(IReadOnlyList<Outcome> outcomes)
    {
        if (outcomes.Count == 1) return outcomes[0];
        var replies = outcomes.Select(o => o.Reply).OfType<string>().ToList();
        var toasts = outcomes.Select(o => o.Toast).OfType<string>().ToList();
        return new Outcome
        {
            Reply = replies.Count > 0 ? string.Join('\n', replies) : null,
            Toast = toasts.Count > 0 ? string.Join(' ', toasts) : null,
            RefreshBuyId = outcomes.Select(o => o.RefreshBuyId).FirstOrDefault(id => id is not null),
        };
    }

    private async Task<Outcome> Locate(CommandContext context, int? number, string example, SignUpRequest request, CancellationToken ct)
    {
        var (buy, problem) = await locator.LocateToSignUp(context, number, example, ct);
        return problem ?? await Apply(context, buy!.Id, request, asToast: false, ct);
    }

    private static Outcome Describe(CommandContext context, GroupBuy buy, SignUpChange change, int? option, bool asToast)
    {
        var name = Html.Escape(context.Actor.DisplayName);
        var quantity = change.SignUp?.Quantity ?? 0;
        var optionName = buy.OptionOf(change.SignUp?.Option ?? option ?? 0)?.Name;
        var unit = UnitName(context, buy, quantity) + (optionName is not null && change.Result != SignUpResult.Left ? " · " + Html.Escape(optionName) : "");
        var (replyKey, toastKey, args) = change.Result switch
        {
            SignUpResult.Joined => ("Joined", "CallbackJoined", new object[] { quantity, unit }),
            SignUpResult.Waitlisted => ("JoinedWaitlist", "CallbackWaitlisted", [quantity, unit]),
            SignUpResult.Updated => ("Updated", "CallbackUpdated", [quantity, unit]),
            SignUpResult.Left when optionName is not null => ("LeftOption", "CallbackLeftOption", [Html.Escape(optionName)]),
            SignUpResult.Left => ("Left", "CallbackLeft", []),
            SignUpResult.NotSignedUp => ("NotSignedUp", "CallbackNotSignedUp", [buy.NumberIn(context.ChatId)]),
            SignUpResult.NotOpen => ("NotOpen", "CallbackNotOpen", [buy.NumberIn(context.ChatId)]),
            SignUpResult.NotEnoughPlaces => ("NotEnoughPlaces", "CallbackNotEnoughPlaces", [change.PlacesLeft]),
            SignUpResult.OptionClosed => ("OptionClosed", "CallbackOptionClosed", [Html.Escape(optionName ?? "?")]),
            SignUpResult.UnknownOption => ("UnknownOption", "CallbackInvalid", [buy.NumberIn(context.ChatId), SignUpOptions.List(buy)]),
            _ => ("BadQuantity", "BadQuantity", [SignUp.MaxQuantity]),
        };

        var lines = new List<string>();
        if (!asToast)
        {
            // Replies in the chat name the member; toasts are shown only to them.
            lines.Add(replyKey is "BadQuantity" or "NotOpen" or "UnknownOption"
                ? context.Text(replyKey, args)
                : context.Text(replyKey, [name, .. args]));
        }

        foreach (var promoted in change.Promoted)
        {
            // A shared buy's other groups are never named here: their members move up as "a member of Elm Street".
            var who = buy.IsNamedIn(context.ChatId, promoted)
                ? Html.Escape(promoted.DisplayName)
                : context.Text("MemberOfGroup", Html.Escape(buy.GroupTitle(buy.GroupOf(promoted))));
            lines.Add(context.Text("Promoted", who));
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
