using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// Need boards on EF Core. Every change of a board is a write transaction that holds the chat's board first
/// (<see cref="DatabaseProvider.LockBoard"/>), taken in this process's writer queue (<see cref="WriteGate"/>): the
/// discovery round and organizers' taps never lose each other's changes, in one process or several.
/// </summary>
public sealed class NeedBoardStore(IDbContextFactory<BotDbContext> contexts, WriteGate writes, OutboxWriter outbox, DatabaseProvider database) : INeedBoardStore
{
    private static readonly Member Bot = new(0, "GroupBuyBot", null);

    /// <summary>
    /// <see cref="ChangeChat"/>, and what the change says (suggestions) stored as outbox rows in the same
    /// transaction: a need marked suggested always gets its suggestion posted, even across a crash.
    /// </summary>
    public async Task<T> ChangeChatAndSay<T>(ChatSettings chat, Func<List<BoardNeed>, T> change, Func<T, IEnumerable<Outcome>> says, CancellationToken ct)
    {
        var said = false;
        var result = await InBoardTransaction(chat.ChatId, async db =>
        {
            var result = await ChangeBoard(db, chat.ChatId, change, ct);
            await db.SaveChangesAsync(ct); // new needs get their ids, which the suggestions' buttons carry

            var context = new CommandContext(chat, null, Bot, 0, null);
            foreach (var outcome in says(result))
            {
                await outbox.Add(db, context, outcome, ct);
                said = true;
            }

            return result;
        }, ct);
        if (said) outbox.Committed();
        return result;
    }

    public Task<T> ChangeChat<T>(long chatId, Func<List<BoardNeed>, T> change, CancellationToken ct) =>
        InBoardTransaction(chatId, db => ChangeBoard(db, chatId, change, ct), ct);

    public async Task<T> ChangeNeed<T>(long needId, Func<BoardNeed?, T> change, CancellationToken ct)
    {
        long? chatId;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            chatId = await db.BoardNeeds.Where(n => n.Id == needId).Select(n => (long?)n.ChatId).FirstOrDefaultAsync(ct);
        }

        if (chatId is not { } chat) return change(null);
        return await InBoardTransaction(chat, async db => change(await db.BoardNeeds.FirstOrDefaultAsync(n => n.Id == needId, ct)), ct);
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

    /// <summary>One statement: nothing to read first, so nothing another change could slip between.</summary>
    public async Task<int> DeleteIdle(DateTimeOffset before, CancellationToken ct)
    {
        using (await writes.Enter(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.BoardNeeds.Where(n => n.Status != BoardNeedStatus.Never && n.LastActiveAt < before).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>The chat's needs, in order, given to <paramref name="change"/>; the needs it added are added to the context.</summary>
    private static async Task<T> ChangeBoard<T>(BotDbContext db, long chatId, Func<List<BoardNeed>, T> change, CancellationToken ct)
    {
        var needs = await db.BoardNeeds.Where(n => n.ChatId == chatId).OrderBy(n => n.Id).ToListAsync(ct);
        var result = change(needs);
        foreach (var need in needs.Where(n => n.Id == 0)) db.BoardNeeds.Add(need);
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on the chat's board, held for the transaction, and saves what it changed.</summary>
    private async Task<T> InBoardTransaction<T>(long chatId, Func<BotDbContext, Task<T>> work, CancellationToken ct)
    {
        using (await writes.Enter(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await database.LockBoard(db, chatId, ct);
            var result = await work(db);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }
    }
}
