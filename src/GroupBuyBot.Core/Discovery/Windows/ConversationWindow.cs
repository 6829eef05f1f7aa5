namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>
/// The recent messages of one chat, in memory only, and the cheap signals that decide when they are worth
/// reading: a want/join/decline cue, a reply to an earlier cue, or a burst of talk. Not thread-safe: the
/// owner (<see cref="ConversationWindows"/>) locks.
/// </summary>
public sealed class ConversationWindow(DiscoveryOptions options)
{
    private readonly List<ChatMessage> _messages = [];
    private readonly HashSet<long> _cueMessages = [];
    private int _newSinceExtraction;
    private bool _triggered;
    private long _lastAddedAtMs;

    public int Count => _messages.Count;

    public bool IsTriggered => _triggered;

    public void Add(ChatMessage message, long nowMs)
    {
        _messages.Add(message);
        if (_messages.Count > Math.Max(2, options.WindowMessages))
        {
            _cueMessages.Remove(_messages[0].Id);
            _messages.RemoveAt(0);
        }

        _newSinceExtraction++;
        _lastAddedAtMs = nowMs;
        var act = NeedCues.Classify(message.Text);
        var isCue = act is NeedAct.Want or NeedAct.Solicit or NeedAct.Join or NeedAct.Decline;
        var repliesToCue = message.ReplyToId is long parent && _cueMessages.Contains(parent);
        if (isCue || repliesToCue)
        {
            _cueMessages.Add(message.Id);
            _triggered = true;
        }
        else if (IsBurst(message.At))
        {
            _triggered = true;
        }
    }

    /// <summary>True when a triggered window has settled (quiet) or grown enough to be sent now.</summary>
    public bool IsDue(long nowMs) =>
        _triggered && (_newSinceExtraction >= options.BatchMaxMessages || nowMs - _lastAddedAtMs >= options.BatchQuietMilliseconds);

    /// <summary>The window to read now; resets the trigger so the same talk is not sent again.</summary>
    public IReadOnlyList<ChatMessage> TakeForExtraction()
    {
        _triggered = false;
        _newSinceExtraction = 0;
        return [.. _messages];
    }

    /// <summary>The message with this id, while it is still held (raw text is kept only for the retention period).</summary>
    public ChatMessage? Find(long messageId) => _messages.Find(m => m.Id == messageId);

    /// <summary>Privacy: drops messages older than the retention, and everything a member asked to forget.</summary>
    public void Prune(DateTimeOffset now, long? forgetUserId = null)
    {
        var cutoff = now - options.RawTextRetention;
        _messages.RemoveAll(m => m.At < cutoff || m.FromId == forgetUserId);
        _cueMessages.IntersectWith(_messages.Select(m => m.Id));
    }

    private bool IsBurst(DateTimeOffset at)
    {
        var since = at.AddSeconds(-options.BurstSeconds);
        var recent = 0;
        for (var i = _messages.Count - 1; i >= 0 && _messages[i].At >= since; i--) recent++;
        return recent >= options.BurstMessages;
    }
}
