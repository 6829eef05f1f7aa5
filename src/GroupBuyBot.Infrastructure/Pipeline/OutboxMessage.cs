namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>What an outbox row asks Telegram to do.</summary>
public enum OutboxKind
{
    /// <summary>An HTML message, optionally with buttons, optionally as a reply.</summary>
    Text,

    /// <summary>A draft's question (with ForceReply); its message id is remembered on the draft.</summary>
    Question,

    /// <summary>A buy's announcement, rendered from the buy when sent; its message id is remembered on the buy.</summary>
    Announce,

    /// <summary>A buy's live list, re-rendered from the buy when sent; at most one row per buy (coalesced).</summary>
    ListEdit,

    /// <summary>A new text for a message the bot sent before (buttons removed).</summary>
    Edit,

    /// <summary>A file sent privately to a member; the chat is told whether it arrived.</summary>
    Document,

    /// <summary>
    /// A buy ended: when sent, it becomes its <see cref="Privately"/> round (private confirmations, then the summary) in
    /// the same place of the chat's order, plus a list edit and, for a formed buy with a supplier, its order.
    /// </summary>
    BuyEnded,

    /// <summary>
    /// Private messages to members (<see cref="OutboxMessage.Payload"/>), one by one, each counted in
    /// <see cref="OutboxMessage.Progress"/>; then the group's notice naming whoever could not be reached.
    /// </summary>
    Privately,

    /// <summary>A formed buy's order to its supplier; the group hears when it cannot be delivered.</summary>
    SupplierOrder,

    /// <summary>An order that waited for its supplier to start the bot; the group hears when it arrives.</summary>
    OrderRetry,

    /// <summary>A request for a quote, sent privately to a supplier (<see cref="OutboxMessage.UserId"/>) and remembered on the quote.</summary>
    QuoteRequest,

    /// <summary>A buy's quote board, rendered when sent and remembered; later answers edit it.</summary>
    QuoteBoard,

    /// <summary>A new render of a buy's quote board.</summary>
    QuoteBoardEdit,

    /// <summary>The bot's reaction (<see cref="OutboxMessage.Html"/>: the emoji, null to remove) on <see cref="OutboxMessage.MessageId"/>.</summary>
    Reaction,

    /// <summary>Telegram Stars given back to a member (<see cref="OutboxMessage.UserId"/>, the charge id in <see cref="OutboxMessage.Payload"/>), then told privately.</summary>
    StarRefund,

    /// <summary>A shared buy's list posted in another group (<see cref="OutboxMessage.ChatId"/>); its message id is remembered on the buy's group.</summary>
    SharedList,
}

/// <summary>
/// A message the bot promised, written in the same transaction as the change that promised it and deleted once
/// Telegram accepted it. Rows of one chat are sent in the order they were written.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }

    /// <summary>Where it goes: a group, or a user's private chat.</summary>
    public long ChatId { get; set; }

    public int? ThreadId { get; set; }

    /// <summary>The member's message it answers.</summary>
    public int? ReplyTo { get; set; }

    /// <summary>For <see cref="OutboxKind.Edit"/>: the message to edit.</summary>
    public int? MessageId { get; set; }

    public string? Html { get; set; }

    /// <summary>Inline buttons as JSON rows of (text, data).</summary>
    public string? Buttons { get; set; }

    public long? BuyId { get; set; }

    /// <summary>For <see cref="OutboxKind.Document"/>: the recipient, the file, and what the chat hears if it cannot be delivered.</summary>
    public long? UserId { get; set; }

    public string? FileName { get; set; }
    public byte[]? Content { get; set; }
    public string? Caption { get; set; }
    public string? Fallback { get; set; }

    /// <summary>For <see cref="OutboxKind.Privately"/>: the round as JSON.</summary>
    public string? Payload { get; set; }

    /// <summary>For <see cref="OutboxKind.Privately"/>: how many of its messages were handled, so a retry goes on from there.</summary>
    public int Progress { get; set; }

    /// <summary>For <see cref="OutboxKind.Privately"/>: the indexes (comma-separated) of the messages that could not reach their member.</summary>
    public string? Refused { get; set; }

    /// <summary>Bumped when a newer change wants the same list edit: a sender that rendered an older state keeps the row.</summary>
    public int Generation { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// Not before this (real time: Telegram's seconds, not the bot's clock, which tests and the playground move).
    /// The default, long past, means at once.
    /// </summary>
    public DateTimeOffset NextAttemptAt { get; set; }
}
