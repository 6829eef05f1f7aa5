using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;

namespace GroupBuyBot.Core.Features;

/// <summary>Who asked for what, where: everything a use case needs to know about the incoming request.</summary>
/// <param name="Chat">The chat's settings (language, time zone).</param>
/// <param name="ThreadId">The forum topic the request came from, if any.</param>
/// <param name="Actor">The member who sent the command, tapped the button or replied.</param>
/// <param name="RequestId">The Telegram update id: a request is applied at most once.</param>
/// <param name="ReplyToMessageId">The message the request replied to, if any.</param>
public sealed record CommandContext(ChatSettings Chat, int? ThreadId, Member Actor, long RequestId, int? ReplyToMessageId)
{
    /// <summary>The member's own message, which the bot's answer replies to (none for a button tap).</summary>
    public int? MessageId { get; init; }

    public long ChatId => Chat.ChatId;
    public Language Language => Chat.Language;

    public string Text(string key, params object?[] args) => Texts.Get(Chat.Language, key, args);
}
