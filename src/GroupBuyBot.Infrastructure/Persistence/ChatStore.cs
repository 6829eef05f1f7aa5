using System.Collections.Concurrent;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Chat settings, organizers and known members on EF Core, with settings cached: every update reads them. On
/// PostgreSQL another instance may change them, so a cached entry is used for <see cref="SettingsFreshness"/> only (a
/// change made through another instance is seen here within it); on SQLite this process is the only writer. Entries
/// older than that are dropped once the cache grows large, so it stays bounded.
/// </summary>
public sealed class ChatStore(IDbContextFactory<BotDbContext> contexts, WriteGate writes, IOptions<ChatDefaultsOptions> defaults, TimeProvider time,
    DatabaseProvider database) : IChatStore
{
    public static readonly TimeSpan SettingsFreshness = TimeSpan.FromSeconds(5);
    private const int MaxCachedChats = 10_000;
    private readonly bool _othersWrite = database.Kind == DatabaseProviderKind.Postgres;

    private readonly ConcurrentDictionary<long, (ChatSettings Settings, DateTimeOffset ReadAt)> _settings = new();

    // Members already remembered with this name: most messages come from people the bot has seen, and need no write.
    private readonly ConcurrentDictionary<(long ChatId, long UserId), Member> _seen = new();
    private const int MaxSeen = 100_000;

    public async Task<ChatSettings> Get(long chatId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_settings.TryGetValue(chatId, out var cached) && (!_othersWrite || now - cached.ReadAt < SettingsFreshness)) return Copy(cached.Settings);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Chats.AsNoTracking().FirstOrDefaultAsync(c => c.ChatId == chatId, ct);
        var settings = stored ?? new ChatSettings
        {
            ChatId = chatId,
            Language = LanguageExtensions.Parse(defaults.Value.Language) ?? Language.Zh,
            TimeZoneId = defaults.Value.TimeZone,
        };
        Cache(settings, now);
        return Copy(settings);
    }

    private void Cache(ChatSettings settings, DateTimeOffset now)
    {
        if (_settings.Count >= MaxCachedChats)
        {
            foreach (var (chatId, entry) in _settings)
            {
                if (now - entry.ReadAt >= SettingsFreshness) _settings.TryRemove(chatId, out _);
            }
        }

        _settings[settings.ChatId] = (settings, now);
    }

    public async Task Save(ChatSettings settings, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Chats.Upsert(Copy(settings), c => c.ChatId == settings.ChatId, ct);
        await db.SaveChangesAsync(ct);
        Cache(Copy(settings), time.GetUtcNow());
    }

    public async Task<bool> IsOrganizer(long chatId, long userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChatOrganizers.AnyAsync(o => o.ChatId == chatId && o.UserId == userId, ct);
    }

    public async Task<IReadOnlyList<Member>> ListOrganizers(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChatOrganizers.Where(o => o.ChatId == chatId).OrderBy(o => o.DisplayName)
            .Select(o => new Member(o.UserId, o.DisplayName, o.Username)).ToListAsync(ct);
    }

    public async Task<bool> SetOrganizer(long chatId, Member member, bool isOrganizer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var existing = await db.ChatOrganizers.FirstOrDefaultAsync(o => o.ChatId == chatId && o.UserId == member.UserId, ct);
        if (isOrganizer == existing is not null) return false;
        if (existing is null)
        {
            db.ChatOrganizers.Add(new ChatOrganizer { ChatId = chatId, UserId = member.UserId, DisplayName = member.DisplayName, Username = member.Username });
        }
        else
        {
            db.ChatOrganizers.Remove(existing);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task RememberMember(long chatId, Member member, CancellationToken ct)
    {
        if (_seen.TryGetValue((chatId, member.UserId), out var known) && known == member) return;
        if (_seen.Count > MaxSeen) _seen.Clear(); // a cache: forgetting it costs one write per member, nothing else

        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);

        // One statement, not a read and a tracked save: a member's first message in a chat is on the update path.
        // Both providers read this upsert alike; a race between two messages of a new member is the conflict clause.
        var usernameKey = member.Username?.ToLowerInvariant();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "KnownMembers" ("ChatId", "UserId", "DisplayName", "Username", "UsernameKey")
            VALUES ({chatId}, {member.UserId}, {member.DisplayName}, {member.Username}, {usernameKey})
            ON CONFLICT ("ChatId", "UserId") DO UPDATE SET
              "DisplayName" = excluded."DisplayName", "Username" = excluded."Username", "UsernameKey" = excluded."UsernameKey"
            """, ct);
        _seen[(chatId, member.UserId)] = member;
    }

    public async Task<Member?> FindMemberByUsername(long chatId, string username, CancellationToken ct)
    {
        var key = username.TrimStart('@').ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.KnownMembers.Where(m => m.ChatId == chatId && m.UsernameKey == key)
            .Select(m => new Member(m.UserId, m.DisplayName, m.Username)).FirstOrDefaultAsync(ct);
    }

    public async Task MoveChat(long fromChatId, long toChatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var settings = await db.Chats.FirstOrDefaultAsync(c => c.ChatId == fromChatId, ct);
        if (settings is not null && !await db.Chats.AnyAsync(c => c.ChatId == toChatId, ct))
        {
            db.Chats.Add(new ChatSettings { ChatId = toChatId, Title = settings.Title, Language = settings.Language, TimeZoneId = settings.TimeZoneId, BotIsMember = true, DiscoveryEnabled = settings.DiscoveryEnabled });
            settings.BotIsMember = false;
        }

        var organizers = await db.ChatOrganizers.Where(o => o.ChatId == fromChatId).ToListAsync(ct);
        db.ChatOrganizers.RemoveRange(organizers);
        db.ChatOrganizers.AddRange(organizers.Select(o => new ChatOrganizer { ChatId = toChatId, UserId = o.UserId, DisplayName = o.DisplayName, Username = o.Username }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        _settings.TryRemove(fromChatId, out _);
        _settings.TryRemove(toChatId, out _);
    }

    private static ChatSettings Copy(ChatSettings s) => new()
    {
        ChatId = s.ChatId,
        Title = s.Title,
        Language = s.Language,
        TimeZoneId = s.TimeZoneId,
        BotIsMember = s.BotIsMember,
        DiscoveryEnabled = s.DiscoveryEnabled,
    };
}

/// <summary>Settings of a chat the bot has not been told otherwise (<c>GroupBuyBot:Chats</c>).</summary>
public sealed class ChatDefaultsOptions
{
    public const string Section = "GroupBuyBot:Chats";

    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "zh";

    /// <summary>IANA time zone in which deadlines are read and shown.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}
