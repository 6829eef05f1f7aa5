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
}
