using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// When a chat's recent messages go to the model. Messages are buffered per chat; the buffer becomes a window when
/// the chat falls quiet for <see cref="QuietGap"/>, when it reaches <see cref="MaxWindow"/> messages, or at the end.
/// The window (with a little earlier context) is sent only if <see cref="NeedCues.IsWorthExtracting"/> passes.
/// Kept in the benchmark on purpose: the discovery work owns the real policy and its budgets.
/// </summary>
public sealed class DiscoveryWindowPolicy
{
    public static readonly TimeSpan QuietGap = TimeSpan.FromMinutes(30);
    public const int MaxWindow = 40;
    public const int ContextMessages = 10;

    private readonly Dictionary<long, ChatBuffer> _chats = [];

    public int Calls { get; private set; }

    /// <summary>Rough prompt size: about 1 token per CJK character, 1 per 4 other characters, plus framing.</summary>
    public long EstimatedTokens { get; private set; }

    /// <summary>Chats that had at least one window sent.</summary>
    public HashSet<long> ChatsSent { get; } = [];

    public void Add(long chatId, ChatMessage message)
    {
        if (!_chats.TryGetValue(chatId, out var chat)) _chats[chatId] = chat = new ChatBuffer();
        if (chat.Pending.Count > 0 && message.At - chat.Pending[^1].At >= QuietGap) Close(chatId, chat);
        chat.Pending.Add(message);
        if (chat.Pending.Count >= MaxWindow) Close(chatId, chat);
    }

    public void Flush()
    {
        foreach (var (chatId, chat) in _chats) Close(chatId, chat);
    }

    private void Close(long chatId, ChatBuffer chat)
    {
        if (chat.Pending.Count == 0) return;
        var window = chat.Pending;
        if (NeedCues.IsWorthExtracting(window))
        {
            Calls++;
            ChatsSent.Add(chatId);
            EstimatedTokens += PromptTokens(chat.Context.Concat(window));
        }

        chat.Context = [.. chat.Context.Concat(window).TakeLast(ContextMessages)];
        chat.Pending = [];
    }

    /// <summary>Instructions plus each message with its sender and id.</summary>
    public static int PromptTokens(IEnumerable<ChatMessage> messages) => 300 + messages.Sum(m => Tokens(m.Text) + 8);

    private static int Tokens(string text) => text.Count(c => c >= '\u2E80') + (text.Count(c => c < '\u2E80') / 4);

    private sealed class ChatBuffer
    {
        public List<ChatMessage> Pending { get; set; } = [];
        public List<ChatMessage> Context { get; set; } = [];
    }
}
