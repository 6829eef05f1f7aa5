using System.Collections.Concurrent;
using GroupBuyBot.Core.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// Telegram's list of a chat's administrators, cached briefly: organizer checks happen on every command. When
/// Telegram cannot be asked, <see cref="AdministratorsUnknownException"/>.
/// </summary>
public sealed class ChatAdministrators(TelegramSender sender, IOptions<TelegramOptions> options, TimeProvider time) : IChatAdministrators
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

    /// <summary>Telegram told us administrators changed (or the chat moved): ask again next time.</summary>
    public void Forget(long chatId) => _cache.TryRemove(chatId, out _);
}
