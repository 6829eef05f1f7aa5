namespace GroupBuyBot.Core.Discovery.Board;

/// <summary>Where a need on the board stands.</summary>
public enum BoardNeedStatus
{
    /// <summary>Collecting interested members; not suggested yet.</summary>
    Gathering,

    /// <summary>The suggestion was posted; waiting for an organizer.</summary>
    Suggested,

    /// <summary>An organizer started a group buy from it.</summary>
    Started,

    /// <summary>An organizer said "Not now": kept quietly until it expires, never suggested again.</summary>
    NotNow,

    /// <summary>An organizer said "Never for this": its members are dropped; the summary stays so it is recognised.</summary>
    Never,
}

/// <summary>
/// One member interested in a need: who, in which messages (ids only, never text) and, when they said a number, how
/// many units ("晓雯2盒", "two for us"); null means they did not say (one).
/// </summary>
public sealed record BoardMember(long UserId, string DisplayName, IReadOnlyList<long> MessageIds, DateTimeOffset LastSaidAt, int? Units = null);

/// <summary>A shared need the bot noticed in a chat, merged over time. Keeps summaries, member ids and message ids only.</summary>
public sealed class BoardNeed
{
    public long Id { get; set; }
    public long ChatId { get; set; }
    public string Summary { get; set; } = "";
    public List<BoardMember> Members { get; set; } = [];
    public BoardNeedStatus Status { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastActiveAt { get; set; }
    public int? SuggestionMessageId { get; set; }
    public DateTimeOffset? SuggestedAt { get; set; }

    /// <summary>Needs of linked groups this one was suggested to be pooled with (their ids): each pair is suggested once.</summary>
    public List<long> PooledWith { get; set; } = [];

    public IEnumerable<long> EvidenceMessageIds => Members.SelectMany(m => m.MessageIds);

    public bool Has(long userId) => Members.Exists(m => m.UserId == userId);

    /// <summary>
    /// Units the members asked for: each member's number, one for a member who said none; null when nobody said a
    /// number (the member count is all there is). A method, so the database mapping never sees it.
    /// </summary>
    public int? RequestedUnits() => Members.Exists(m => m.Units is not null) ? Members.Sum(m => m.Units ?? 1) : null;
}
