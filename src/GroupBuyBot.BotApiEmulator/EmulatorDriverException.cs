namespace GroupBuyBot.BotApiEmulator;

/// <summary>A driver request that cannot be carried out (unknown chat, no such button, ...).</summary>
public sealed class EmulatorDriverException(string message) : Exception(message);
