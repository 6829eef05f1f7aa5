namespace GroupBuyBot.BotApiEmulator.Formatting;

/// <summary>Raised when formatted text is malformed; the API turns it into Telegram's "can't parse entities" 400.</summary>
public sealed class EntityParseException(string detail) : Exception(detail);
