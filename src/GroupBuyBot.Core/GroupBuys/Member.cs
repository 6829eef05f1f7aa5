namespace GroupBuyBot.Core.GroupBuys;

/// <summary>A chat member as the bot knows them: Telegram user id plus how to show them.</summary>
public sealed record Member(long UserId, string DisplayName, string? Username = null);
