namespace GroupBuyBot.Core.Discovery.Board;

/// <summary>Persistence of each chat's need board.</summary>
public interface INeedBoardStore
{
    /// <summary>
    /// Loads the chat's needs, lets <paramref name="change"/> edit them (append new ones to the list) and saves,
    /// atomically with respect to every other change of the board.
    /// </summary>
    Task<T> ChangeChat<T>(long chatId, Func<List<BoardNeed>, T> change, CancellationToken ct);

    /// <summary>
    /// <see cref="ChangeChat"/>, and what the change says (suggestions) stored to be sent in the same transaction: a
    /// need marked suggested always gets its suggestion posted, even across a crash.
    /// </summary>
    Task<T> ChangeChatAndSay<T>(Chats.ChatSettings chat, Func<List<BoardNeed>, T> change, Func<T, IEnumerable<Features.Outcome>> says, CancellationToken ct);

    /// <summary>Changes one need atomically; <paramref name="change"/> receives null when it does not exist.</summary>
    Task<T> ChangeNeed<T>(long needId, Func<BoardNeed?, T> change, CancellationToken ct);

    /// <summary>Removes a member (and their message ids) from every need of the chat; returns how many needs changed.</summary>
    Task<int> ForgetMember(long chatId, long userId, CancellationToken ct);

    /// <summary>Deletes needs idle since before <paramref name="before"/> (not "Never" ones); returns how many.</summary>
    Task<int> DeleteIdle(DateTimeOffset before, CancellationToken ct);
}
