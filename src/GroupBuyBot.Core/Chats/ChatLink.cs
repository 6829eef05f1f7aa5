namespace GroupBuyBot.Core.Chats;

/// <summary>
/// Two groups whose organizers linked them so that buys can be shared between them (pooling demand for a better price).
/// Made in two steps: an organizer of the first group asks (<c>/link</c>, which gives a code), an administrator of the
/// second confirms there (<c>/link CODE</c>). Until then the link is an invitation and shares nothing.
/// </summary>
public sealed class ChatLink
{
    public const int CodeLength = 6;
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(1);

    public long Id { get; set; }

    /// <summary>The group that asked, and who asked there.</summary>
    public long ChatId { get; set; }
    public string Title { get; set; } = "";
    public long ByUserId { get; set; }

    /// <summary>The group that confirmed (0 until confirmed), and who confirmed there.</summary>
    public long OtherChatId { get; set; }
    public string OtherTitle { get; set; } = "";
    public long OtherByUserId { get; set; }

    /// <summary>The invitation's code, typed in the other group; kept once linked, harmless (it cannot be used twice).</summary>
    public string Code { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LinkedAt { get; set; }

    public bool IsLinked => LinkedAt is not null;

    /// <summary>The group at the other end, seen from <paramref name="chatId"/>.</summary>
    public long OtherOf(long chatId) => chatId == ChatId ? OtherChatId : ChatId;

    public string TitleOf(long chatId) => chatId == ChatId ? Title : OtherTitle;

    /// <summary>The organizer who linked the group from its side: who hears about pooling there.</summary>
    public long LinkerIn(long chatId) => chatId == ChatId ? ByUserId : OtherByUserId;
}
