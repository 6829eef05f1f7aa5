namespace GroupBuyBot.Core.Discovery;

/// <summary>How the bot listens for shared needs (<c>GroupBuyBot:Discovery</c>).</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "GroupBuyBot:Discovery";

    /// <summary>Whether discovery is on in a chat whose admins have not said <c>/discovery on|off</c>.</summary>
    public bool EnabledByDefault { get; set; } = true;

    /// <summary>Messages kept per chat in the in-memory window (the most recent ones).</summary>
    public int WindowMessages { get; set; } = 40;

    /// <summary>Raw message text is dropped from memory after this long (privacy).</summary>
    public int RawTextRetentionMinutes { get; set; } = 180;

    /// <summary>
    /// A window with new cues is sent once the chat has been quiet this long… 30 min, not a few: group-buy talk comes
    /// in spurts minutes apart, and each early read of the same talk was a model call (benchmark: 301 → 100 calls per
    /// 1,000 corpus messages, every need conversation still read). A suggestion comes half an hour later; buys are not urgent.
    /// </summary>
    public int BatchQuietMilliseconds { get; set; } = 1_800_000;

    /// <summary>The quiet period when no model is configured (and <see cref="BatchQuietMilliseconds"/> is not set):
    /// the embedded extractor is free, so a suggestion can follow the talk within minutes.</summary>
    public int EmbeddedBatchQuietMilliseconds { get; set; } = 120_000;

    /// <summary>…or once this many messages arrived since the last extraction, whichever comes first. As many as the
    /// window holds, so consecutive reads do not overlap.</summary>
    public int BatchMaxMessages { get; set; } = 40;

    /// <summary>
    /// A due window waits up to this long for other chats' windows to fall due, so that several are read in one model
    /// call (<see cref="WindowsPerCall"/> due windows are read at once without waiting). Only with a model: without one
    /// (and when this is not set) nothing waits, the embedded extractor costs nothing per call.
    /// </summary>
    public int SharedCallWaitMilliseconds { get; set; } = 3_600_000;

    /// <summary>At most this many chats' windows in one model call…</summary>
    public int WindowsPerCall { get; set; } = 8;

    /// <summary>…and at most this many messages in all (a window is never split).</summary>
    public int MessagesPerCall { get; set; } = 200;

    /// <summary>A burst (this many messages within <see cref="BurstSeconds"/>) also makes a window worth a look.</summary>
    public int BurstMessages { get; set; } = 8;

    public int BurstSeconds { get; set; } = 120;

    /// <summary>Distinct interested members at which the bot suggests a group buy.</summary>
    public int SuggestionThreshold { get; set; } = 3;

    /// <summary>A need nobody mentioned for this long leaves the board: a week, as community group buys are talked over one ("is it still on?" days later).</summary>
    public int NeedIdleHours { get; set; } = 168;

    /// <summary>Messages waiting for the background worker; beyond this the oldest are not queued (logged).</summary>
    public int MaxQueuedMessages { get; set; } = 10_000;

    /// <summary>Whether discovery listens in <paramref name="chat"/>: its admins' <c>/discovery on|off</c>, else <see cref="EnabledByDefault"/>.</summary>
    public bool IsOnIn(Chats.ChatSettings chat) => chat.DiscoveryEnabled ?? EnabledByDefault;

    public TimeSpan RawTextRetention => TimeSpan.FromMinutes(Math.Max(1, RawTextRetentionMinutes));

    public TimeSpan NeedIdle => TimeSpan.FromHours(Math.Max(1, NeedIdleHours));
}
