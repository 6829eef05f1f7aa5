using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Need boards on EF Core. One lock for all board changes in this process: the worker merges and organizers tap
/// buttons rarely, so serialising them is cheap and rules out lost updates.
/// </summary>
public sealed class NeedBoardStore(IDbContextFactory<BotDbContext> contexts, WriteGate writes, OutboxWriter outbox) : INeedBoardStore
{
    private static readonly Member Bot = new(0, "GroupBuyBot", null);
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>
    /// <see cref="ChangeChat"/>, and what the change says (suggestions) stored as outbox rows in the same
    /// transaction: a need marked suggested always gets its suggestion posted, even across a crash.
    /// </summary>
    public async Task<T> ChangeChatAndSay<T>(ChatSettings chat, Func<List<BoardNeed>, T> change, Func<T, IEnumerable<Outcome>> says, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            using (await writes.Enter(ct))
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var needs = await db.BoardNeeds.Where(n => n.ChatId == chat.ChatId).OrderBy(n => n.Id).ToListAsync(ct);
                var result = change(needs);
                foreach (var need in needs.Where(n => n.Id == 0)) db.BoardNeeds.Add(need);
                await db.SaveChangesAsync(ct); // new needs get their ids, which the suggestions' buttons carry

                var context = new CommandContext(chat, null, Bot, 0, null);
                foreach (var outcome in says(result)) await outbox.Add(db, context, outcome, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                outbox.Committed();
                return result;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

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
