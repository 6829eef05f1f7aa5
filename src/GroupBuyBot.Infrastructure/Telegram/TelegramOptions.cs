namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>How the bot reaches Telegram (<c>GroupBuyBot:Telegram</c>).</summary>
public sealed class TelegramOptions
{
    public const string Section = "GroupBuyBot:Telegram";

    /// <summary>From BotFather: <c>123456:ABC-DEF…</c>. Keep it out of files: use <c>GroupBuyBot__Telegram__BotToken</c>.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Telegram's Bot API, or a self-hosted Bot API server (or the emulator).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Seconds a getUpdates call waits for new updates.</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long a send (or any call but the long poll) may take before it is abandoned, and how much longer than
    /// the long poll a getUpdates may take. A hung connection must not hold a chat: the outbox tries again later.
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts of one send before the outbox puts it back for later (with a growing pause).</summary>
    public int SendAttempts { get; set; } = 3;

    /// <summary>Received updates waiting to be handled beyond which receiving pauses (back-pressure).</summary>
    public int MaxWaitingUpdates { get; set; } = 10_000;

    /// <summary>Updates of different chats handled at the same time (one chat's updates stay in order).</summary>
    public int MaxParallelChats { get; set; } = 16;

    /// <summary>The live list of a buy is edited at most once per this many milliseconds.</summary>
    public int ListEditIntervalMs { get; set; } = 3000;

    /// <summary>How long a chat's administrator list is trusted before asking Telegram again.</summary>
    public int AdministratorCacheSeconds { get; set; } = 300;

    /// <summary>Telegram's limits: messages per second to one chat (with a small burst).</summary>
    public double PerChatMessagesPerSecond { get; set; } = 1;

    public int PerChatBurst { get; set; } = 3;

    /// <summary>Messages per minute to one group.</summary>
    public int PerGroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages per second over all chats.</summary>
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Webhook mode instead of long polling (for deployments behind HTTPS); off by default.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>True when the token has the shape BotFather gives (<c>digits:secret</c>).</summary>
    public static bool IsWellFormedToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return false;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && token[..colon].All(char.IsAsciiDigit) && token.Length - colon > 10
            && token[(colon + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }
}
