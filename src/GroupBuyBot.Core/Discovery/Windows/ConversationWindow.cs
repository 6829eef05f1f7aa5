namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>
/// The recent messages of one chat, in memory only, and the cheap signals that decide when they are worth
/// reading: a want/join/decline cue, a reply to an earlier cue, or a burst of talk. A triggered window is due once
/// its need talk has settled (no new cue for the batching period; chit-chat does not hold it back) and stays due
/// until it is read; it must be read at once when it is full or its first unread message nears the end of its
/// retention. Not thread-safe: the owner (<see cref="ConversationWindows"/>) locks.
/// </summary>
public sealed class ConversationWindow(DiscoveryOptions options)
{
    // Which message each reply answered (ids only, never text), kept after the text is pruned, as long as the board
    // keeps a need: a late reply reaches the need it continues through the replies between them.
    private const int MaxReplyLinks = 4000;

    private readonly List<ChatMessage> _messages = [];
    private readonly Dictionary<long, (long Parent, long FromId, DateTimeOffset At)> _replyLinks = [];

    // Wants nobody joined yet (owner, message id, summary: no other text), kept as long as reply links.
    private const int MaxRaised = 200;
    private readonly Dictionary<long, (LiveNeed Want, DateTimeOffset At)> _raised = [];
    private readonly HashSet<long> _cueMessages = [];
    private int _newSinceExtraction;
    private bool _triggered;
    private bool _newCue;
    private long _lastAddedAtMs;
    private long _lastCueAtMs;
    private long _triggeredAtMs;
    private int _sinceFirstNewCue;
    private long _filledAtMs;
    private long? _dueSinceMs;
    private long? _mustReadAtMs;

    public int Count => _messages.Count;

    public bool IsTriggered => _triggered;

    /// <summary>
    /// Whether a message since the last extraction carried a want/join/decline cue or replied to one. A window
    /// triggered only by a burst of talk without one has nothing new to read.
    /// </summary>
    public bool HasNewCue => _newCue;

    /// <summary>
    /// When a triggered window is (or will be) due, on the caller's millisecond clock: once no new cue came for the
    /// batching period (no new message at all, for a window a burst triggered), or by <see cref="ReadByMs"/>; once due
    /// it stays due until read. Null when nothing triggered it.
    /// </summary>
    public long? DueAtMs => !_triggered ? null : Math.Min(_dueSinceMs ?? Math.Min(SettledAtMs, IsFull ? _filledAtMs : long.MaxValue), ReadByMs);

    /// <summary>
    /// When it must be read without waiting for other chats' windows: when it is at capacity with only need talk left
    /// to push out (the next message would push a cue out unread), or well before the message that triggered it passes
    /// the retention.
    /// </summary>
    public long ReadByMs => Math.Min(_mustReadAtMs ?? long.MaxValue, _triggeredAtMs + (long)(options.RawTextRetention.TotalMilliseconds * 0.8));

    /// <summary>
    /// As many messages since the first unread cue as a reading takes (chit-chat before it does not count: losing it
    /// unread loses nothing); for a window only a burst triggered, as many new messages.
    /// </summary>
    public bool IsFull => (_newCue ? _sinceFirstNewCue : _newSinceExtraction) >= Math.Min(options.BatchMaxMessages, Capacity);

    private int Capacity => Math.Max(2, options.WindowMessages);

    private long SettledAtMs => (_newCue ? _lastCueAtMs : _lastAddedAtMs) + options.BatchQuietMilliseconds;

    public void Add(ChatMessage message, long nowMs)
    {
        _messages.Add(message);
        if (message.ReplyToId is long repliedTo)
        {
            if (_replyLinks.Count >= MaxReplyLinks) _replyLinks.Remove(_replyLinks.MinBy(l => l.Value.At).Key);
            _replyLinks[message.Id] = (repliedTo, message.FromId, message.At);
        }
        if (_messages.Count > Capacity)
        {
            // Chit-chat goes first: the oldest message that carries no cue (nor replies to one), else the oldest.
            var oldest = Math.Max(0, _messages.FindIndex(m => !_cueMessages.Contains(m.Id)));
            _cueMessages.Remove(_messages[oldest].Id);
            _messages.RemoveAt(oldest);
        }

        if (_triggered && DueAtMs <= nowMs) _dueSinceMs ??= DueAtMs; // due already: what comes now joins the reading
        var wasFull = IsFull;
        _newSinceExtraction++;
        if (_newCue) _sinceFirstNewCue++;
        _lastAddedAtMs = nowMs;
        var act = NeedCues.Classify(message.Text);
        var isCue = act is NeedAct.Want or NeedAct.Solicit or NeedAct.Join or NeedAct.Decline;
        var repliesToCue = message.ReplyToId is long parent && _cueMessages.Contains(parent);
        if (!_triggered) _triggeredAtMs = nowMs; // (kept only if this message triggers it)
        if (isCue || repliesToCue)
        {
            _cueMessages.Add(message.Id);
            _triggered = true;
            if (!_newCue) _sinceFirstNewCue = 1;
            _newCue = true;
            _lastCueAtMs = nowMs;
        }
        else if (IsBurst(message.At))
        {
            _triggered = true;
        }

        if (IsFull && !wasFull) _filledAtMs = nowMs;

        // Nothing left to push out but need talk, some of it unread: the next message would lose a cue.
        if (_newCue && _messages.Count >= Capacity && _messages.TrueForAll(m => _cueMessages.Contains(m.Id))) _mustReadAtMs ??= nowMs;
    }

