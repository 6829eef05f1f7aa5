using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Parsing;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Features.SignUps;

/// <summary>One change of a request once its option is known. <see cref="Option"/> null: Leave the whole buy.</summary>
public sealed record SignUpStep(SignUpAction Action, int Quantity, int? Option, string? Note);

/// <summary>
/// Which option a sign-up request is for. A buy without options has one (0). Otherwise the request's button names it, or
/// its words do ("/join 2 小箱", "1 small 1 large": one step per option named); a member's only sign-up is theirs to
/// change ("+1", "改成3份"); a buy with one open option needs no naming. Anything else is asked about, never guessed.
/// </summary>
public static class SignUpOptions
{
    /// <returns>The steps, in order; null when the member must say which option.</returns>
    public static IReadOnlyList<SignUpStep>? Resolve(GroupBuy buy, long userId, SignUpRequest request)
    {
        var leaving = request.Action == SignUpAction.Leave;
        if (!buy.HasOptions) return [new SignUpStep(request.Action, request.Quantity, leaving ? null : 0, request.Note)];
        if (request.Option is { } named) return [new SignUpStep(request.Action, request.Quantity, named, request.Note)];

        var mentions = OptionMentions.Find(request.Words, buy.Options);
        if (mentions.Count > 0)
        {
            var note = NoteWithout(request.Note, mentions.Select(m => m.Words));
            return [.. mentions.Select(m => new SignUpStep(request.Action, m.Quantity ?? (mentions.Count == 1 ? request.Quantity : 1), m.Option, note))];
        }

        if (leaving) return [new SignUpStep(SignUpAction.Leave, 0, null, null)];
        var theirs = buy.SignUpsOf(userId).ToList();
        if (theirs.Count == 1) return [new SignUpStep(request.Action, request.Quantity, theirs[0].Option, request.Note)];
        var open = buy.Options.Where(o => !o.Closed).ToList();
        return theirs.Count == 0 && open.Count == 1 ? [new SignUpStep(request.Action, request.Quantity, open[0].Number, request.Note)] : null;
    }

    /// <summary>The buy's options as members read them: "大箱 ¥60, 小箱 ¥35".</summary>
    public static string List(GroupBuy buy) => string.Join(", ", buy.Options.Select(o => Html.Escape(OptionText.Format(o, buy.Currency))));

    /// <summary>A command's note without the words that named options (and the quantity beside them).</summary>
    private static string? NoteWithout(string? note, IEnumerable<string> names)
    {
        if (note is null) return null;
        foreach (var name in names)
        {
            var at = note.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) note = note.Remove(at, name.Length);
        }

        note = note.Trim(' ', ',', '，', '、');
        if (SignUpHandler.TrySplitQuantity(note, out var quantity, out var rest) && quantity is not null) note = rest;
        return string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
