namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// A Telegram update stored before it is acknowledged (before the polling offset moves past it, before the webhook
/// answers 200). The row is deleted in the same transaction as what handling it changed, so a crash at any moment
/// leaves either the update to handle again or its whole effect, never half.
/// </summary>
public sealed class InboxUpdate
{
    public long UpdateId { get; set; }

    /// <summary>The chat whose updates are handled in order with this one (<see cref="ChatQueues"/>).</summary>
    public long ChatId { get; set; }

    /// <summary>The update as Telegram sent it (Bot API JSON).</summary>
    public string Payload { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
