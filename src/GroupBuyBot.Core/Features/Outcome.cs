using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Features;

/// <summary>What the chat should see after a use case ran. The Telegram layer turns it into messages.</summary>
public sealed record Outcome
{
    /// <summary>A message for the chat (HTML), sent as a reply to the request.</summary>
    public string? Reply { get; init; }

    /// <summary>A short answer for a button tap (plain text, shown as a toast).</summary>
    public string? Toast { get; init; }

    /// <summary>A buy whose live list changed and must be re-rendered.</summary>
    public long? RefreshBuyId { get; init; }

    /// <summary>A buy that just opened: post its announcement (the live list) and remember the message.</summary>
    public GroupBuy? Announce { get; init; }

    /// <summary>A draft that needs an answer: <see cref="Reply"/> is the question; remember its message id.</summary>
    public GroupBuy? AskFor { get; init; }

    /// <summary>Groups a buy was just shared with: its list is posted in each (and remembered there).</summary>
    public IReadOnlyList<SharedList> SharedLists { get; init; } = [];

    /// <summary>A buy that closed or was cancelled by this request: the later issue's notifications hook here.</summary>
    public GroupBuy? Ended { get; init; }

    /// <summary>Inline buttons under <see cref="Reply"/>, rows of (text, callback data).</summary>
    public IReadOnlyList<IReadOnlyList<ButtonSpec>>? Buttons { get; init; }

    /// <summary>Messages for other chats, e.g. a supplier's answer (given in private) posted to the buy's group.</summary>
    public IReadOnlyList<ChatNotice> Notices { get; init; } = [];

    /// <summary>A new text for a message the bot sent before (its buttons go unless new ones are given), e.g. a suggestion once decided.</summary>
    public MessageEdit? Edit { get; init; }

    /// <summary>A file sent privately to a member (an export).</summary>
    public PrivateDocument? Document { get; init; }

    /// <summary>Private messages to several members (confirmations, rating requests), then a word in their group.</summary>
    public PrivateRound? Privately { get; init; }

    /// <summary>The bot's reaction on a member's message (null emoji: remove it), e.g. 👀 while a model reads it.</summary>
    public MessageReaction? React { get; init; }

    /// <summary>Quote requests to suppliers, and the quote board to post or refresh.</summary>
    public QuoteMessages? Quotes { get; init; }

    /// <summary>Buys whose supplier order waited for its supplier to start the bot: send each one now.</summary>
    public IReadOnlyList<long> SupplierOrders { get; init; } = [];

    /// <summary>
    /// True when everything this outcome says (all but <see cref="Toast"/>) was stored with the change that caused
    /// it, in the same transaction (<see cref="Storage.IGroupBuyStore.Decide"/>): it will be sent from there, so the
    /// Telegram layer only answers the toast.
    /// </summary>
    public bool Recorded { get; init; }

    public static Outcome Say(string text) => new() { Reply = text };

    public static Outcome Nothing { get; } = new();

    /// <summary>A redelivered request: what it had to say was stored the first time.</summary>
    public static Outcome AlreadySaid { get; } = new() { Recorded = true };
}

/// <summary>An inline button: what it says and the callback data it sends (at most 64 bytes).</summary>
public sealed record ButtonSpec(string Text, string Data);

/// <summary>A shared buy's list to post in one of its other groups.</summary>
public sealed record SharedList(long BuyId, long ChatId);

/// <summary>A message for a chat other than the one the request came from.</summary>
public sealed record ChatNotice(long ChatId, int? ThreadId, string Text);

/// <summary>A reaction of the bot on a message; <see cref="Emoji"/> null removes it.</summary>
public sealed record MessageReaction(long ChatId, int MessageId, string? Emoji);

/// <summary>A bot message whose text changes; <paramref name="Buttons"/> replace its buttons (null: none).</summary>
public sealed record MessageEdit(long ChatId, int MessageId, string Text, IReadOnlyList<IReadOnlyList<ButtonSpec>>? Buttons = null);

/// <param name="Unreachable">Said in the request's chat when the member never started the bot.</param>
public sealed record PrivateDocument(long UserId, string FileName, byte[] Content, string Caption, string Unreachable);

/// <summary>
/// Private messages to members of one group, each sent on its own after the change, then <see cref="After"/> in the
/// group: it can name whoever could not be reached (they never started the bot, or blocked it).
/// </summary>
public sealed record PrivateRound(long ChatId, int? ThreadId, IReadOnlyList<PrivateMessage> Messages, UnreachedNotice After);

/// <param name="Mention">How the group names the member when this message cannot reach them.</param>
/// <param name="Invoice">Sent as a Telegram invoice instead of a text (<paramref name="Text"/> is then its description).</param>
public sealed record PrivateMessage(long UserId, string Mention, string Text, IReadOnlyList<IReadOnlyList<ButtonSpec>>? Buttons = null, Invoice? Invoice = null);

/// <summary>
/// A Telegram invoice for one payment: <see cref="Amount"/> in the buy's currency (XTR: Telegram Stars), paid in the
/// member's private chat; <see cref="Payload"/> comes back with the pre-checkout query and the successful payment.
/// </summary>
public sealed record Invoice(string Title, string Payload, string Currency, decimal Amount, string PriceLabel);

/// <summary>
/// What the group hears after a <see cref="PrivateRound"/>: <see cref="AllReached"/> when every message arrived (null:
/// nothing), else <see cref="Before"/>, the mentions of the members not reached, <see cref="After"/>.
/// </summary>
public sealed record UnreachedNotice(string? AllReached, string? Before, string After,
    IReadOnlyList<IReadOnlyList<ButtonSpec>>? Buttons = null, int? ReplyTo = null)
{
    private const string Marker = "\u0001members\u0001";

    /// <summary>Nothing is said afterwards, reached or not (a reminder, a receipt).</summary>
    public static UnreachedNotice Silent { get; } = new(null, null, "");

    public string? Text(IReadOnlyList<string> unreachedMentions) =>
        unreachedMentions.Count == 0 ? AllReached : Before is null ? null : Before + string.Join(", ", unreachedMentions.Distinct()) + After;

    /// <summary>A notice whose text, rendered with the mentions in place of its argument, is split around them.</summary>
    public static UnreachedNotice Around(string? allReached, Func<string, string> render,
        IReadOnlyList<IReadOnlyList<ButtonSpec>>? buttons = null, int? replyTo = null)
    {
        var text = render(Marker);
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        return new UnreachedNotice(allReached, text[..at], text[(at + Marker.Length)..], buttons, replyTo);
    }
}

/// <summary>
/// A buy's quote round: each request goes privately to its supplier (and is remembered on the quote: the supplier's
/// reply to it is their quote, a request that cannot reach them marks them unreachable); then the board is posted
/// in the group (<see cref="PostBoard"/>), or else edited to show the quotes as they are.
/// </summary>
public sealed record QuoteMessages(long BuyId, long ChatId, int? ThreadId, IReadOnlyList<QuoteRequestMessage> Requests, bool PostBoard)
{
    public static QuoteMessages RefreshBoard(GroupBuy buy) => new(buy.Id, buy.ChatId, buy.ThreadId, [], PostBoard: false);
}

public sealed record QuoteRequestMessage(long SupplierUserId, string Text, IReadOnlyList<IReadOnlyList<ButtonSpec>> Buttons);
