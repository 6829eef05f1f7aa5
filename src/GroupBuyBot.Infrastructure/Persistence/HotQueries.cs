using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// The reads and writes on every update's path, written so EF does not build them again on each call: a LINQ query is
/// otherwise funcletized and looked up in EF's query cache each time, and <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>
/// build their expression trees by reflection (together about a fifth of the bot's CPU under load). Reads are compiled
/// queries; single-row writes are plain SQL, which both providers read alike (the tables' and columns' own names).
/// A compiled query serves one model only, and a process can hold several (SQLite and PostgreSQL side by side in the
/// tests), so each model gets its own set.
/// </summary>
internal sealed class HotQueries
{
    private static readonly ConditionalWeakTable<IModel, HotQueries> ByModel = [];

    private readonly Func<BotDbContext, long, CancellationToken, Task<GroupBuy?>> _buyToChange =
        EF.CompileAsyncQuery((BotDbContext db, long buyId, CancellationToken ct) =>
            db.GroupBuys.Include(b => b.SignUps).Include(b => b.Payments).AsSplitQuery().FirstOrDefault(b => b.Id == buyId));

    private readonly Func<BotDbContext, long, CancellationToken, Task<GroupBuy?>> _buyToRead =
        EF.CompileAsyncQuery((BotDbContext db, long buyId, CancellationToken ct) =>
            db.GroupBuys.AsNoTracking().Include(b => b.SignUps).Include(b => b.Payments).AsSplitQuery().FirstOrDefault(b => b.Id == buyId));

    private readonly Func<BotDbContext, long, CancellationToken, Task<bool>> _requestHandled =
        EF.CompileAsyncQuery((BotDbContext db, long requestId, CancellationToken ct) => db.HandledRequests.Any(r => r.Id == requestId));

    private readonly Func<BotDbContext, long, int, IAsyncEnumerable<OutboxMessage>> _outboxRows =
        EF.CompileAsyncQuery((BotDbContext db, long chatId, int take) =>
            db.Outbox.AsNoTracking().Where(m => m.ChatId == chatId).OrderBy(m => m.Id).Take(take));

    private readonly Func<BotDbContext, DateTimeOffset, int, IAsyncEnumerable<long>> _outboxChatsDue =
        EF.CompileAsyncQuery((BotDbContext db, DateTimeOffset now, int take) =>
            db.Outbox.AsNoTracking().Where(m => m.NextAttemptAt <= now).Select(m => m.ChatId).Distinct().OrderBy(c => c).Take(take));

    private static HotQueries Of(BotDbContext db) => ByModel.GetValue(db.Model, _ => new HotQueries());

    /// <summary>A buy with its sign-ups and payments, tracked (to change it); split, so the two lists are not multiplied.</summary>
    public static Task<GroupBuy?> BuyToChange(BotDbContext db, long buyId, CancellationToken ct) => Of(db)._buyToChange(db, buyId, ct);

    /// <summary>A buy with its sign-ups and payments, read only.</summary>
    public static Task<GroupBuy?> BuyToRead(BotDbContext db, long buyId, CancellationToken ct) => Of(db)._buyToRead(db, buyId, ct);

    /// <summary>Whether an update's change was stored already (a redelivery).</summary>
    public static Task<bool> RequestHandled(BotDbContext db, long requestId, CancellationToken ct) => Of(db)._requestHandled(db, requestId, ct);

    /// <summary>A chat's first <paramref name="take"/> outbox rows, in the order written.</summary>
    public static Task<List<OutboxMessage>> OutboxRows(BotDbContext db, long chatId, int take, CancellationToken ct) =>
        List(Of(db)._outboxRows(db, chatId, take), ct);

    /// <summary>Chats with outbox rows due by <paramref name="now"/>, at most <paramref name="take"/>.</summary>
    public static Task<List<long>> OutboxChatsDue(BotDbContext db, DateTimeOffset now, int take, CancellationToken ct) =>
        List(Of(db)._outboxChatsDue(db, now, take), ct);

    /// <summary>
    /// A received batch's inbox rows in one statement per 200 rows (EF sends one INSERT per row). Times as UTC ticks,
    /// as the model's converter stores them.
    /// </summary>
    public static async Task InsertInboxRows(BotDbContext db, IReadOnlyList<InboxUpdate> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(200))
        {
            var sql = new StringBuilder("""INSERT INTO "Inbox" ("UpdateId", "ChatId", "Payload", "ReceivedAt") VALUES """);
            var values = new object[chunk.Length * 4];
            for (var i = 0; i < chunk.Length; i++)
            {
                var at = i * 4;
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}})");
                (values[at], values[at + 1], values[at + 2], values[at + 3]) = (chunk[i].UpdateId, chunk[i].ChatId, chunk[i].Payload, chunk[i].ReceivedAt.UtcTicks);
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    /// <summary>An update's inbox row, handled.</summary>
    public static Task DeleteInboxRow(BotDbContext db, long updateId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "Inbox" WHERE "UpdateId" = {updateId}""", ct);

    /// <summary>A sent outbox row.</summary>
    public static Task DeleteOutboxRow(BotDbContext db, long rowId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "Outbox" WHERE "Id" = {rowId}""", ct);

    /// <summary>A sent list edit, unless a newer change marked it again (a higher generation); 1 when it went.</summary>
    public static Task<int> DeleteListEdit(BotDbContext db, long rowId, int generation, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "Outbox" WHERE "Id" = {rowId} AND "Generation" = {generation}""", ct);

    /// <summary>Marks a buy's waiting list edit newer; 0 when none is waiting.</summary>
    public static Task<int> MarkListEditNewer(BotDbContext db, long buyId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""UPDATE "Outbox" SET "Generation" = "Generation" + 1 WHERE "BuyId" = {buyId} AND "Kind" = {nameof(OutboxKind.ListEdit)}""", ct);

    private static async Task<List<T>> List<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }
}
