using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>Links between groups on EF Core: small, rarely written rows.</summary>
public sealed class ChatLinkStore(IDbContextFactory<BotDbContext> contexts, WriteGate writes) : IChatLinkStore
{
    public async Task Add(ChatLink invitation, CancellationToken ct)
    {
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChatLinks.Add(invitation);
        await db.SaveChangesAsync(ct);
    }

    public async Task<ChatLink?> FindByCode(string code, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = code.Trim().ToUpperInvariant();
        return await db.ChatLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Code == key, ct);
    }

    public async Task<bool> Confirm(long linkId, long chatId, string title, long byUserId, DateTimeOffset now, CancellationToken ct)
    {
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Only an invitation not confirmed yet: two administrators typing the code at once link once.
        return await db.ChatLinks.Where(l => l.Id == linkId && l.LinkedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(l => l.OtherChatId, chatId).SetProperty(l => l.OtherTitle, title).SetProperty(l => l.OtherByUserId, byUserId)
            .SetProperty(l => l.LinkedAt, now), ct) > 0;
    }

    public async Task<IReadOnlyList<ChatLink>> ListLinked(long chatId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChatLinks.AsNoTracking().Where(l => l.LinkedAt != null && (l.ChatId == chatId || l.OtherChatId == chatId)).OrderBy(l => l.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ChatLink>> ListAllLinked(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChatLinks.AsNoTracking().Where(l => l.LinkedAt != null).OrderBy(l => l.Id).ToListAsync(ct);
    }

    public async Task<bool> Remove(long linkId, CancellationToken ct)
    {
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChatLinks.Where(l => l.Id == linkId).ExecuteDeleteAsync(ct) > 0;
    }
}
