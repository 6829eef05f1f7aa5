namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The ids of a call that reads several chats together (<see cref="PromptData.Chats"/>): each chat a label
/// ("c1", "c2"…), each of its messages and members a number unique in the whole call. Mapping back is per chat: a
/// number that belongs to another chat maps to nothing, so an answer cannot carry one chat's members or messages into
/// another's need.
/// </summary>
public sealed class SharedCallIds
{
    private readonly Dictionary<string, long> _chats = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Chat, long Real), long> _toLocalMessage = [];
    private readonly Dictionary<(string Chat, long Real), long> _toLocalMember = [];
    private readonly Dictionary<(string Chat, long Local), long> _messages = [];
    private readonly Dictionary<(string Chat, long Local), long> _members = [];
    private long _next;

    /// <summary>The labels in the order the chats were added.</summary>
    public IReadOnlyList<string> Labels => [.. _chats.Keys];

    public string AddChat(long chatId)
    {
        var label = "c" + (_chats.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _chats[label] = chatId;
        return label;
    }

    public long Message(string chat, long realId) => Local(_toLocalMessage, _messages, chat, realId);

    public long Member(string chat, long realId) => Local(_toLocalMember, _members, chat, realId);

    /// <summary>The call's number of a message already numbered in this chat (a reply's parent), else null.</summary>
    public long? KnownMessage(string chat, long realId) => _toLocalMessage.TryGetValue((chat, realId), out var local) ? local : null;

    /// <summary>The real id of the chat's message numbered <paramref name="local"/>; null when the number is not this chat's.</summary>
    public long? RealMessage(string chat, long local) => _messages.TryGetValue((chat, local), out var real) ? real : null;

    /// <summary>The real id of the chat's member numbered <paramref name="local"/>; null when the number is not this chat's.</summary>
    public long? RealMember(string chat, long local) => _members.TryGetValue((chat, local), out var real) ? real : null;

    private long Local(Dictionary<(string, long), long> toLocal, Dictionary<(string, long), long> toReal, string chat, long realId)
    {
        if (toLocal.TryGetValue((chat, realId), out var local)) return local;
        local = ++_next;
        toLocal[(chat, realId)] = local;
        toReal[(chat, local)] = realId;
        return local;
    }
}
