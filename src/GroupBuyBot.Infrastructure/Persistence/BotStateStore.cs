using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>The last Telegram update id the bot has handled: polling resumes after it.</summary>
public sealed class BotStateStore(IDbContextFactory<BotDbContext> contexts, SqliteWriteGate writes)
{
    private const string LastUpdateIdKey = "LastUpdateId";

    public async Task<int?> GetLastUpdateId(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BotState.AsNoTracking().FirstOrDefaultAsync(e => e.Key == LastUpdateIdKey, ct);
        return entry is null ? null : int.Parse(entry.Value, CultureInfo.InvariantCulture);
    }

    public async Task SetLastUpdateId(int updateId, CancellationToken ct)
    {
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BotState.FirstOrDefaultAsync(e => e.Key == LastUpdateIdKey, ct);
        if (entry is null) db.BotState.Add(entry = new BotStateEntry { Key = LastUpdateIdKey });
        entry.Value = updateId.ToString(CultureInfo.InvariantCulture);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Forgets handled-request markers older than <paramref name="olderThan"/>: Telegram redelivers for at most a day.</summary>
    public async Task PruneHandledRequests(DateTimeOffset olderThan, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.HandledRequests.Where(r => r.HandledAt < olderThan).ExecuteDeleteAsync(ct);
    }
}
