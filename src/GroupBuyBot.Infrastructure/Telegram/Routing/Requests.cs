using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.GroupBuys;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <summary>The one way a Telegram message or tap becomes a <see cref="CommandContext"/> for a use case.</summary>
public static class Requests
{
    /// <summary>A member's message: answers reply to it; <see cref="CommandContext.ReplyToMessageId"/> is what it replied to.</summary>
    public static CommandContext ForMessage(ChatSettings chat, Message message, long updateId) =>
        new(chat, ThreadOf(message), MemberOf(message.From!), updateId, message.ReplyToMessage?.MessageId) { MessageId = message.MessageId };

    /// <summary>A tap on a button under <paramref name="tapped"/>: <see cref="CommandContext.ReplyToMessageId"/> is that message.</summary>
    public static CommandContext ForTap(ChatSettings chat, CallbackQuery query, Message tapped, long updateId) =>
        new(chat, ThreadOf(tapped), MemberOf(query.From), updateId, tapped.MessageId);

    public static Member MemberOf(User user) => new(user.Id, DisplayName(user), user.Username);

    private static int? ThreadOf(Message message) => message.IsTopicMessage ? message.MessageThreadId : null;

    private static string DisplayName(User user)
    {
        var name = string.IsNullOrWhiteSpace(user.LastName) ? user.FirstName : $"{user.FirstName} {user.LastName}";
        return string.IsNullOrWhiteSpace(name) ? user.Username ?? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : name.Trim();
    }
}
