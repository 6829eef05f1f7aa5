namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Who the bot is on Telegram, learned with getMe at start-up.</summary>
public sealed class BotIdentity
{
    public long Id { get; set; }
    public string Username { get; set; } = "";
}
