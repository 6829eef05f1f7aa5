namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>Every chat's <see cref="ConversationWindow"/>; shared by the worker (adds, takes) and commands (forget).</summary>
public sealed class ConversationWindows(DiscoveryOptions options)
{
    private readonly Dictionary<long, ConversationWindow> _windows = [];

    // Members who asked to be forgotten, with the message that asked and when: their earlier messages still on
    // their way to the worker are dropped when they arrive. Kept as long as messages are.
    private readonly Dictionary<(long ChatId, long UserId), (long BeforeMessageId, DateTimeOffset At)> _forgotten = [];

    // Every forget request, by the take it followed: a window taken before it was read while the member asked, and
    // what that reading found of them must not reach the board or the remembered wants.
    private readonly Dictionary<(long ChatId, long UserId), (long AfterTake, DateTimeOffset At)> _forgottenAfterTake = [];
    private long _takes;
    private readonly Lock _lock = new();

    public void Add(long chatId, ChatMessage message, long nowMs)
    {
        lock (_lock)
        {
            if (_forgotten.TryGetValue((chatId, message.FromId), out var forgotten) && message.Id < forgotten.BeforeMessageId) return;
            if (!_windows.TryGetValue(chatId, out var window)) _windows[chatId] = window = new ConversationWindow(options);
            window.Add(message, nowMs);
        }
    }

    /// <summary>The windows that should be read now, each taken (its trigger reset).</summary>
    public IReadOnlyList<DueWindow> TakeDue(long nowMs)
    {
        lock (_lock)
        {
            var take = ++_takes;
            return [.. _windows.Where(w => w.Value.IsDue(nowMs)).Select(w => new DueWindow(w.Key, w.Value.HasNewCue, w.Value.TakeForExtraction()) { Take = take })];
        }
    }

    /// <summary>
    /// When each triggered window is or will be due (<see cref="ConversationWindow.DueAtMs"/>), soonest first, and by
    /// when it must be read (<see cref="ConversationWindow.ReadByMs"/>).
    /// </summary>
    public IReadOnlyList<(long DueAtMs, long ReadByMs)> DueTimes()
    {
        lock (_lock)
        {
            return [.. _windows.Values.Where(w => w.DueAtMs is not null).Select(w => (w.DueAtMs!.Value, w.ReadByMs)).OrderBy(d => d.Item1)];
        }
    }

    /// <summary>Those of <paramref name="messageIds"/> still held in memory for the chat (for showing why a need was noticed).</summary>
    public IReadOnlyList<ChatMessage> Recall(long chatId, IEnumerable<long> messageIds)
    {
        lock (_lock)
        {
            if (!_windows.TryGetValue(chatId, out var window)) return [];
            return [.. messageIds.Select(window.Find).OfType<ChatMessage>()];
        }
    }

    /// <summary>
    /// <paramref name="live"/> with, for each need, the messages before <paramref name="messages"/> (pruned or not) that
    /// lead by replies from one of them to the need's own messages (<see cref="LiveNeed.Thread"/>).
    /// </summary>
    public IReadOnlyList<LiveNeed> Threaded(long chatId, IReadOnlyList<ChatMessage> messages, IReadOnlyList<LiveNeed> live)
    {
        lock (_lock)
        {
            return live.Count == 0 || !_windows.TryGetValue(chatId, out var window) ? live : LiveNeed.Threaded(live, messages, window.RepliedChain);
        }
    }

    /// <summary>The chat's raised wants (<see cref="ConversationWindow.Raised"/>) whose message is neither in <paramref name="messages"/> nor on the board (<paramref name="live"/>).</summary>
    public IReadOnlyList<LiveNeed> Raised(long chatId, IReadOnlyList<ChatMessage> messages, IReadOnlyList<LiveNeed> live)
    {
        lock (_lock)
        {
            if (!_windows.TryGetValue(chatId, out var window)) return [];
            var held = messages.Select(m => m.Id).Concat(live.SelectMany(n => n.Evidence)).ToHashSet();
            return [.. window.Raised.Where(r => !held.Contains(r.Evidence[0]))];
        }
    }

    /// <summary>
    /// After a reading of a window taken at <paramref name="take"/>: remembers the wants nobody joined, except those of
    /// members who asked to be forgotten since, and forgets those now on the board (<paramref name="joined"/>).
    /// </summary>
    public void Remember(long chatId, IReadOnlyList<LiveNeed> raised, IEnumerable<long> joined, IEnumerable<long> seen, DateTimeOffset at, long take = 0)
    {
        lock (_lock)
        {
            var forgotten = ForgottenSinceLocked(chatId, take);
            if (_windows.TryGetValue(chatId, out var window)) window.Remember([.. raised.Where(r => !forgotten.Contains(r.Members[0]))], joined, seen, at);
        }
    }

    /// <summary>
    /// Members of the chat who asked to be forgotten after the window of <paramref name="take"/> was taken
    /// (<see cref="DueWindow.Take"/>; 0: any who asked within the retention).
    /// </summary>
    public IReadOnlySet<long> ForgottenSince(long chatId, long take)
    {
        lock (_lock)
        {
            return ForgottenSinceLocked(chatId, take);
        }
    }

    private HashSet<long> ForgottenSinceLocked(long chatId, long take) =>
        [.. _forgottenAfterTake.Where(f => f.Key.ChatId == chatId && f.Value.AfterTake >= take).Select(f => f.Key.UserId)];

    public void Prune(DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var (key, forgotten) in _forgotten.ToList())
            {
                if (now - forgotten.At > options.RawTextRetention) _forgotten.Remove(key);
            }

            foreach (var (key, forgotten) in _forgottenAfterTake.ToList())
            {
                if (now - forgotten.At > options.RawTextRetention) _forgottenAfterTake.Remove(key);
            }

            foreach (var (chatId, window) in _windows.ToList())
            {
                window.Prune(now);
                if (window.Count == 0 && !window.IsTriggered && !window.HasReplyLinks) _windows.Remove(chatId);
            }
        }
    }

    /// <param name="beforeMessageId">The member's request: their messages before it are forgotten, also those not yet here.</param>
    public void ForgetMember(long chatId, long userId, DateTimeOffset now, long? beforeMessageId = null)
    {
        lock (_lock)
        {
            if (_windows.TryGetValue(chatId, out var window)) window.Prune(now, userId);
            if (beforeMessageId is { } before) _forgotten[(chatId, userId)] = (before, now);
            _forgottenAfterTake[(chatId, userId)] = (_takes, now);
        }
    }

    public void ForgetChat(long chatId)
    {
        lock (_lock)
        {
            _windows.Remove(chatId);
        }
    }
}
