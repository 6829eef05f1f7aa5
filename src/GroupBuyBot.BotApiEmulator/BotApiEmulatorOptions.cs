namespace GroupBuyBot.BotApiEmulator;

/// <summary>Settings of one emulated Telegram Bot API server.</summary>
public sealed class BotApiEmulatorOptions
{
    /// <summary>The token the bot must use; the number before ':' is the bot's user id (as on Telegram).</summary>
    public string BotToken { get; init; } = "123456:TEST";

    public string BotUsername { get; init; } = "GroupBuyTestBot";

    public string BotFirstName { get; init; } = "GroupBuy Test Bot";

    /// <summary>Source of every <c>date</c> field. Long-poll timeouts and injected delays still use real time,
    /// so a frozen fake clock cannot hang the bot's getUpdates loop.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called by the driver's "advance time" operation; null means the clock is not controllable.</summary>
    public Func<TimeSpan, Task>? OnAdvanceTime { get; init; }

    /// <summary>Loopback port for <see cref="BotApiEmulator.StartAsync"/>; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Answer 429 when the bot exceeds Telegram's documented send rates (off by default).</summary>
    public bool EnforceFloodLimits { get; init; }

    public FloodLimits FloodLimits { get; init; } = new();

    /// <summary>Upper bound of one getUpdates long poll, whatever timeout the bot asks for.</summary>
    public TimeSpan MaxLongPoll { get; init; } = TimeSpan.FromSeconds(50);

    public long BotId => ParseBotId(BotToken);

    internal static long ParseBotId(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(token.AsSpan(0, colon), out var id))
        {
            throw new ArgumentException("A bot token looks like '123456:ABC'.", nameof(token));
        }

        return id;
    }
}

/// <summary>Telegram's send limits (see core.telegram.org/bots/faq#broadcasting-to-users).</summary>
public sealed record FloodLimits
{
    public int PerPrivateChatPerSecond { get; init; } = 1;

    public int PerGroupPerMinute { get; init; } = 20;

    public int GlobalPerSecond { get; init; } = 30;
}
