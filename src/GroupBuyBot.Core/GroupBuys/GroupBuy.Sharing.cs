namespace GroupBuyBot.Core.GroupBuys;

/// <summary>
/// One group of a shared buy: its chat, the buy's number there (each group numbers its buys on its own), its name
/// as the other groups see it, and the message that shows its list (null for the buy's own group, whose list is the
/// announcement, or until it is posted).
/// </summary>
public sealed record BuyGroup(long ChatId, int Number, string Title, int? ListMessageId, DateTimeOffset SharedAt);

/// <summary>
/// Sharing a buy with linked groups (issue 14's pooling): one buy, one capacity, one minimum and one waiting list over
/// every group; each group sees its own members by name and the others as totals.
/// </summary>
public sealed partial class GroupBuy
{
    private List<BuyGroup> _groups = [];

    /// <summary>The groups of a shared buy, its own first; empty for a buy that is not shared.</summary>
    public IReadOnlyList<BuyGroup> Groups => _groups;

    /// <summary>Kept with <see cref="Groups"/> so the database can find shared buys without reading every buy's groups.</summary>
    public bool IsShared { get; private set; }

    /// <summary>Whether members of this chat can sign up: the buy's own group, or one it is shared with.</summary>
    public bool IsIn(long chatId) => chatId == ChatId || _groups.Exists(g => g.ChatId == chatId);

    /// <summary>The buy's number as a chat knows it (its own number in its own group).</summary>
    public int NumberIn(long chatId) => _groups.Find(g => g.ChatId == chatId)?.Number ?? Number;

    /// <summary>The chat a sign-up came from.</summary>
    public long GroupOf(SignUp signUp) => signUp.FromChatId == 0 ? ChatId : signUp.FromChatId;

    /// <summary>
    /// Whether a chat may see this sign-up's member by name: always on a buy that is not shared, else only the group the
    /// member signed up from (lists, summaries and replies show the other groups as totals).
    /// </summary>
    public bool IsNamedIn(long chatId, SignUp signUp) => !IsShared || GroupOf(signUp) == chatId;

    /// <summary>The message showing this buy's list in a chat.</summary>
    public int? ListMessageIn(long chatId) => chatId == ChatId ? AnnouncementMessageId : _groups.Find(g => g.ChatId == chatId)?.ListMessageId;

    /// <summary>
    /// Shares an open buy with another group (linked to its own), where it is number <paramref name="number"/>. False when
    /// it is not open, or already there.
    /// </summary>
    public bool ShareWith(long chatId, int number, string title, string ownTitle, DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Open || IsIn(chatId)) return false;
        Change(() =>
        {
            if (_groups.Count == 0) _groups = [new BuyGroup(ChatId, Number, ownTitle, null, now)];
            _groups = [.. _groups, new BuyGroup(chatId, number, title, null, now)];
            IsShared = true;
        });
        return true;
    }

    /// <summary>The list was posted in a group the buy is shared with: replies under it and its edits find it.</summary>
    public void ListPostedIn(long chatId, int messageId) =>
        Change(() => _groups = [.. _groups.Select(g => g.ChatId == chatId && chatId != ChatId ? g with { ListMessageId = messageId } : g)]);

    /// <summary>A sign-up just changed by a member writing in <paramref name="chatId"/>: it counts for that group.</summary>
    public void SignedUpFrom(SignUp? signUp, long chatId)
    {
        if (signUp is null || !IsShared) return;
        signUp.CameFrom(chatId == ChatId ? 0 : chatId);
    }

    /// <summary>Active units per group, in the order the groups joined the buy.</summary>
    public IReadOnlyList<(BuyGroup Group, int Units, int Members)> UnitsByGroup() =>
        [.. _groups.Select(g =>
        {
            var theirs = ActiveSignUps.Where(s => GroupOf(s) == g.ChatId).ToList();
            return (g, theirs.Sum(s => s.Quantity), theirs.Select(s => s.UserId).Distinct().Count());
        })];

    /// <summary>A group's name as the others see it ("?" for a chat that is not one of the buy's groups).</summary>
    public string GroupTitle(long chatId) => _groups.Find(g => g.ChatId == chatId)?.Title ?? "?";
}
