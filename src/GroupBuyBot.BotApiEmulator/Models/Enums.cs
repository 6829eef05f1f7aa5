namespace GroupBuyBot.BotApiEmulator.Models;

public enum ChatKind
{
    Private,
    Group,
    Supergroup,
}

public enum MemberStatus
{
    Left,
    Member,
    Administrator,
    Creator,
    Kicked,
}

public enum FaultKind
{
    TooManyRequests,
    InternalServerError,
    BadGateway,
    Delay,

    /// <summary>The connection is reset (TCP RST) before the call is handled: the client sees "connection reset by peer".</summary>
    ConnectionReset,
}

/// <summary>What the emulator does with a call an <see cref="State.EmulatorState.InterceptBotCalls"/> hook looked at.</summary>
public enum BotCallVerdict
{
    /// <summary>Handle it as usual (injected faults still apply).</summary>
    Proceed,

    /// <summary>Reset the connection without handling the call: Telegram never saw it.</summary>
    ResetBeforeHandling,

    /// <summary>Handle the call, then reset the connection instead of answering: Telegram did it, the client never hears so.</summary>
    ResetAfterHandling,
}