    /// <summary>True when a triggered window has settled (quiet) or grown enough to be sent now.</summary>
    public bool IsDue(long nowMs) => DueAtMs <= nowMs;

    /// <summary>The window to read now; resets the trigger so the same talk is not sent again.</summary>
    public IReadOnlyList<ChatMessage> TakeForExtraction()
    {
        _triggered = false;
        _newCue = false;
        _dueSinceMs = null;
        _mustReadAtMs = null;
        _newSinceExtraction = 0;
        _sinceFirstNewCue = 0;
        return [.. _messages];
    }

    /// <summary>The message with this id, while it is still held (raw text is kept only for the retention period).</summary>
    public ChatMessage? Find(long messageId) => _messages.Find(m => m.Id == messageId);

    /// <summary>Whether reply links or raised wants are still held (the window is kept for them after its text is gone).</summary>
    public bool HasReplyLinks => _replyLinks.Count > 0 || _raised.Count > 0;

    /// <summary>Wants raised in earlier readings that nobody had joined (<see cref="LiveNeed.Raised"/>), oldest first.</summary>
    public IReadOnlyList<LiveNeed> Raised => [.. _raised.Values.OrderBy(r => r.At).Select(r => r.Want)];

    /// <summary>
    /// Remembers the wants a reading found nobody joined, and forgets <paramref name="joined"/> (message ids now on the
    /// board: the want became a need) and those whose message the reading saw (<paramref name="seen"/>) and did not
    /// return (someone joined, or it is no longer a want).
    /// </summary>
    public void Remember(IReadOnlyList<LiveNeed> raised, IEnumerable<long> joined, IEnumerable<long> seen, DateTimeOffset at)
    {
        var returned = raised.Select(r => r.Evidence[0]).ToHashSet();
        foreach (var id in joined.Concat(seen.Where(id => !returned.Contains(id)))) _raised.Remove(id);
        foreach (var want in raised)
        {
            var id = want.Evidence[0];
            if (!_raised.ContainsKey(id) && _raised.Count >= MaxRaised) _raised.Remove(_raised.MinBy(r => r.Value.At).Key);
            _raised[id] = (want, _raised.TryGetValue(id, out var kept) ? kept.At : at);
        }
    }

    /// <summary>
    /// The messages <paramref name="messageId"/> answered, nearest first (its parent, the parent's parent, …), by the
    /// reply links kept after their text was pruned: ids only, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<long> RepliedChain(long messageId, int max = 50)
    {
        var chain = new List<long>();
        var at = messageId;
        while (chain.Count < max && _replyLinks.TryGetValue(at, out var link) && !chain.Contains(link.Parent))
        {
            chain.Add(link.Parent);
            at = link.Parent;
        }

        return chain;
    }

    /// <summary>
    /// Privacy: drops messages older than the retention, and everything a member asked to forget; reply links (ids
    /// only) go once older than the board keeps an idle need, and with the member who asked to be forgotten.
    /// </summary>
    public void Prune(DateTimeOffset now, long? forgetUserId = null)
    {
        var cutoff = now - options.RawTextRetention;
        _messages.RemoveAll(m => m.At < cutoff || m.FromId == forgetUserId);
        _cueMessages.IntersectWith(_messages.Select(m => m.Id));
        var linksCutoff = now - options.NeedIdle;
        foreach (var (id, link) in _replyLinks.Where(l => l.Value.At < linksCutoff || l.Value.FromId == forgetUserId).ToList()) _replyLinks.Remove(id);
        foreach (var (id, _) in _raised.Where(r => r.Value.At < linksCutoff || r.Value.Want.Members[0] == forgetUserId).ToList()) _raised.Remove(id);
    }

    private bool IsBurst(DateTimeOffset at)
    {
        var since = at.AddSeconds(-options.BurstSeconds);
        var recent = 0;
        for (var i = _messages.Count - 1; i >= 0 && _messages[i].At >= since; i--) recent++;
        return recent >= options.BurstMessages;
    }
}
