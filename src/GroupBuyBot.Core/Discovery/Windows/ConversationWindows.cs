namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>Every chat's <see cref="ConversationWindow"/>; shared by the worker (adds, takes) and commands (forget).</summary>
public sealed class ConversationWindows(DiscoveryOptions options)
{
    private readonly Dictionary<long, ConversationWindow> _windows = [];
    private readonly Lock _lock = new();

    public void Add(long chatId, ChatMessage message, long nowMs)
    {
        lock (_lock)
        {
            if (!_windows.TryGetValue(chatId, out var window)) _windows[chatId] = window = new ConversationWindow(options);
            window.Add(message, nowMs);
        }
    }

    /// <summary>The windows that should be read now, each taken (its trigger reset).</summary>
    public IReadOnlyList<(long ChatId, IReadOnlyList<ChatMessage> Messages)> TakeDue(long nowMs)
    {
        lock (_lock)
        {
            return [.. _windows.Where(w => w.Value.IsDue(nowMs)).Select(w => (w.Key, w.Value.TakeForExtraction()))];
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

    public void Prune(DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var (chatId, window) in _windows.ToList())
            {
                window.Prune(now);
                if (window.Count == 0 && !window.IsTriggered) _windows.Remove(chatId);
            }
        }
    }

    public void ForgetMember(long chatId, long userId, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_windows.TryGetValue(chatId, out var window)) window.Prune(now, userId);
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
