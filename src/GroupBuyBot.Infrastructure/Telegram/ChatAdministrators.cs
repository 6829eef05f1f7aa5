using System.Collections.Concurrent;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Telegram's list of a chat's administrators, cached briefly: organizer checks happen on every command. When
/// Telegram cannot be asked, <see cref="AdministratorsUnknownException"/>. When Telegram reports a change to one
/// instance, the others hear of it at once (<see cref="ChangeNotices"/>, <see cref="AdministratorChangeListener"/>).
/// </summary>
public sealed class ChatAdministrators(TelegramSender sender, ChangeNotices notices, IOptions<TelegramOptions> options, TimeProvider time,
    ILogger<ChatAdministrators> logger) : IChatAdministrators
{
    private readonly ConcurrentDictionary<long, (DateTimeOffset Fetched, HashSet<long> Ids)> _cache = new();

    public async Task<bool> IsAdministrator(long chatId, long userId, CancellationToken ct)
    {
        if (chatId > 0) return chatId == userId; // a private chat belongs to its user

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(chatId, out var entry) || now - entry.Fetched > TimeSpan.FromSeconds(options.Value.AdministratorCacheSeconds))
        {
            // One attempt: when Telegram cannot tell, the member hears so at once and the chat's other updates go on.
            ChatMember[]? members;
            try
            {
                members = await sender.CallOnce((bot, token) => bot.GetChatAdministrators(chatId, cancellationToken: token), ct);
            }
            catch (TelegramUnreachableException e)
            {
                throw new AdministratorsUnknownException($"getChatAdministrators failed for chat {chatId}: {e.Message}", e);
            }

            if (members is null) return false; // Telegram refused: don't remember "no administrators"
            if (_cache.Count > MaxChats) ForgetExpired(now);
            entry = (now, [.. members.Select(m => m.User.Id)]);
            _cache[chatId] = entry;
        }

        return entry.Ids.Contains(userId);
    }

    private const int MaxChats = 10_000;

    private void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (chatId, cached) in _cache)
        {
            if (now - cached.Fetched > TimeSpan.FromSeconds(options.Value.AdministratorCacheSeconds)) _cache.TryRemove(chatId, out _);
        }
    }

    /// <summary>Telegram told us administrators changed (or the chat moved): ask again next time, here and in the other instances.</summary>
    public async Task Forget(long chatId, CancellationToken ct)
    {
        ForgetHere(chatId);
        try
        {
            await notices.Publish(chatId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The others' entries expire after AdministratorCacheSeconds anyway.
            logger.LogWarning("Could not tell the other instances that chat {ChatId}'s administrators changed: {Error}", chatId, e.Message);
        }
    }

    /// <summary>Forgets what this instance cached of the chat's administrators (null: of every chat).</summary>
    public void ForgetHere(long? chatId)
    {
        if (chatId is { } id) _cache.TryRemove(id, out _);
        else _cache.Clear();
    }
}
