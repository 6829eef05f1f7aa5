using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Chats;

/// <summary>What the bot keeps per chat: language, time zone, membership.</summary>
public sealed class ChatSettings
{
    public long ChatId { get; set; }
    public string? Title { get; set; }
    public Language Language { get; set; }
    public string TimeZoneId { get; set; } = "UTC";
    public bool BotIsMember { get; set; } = true;

    /// <summary>Need discovery in this chat; null: the configured default.</summary>
    public bool? DiscoveryEnabled { get; set; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
