using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Storage;

/// <summary>Per-chat settings, appointed organizers and the members the bot has seen.</summary>
public interface IChatStore
{
    /// <summary>The chat's settings, or the configured defaults when the bot has not stored any yet.</summary>
    Task<ChatSettings> Get(long chatId, CancellationToken ct);

    Task Save(ChatSettings settings, CancellationToken ct);

    Task<bool> IsOrganizer(long chatId, long userId, CancellationToken ct);

    Task<IReadOnlyList<Member>> ListOrganizers(long chatId, CancellationToken ct);

    /// <returns>False when nothing changed (already an organizer, or not one).</returns>
    Task<bool> SetOrganizer(long chatId, Member member, bool isOrganizer, CancellationToken ct);

    /// <summary>Remembers who wrote in a chat, so organizers can refer to them by @username.</summary>
    Task RememberMember(long chatId, Member member, CancellationToken ct);

    Task<Member?> FindMemberByUsername(long chatId, string username, CancellationToken ct);

    /// <summary>A group became a supergroup: settings and organizers move to the new chat id.</summary>
    Task MoveChat(long fromChatId, long toChatId, CancellationToken ct);
}

/// <summary>Who administers a chat, as Telegram says (cached by the adapter).</summary>
public interface IChatAdministrators
{
    /// <exception cref="AdministratorsUnknownException">Telegram could not be asked just now.</exception>
    Task<bool> IsAdministrator(long chatId, long userId, CancellationToken ct);
}

/// <summary>
/// Telegram could not say who administers the chat (unreachable, timing out). The request is refused at once with
/// a message saying so, rather than waiting (and holding the chat) or guessing.
/// </summary>
public sealed class AdministratorsUnknownException : Exception
{
    public AdministratorsUnknownException()
    {
    }

    public AdministratorsUnknownException(string message) : base(message)
    {
    }

    public AdministratorsUnknownException(string message, Exception inner) : base(message, inner)
    {
    }
}
