using System.Collections.Concurrent;
using GroupBuyBot.Core.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Telegram's list of a chat's administrators, cached briefly: organizer checks happen on every command.</summary>
public sealed class ChatAdministrators(TelegramSender sender, IOptions<TelegramOptions> options, TimeProvider time) : IChatAdministrators
{
    private readonly ConcurrentDictionary<long, (DateTimeOffset Fetched, HashSet<long> Ids)> _cache = new();

    public async Task<bool> IsAdministrator(long chatId, long userId, CancellationToken ct)
    {
        if (chatId > 0) return chatId == userId; // a private chat belongs to its user

        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(chatId, out var entry) || now - entry.Fetched > TimeSpan.FromSeconds(options.Value.AdministratorCacheSeconds))
        {
            var members = await sender.Call((bot, token) => bot.GetChatAdministrators(chatId, cancellationToken: token), ct);
            if (members is null) return false; // Telegram refused: don't remember "no administrators"
            entry = (now, [.. members.Select(m => m.User.Id)]);
            _cache[chatId] = entry;
        }

        return entry.Ids.Contains(userId);
    }

    /// <summary>Telegram told us administrators changed (or the chat moved): ask again next time.</summary>
    public void Forget(long chatId) => _cache.TryRemove(chatId, out _);
}
