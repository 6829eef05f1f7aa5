using System.Text.Json;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Telegram counts a group's messages per bot, whichever instance sent them. The active instance keeps the sends its
/// group windows still count in the database (one <see cref="BotStateEntry"/>, rewritten every <see cref="SaveEvery"/>),
/// and an instance that takes over counts them as its own before it sends, so a group that had its minute's messages
/// just before a take-over does not get as many again. Sends made after the last save are not known: the group budget's
/// margin (<see cref="SendRateLimiter.Margin"/>) absorbs that much.
/// </summary>
public sealed class GroupSendHistory(IDbContextFactory<BotDbContext> contexts, WriteGate writes, SendRateLimiter limiter)
{
    public const string Key = "group-sends";

    public static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(2);

    private string? _saved; // what this instance last wrote: an idle bot writes nothing every 2 s

    public async Task Save(CancellationToken ct)
    {
        var sends = limiter.GroupSends().ToDictionary(g => g.Key, g => g.Value.Select(t => t.ToUnixTimeMilliseconds()).ToArray());
        var value = JsonSerializer.Serialize(sends);
        if (value == _saved) return;
        using var writing = await writes.Enter(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BotState.FirstOrDefaultAsync(e => e.Key == Key, ct);
        if (entry is null) db.BotState.Add(new BotStateEntry { Key = Key, Value = value });
        else entry.Value = value;
        await db.SaveChangesAsync(ct);
        _saved = value;
    }

    public async Task Restore(CancellationToken ct)
    {
        _saved = null; // another instance wrote since: the next save writes whatever it is
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = await db.BotState.AsNoTracking().FirstOrDefaultAsync(e => e.Key == Key, ct);
        if (entry is null) return;
        var sends = JsonSerializer.Deserialize<Dictionary<long, long[]>>(entry.Value) ?? [];
        limiter.Seed(sends.ToDictionary(g => g.Key, g => g.Value.Select(DateTimeOffset.FromUnixTimeMilliseconds).ToArray()));
    }
}
