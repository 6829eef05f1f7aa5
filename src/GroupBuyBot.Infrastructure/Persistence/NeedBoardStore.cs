using GroupBuyBot.Core.Discovery.Board;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Need boards on EF Core. One lock for all board changes in this process: the worker merges and organizers tap
/// buttons rarely, so serialising them is cheap and rules out lost updates.
/// </summary>
public sealed class NeedBoardStore(IDbContextFactory<BotDbContext> contexts) : INeedBoardStore
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<T> ChangeChat<T>(long chatId, Func<List<BoardNeed>, T> change, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var needs = await db.BoardNeeds.Where(n => n.ChatId == chatId).OrderBy(n => n.Id).ToListAsync(ct);
            var result = change(needs);
            foreach (var need in needs.Where(n => n.Id == 0)) db.BoardNeeds.Add(need);
            await db.SaveChangesAsync(ct);
            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<T> ChangeNeed<T>(long needId, Func<BoardNeed?, T> change, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var need = await db.BoardNeeds.FirstOrDefaultAsync(n => n.Id == needId, ct);
            var result = change(need);
            await db.SaveChangesAsync(ct);
            return result;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task<int> ForgetMember(long chatId, long userId, CancellationToken ct) => ChangeChat(chatId, needs =>
    {
        var changed = 0;
        foreach (var need in needs)
        {
            changed += need.Members.RemoveAll(m => m.UserId == userId) > 0 ? 1 : 0;
        }

        return changed;
    }, ct);

    public async Task<int> DeleteIdle(DateTimeOffset before, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var beforeTicks = before;
            return await db.BoardNeeds.Where(n => n.Status != BoardNeedStatus.Never && n.LastActiveAt < beforeTicks).ExecuteDeleteAsync(ct);
        }
        finally
        {
            _lock.Release();
        }
    }
}
