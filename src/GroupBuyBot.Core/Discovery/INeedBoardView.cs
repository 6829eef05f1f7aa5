namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// What the bot has noticed in a chat, for the offline playground's need board: the discovery feature implements
/// it; until then the host registers a view with nothing on it.
/// </summary>
public interface INeedBoardView
{
    /// <summary>True when a real discovery feature stands behind the board (the page says so when not).</summary>
    bool IsAvailable { get; }

    /// <summary>The chat's needs, most recent first.</summary>
    Task<IReadOnlyList<NeedBoardEntry>> GetNeedsAsync(long chatId, CancellationToken ct);
}

/// <summary>
/// One noticed need: <paramref name="Summary"/> what is wanted; <paramref name="Interested"/> who;
/// <paramref name="Evidence"/> why (the messages that showed it); <paramref name="Status"/> what the bot did about it.
/// </summary>
public sealed record NeedBoardEntry(
    string Summary,
    IReadOnlyList<NeedBoardMember> Interested,
    IReadOnlyList<NeedBoardEvidence> Evidence,
    NeedBoardStatus Status,
    DateTimeOffset NoticedAt);

public sealed record NeedBoardMember(long UserId, string Name);

/// <summary>A message that showed the need, quoted as written.</summary>
public sealed record NeedBoardEvidence(long MessageId, long FromUserId, string Text);

public enum NeedBoardStatus
{
    /// <summary>Seen, not yet enough interest to suggest a buy.</summary>
    Noticed,

    /// <summary>The bot suggested a group buy in the chat.</summary>
    Suggested,

    /// <summary>An organizer opened a buy for it.</summary>
    BuyOpened,

    /// <summary>Declined or expired.</summary>
    Dismissed,
}
