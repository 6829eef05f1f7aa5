using System.Text.Json;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Turns what a use case wants said (<see cref="Outcome"/>) into outbox rows inside the caller's transaction, and
/// wakes the <see cref="OutboxSender"/> once that transaction committed. The toast of a button tap is not written:
/// it is answered at once or never (Telegram forgets a tap after a few seconds).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; its SemaphoreSlim holds no wait handle (AvailableWaitHandle is never read), and disposing it at shutdown would make a late wake-up throw.")]
public sealed class OutboxWriter(TimeProvider time)
{
    private readonly SemaphoreSlim _written = new(0, 1);

    // Chats with rows added to a transaction not yet committed, and chats with committed rows the sender has not
    // looked at: the sender drains those at once instead of searching the table.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _pending = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _dirty = new();

    // Buys with a list-edit row written and not yet sent (bounded by the rows waiting).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _listEditWaiting = new();

    /// <summary>Adds the rows for <paramref name="outcome"/>, in the order the chat should see them.</summary>
    public async Task Add(BotDbContext db, CommandContext context, Outcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        OutboxMessage Row(OutboxKind kind, long chatId, int? threadId) =>
            new() { Kind = kind, ChatId = chatId, ThreadId = threadId, CreatedAt = now };

        if (outcome.AskFor is { } draft && outcome.Reply is { } question)
        {
            var row = Row(OutboxKind.Question, context.ChatId, context.ThreadId);
            row.Html = question;
            row.ReplyTo = context.MessageId;
            row.BuyId = draft.Id;
            Queue(db, row);
        }
        else if (outcome.Ended is { } ended)
        {
            // The save that ended the buy queued its BuyEnded row (BotDbContext): this says what its summary is.
            var row = db.OutboxAdded.FirstOrDefault(m => m.Kind == OutboxKind.BuyEnded && m.BuyId == ended.Id);
            if (row is null)
            {
                row = Row(OutboxKind.BuyEnded, ended.ChatId, ended.ThreadId);
                row.BuyId = ended.Id;
                Queue(db, row);
            }

            row.Html = outcome.Reply;
            row.ReplyTo = context.MessageId;
            _pending[row.ChatId] = 0;
        }
        else if (outcome.Document is { } document)
        {
            var row = Row(OutboxKind.Document, context.ChatId, context.ThreadId);
            row.UserId = document.UserId;
            row.FileName = document.FileName;
            row.Content = document.Content;
            row.Caption = document.Caption;
            row.Html = outcome.Reply ?? "";
            row.Fallback = document.Unreachable;
            row.ReplyTo = context.MessageId;
            Queue(db, row);
        }
        else if (outcome.Reply is { } reply)
        {
            var row = Row(OutboxKind.Text, context.ChatId, context.ThreadId);
            row.Html = reply;
            row.Buttons = Serialize(outcome.Buttons);
            row.ReplyTo = context.MessageId;
            Queue(db, row);
        }

        if (outcome.React is { } reaction)
        {
            var row = Row(OutboxKind.Reaction, reaction.ChatId, null);
            row.MessageId = reaction.MessageId;
            row.Html = reaction.Emoji;
            Queue(db, row);
        }

        if (outcome.Edit is { } edit)
        {
            var row = Row(OutboxKind.Edit, edit.ChatId, null);
            row.MessageId = edit.MessageId;
            row.Html = edit.Text;
            row.Buttons = Serialize(edit.Buttons);
            Queue(db, row);
        }

        foreach (var notice in outcome.Notices)
        {
            var row = Row(OutboxKind.Text, notice.ChatId, notice.ThreadId);
            row.Html = notice.Text;
            Queue(db, row);
        }

        if (outcome.Privately is { } round)
        {
            var row = Row(OutboxKind.Privately, round.ChatId, round.ThreadId);
            row.Payload = PrivateRounds.Serialize(round);
            Queue(db, row);
        }

        if (outcome.Quotes is { } quotes) AddQuotes(db, context, quotes, now);

        foreach (var orderBuyId in outcome.SupplierOrders)
        {
            // Filed under the buy's group, where the order's news is told.
            var group = await db.GroupBuys.Where(b => b.Id == orderBuyId).Select(b => new { b.ChatId, b.ThreadId }).FirstOrDefaultAsync(ct);
            if (group is null) continue;
            var row = Row(OutboxKind.OrderRetry, group.ChatId, group.ThreadId);
            row.BuyId = orderBuyId;
            Queue(db, row);
        }

        if (outcome.Announce is { } buy)
        {
            var row = Row(OutboxKind.Announce, buy.ChatId, buy.ThreadId);
            row.BuyId = buy.Id;
            Queue(db, row);
        }

        foreach (var shared in outcome.SharedLists)
        {
            var row = Row(OutboxKind.SharedList, shared.ChatId, null);
            row.BuyId = shared.BuyId;
            Queue(db, row);
        }

        if (outcome.Ended is null && outcome.RefreshBuyId is { } buyId)
        {
            await AddListEdit(db, buyId, now, ct);
        }
    }

    /// <summary>
    /// Asks for a buy's list to be edited. One row per buy: when one is waiting, it is marked newer instead, so a
    /// sender that is rendering an older state keeps it for another round.
    /// </summary>
    public async Task AddListEdit(BotDbContext db, long buyId, DateTimeOffset now, CancellationToken ct)
    {
        if (db.OutboxAdded.Any(m => m is { Kind: OutboxKind.ListEdit } && m.BuyId == buyId)) return;

        // Only buys known to have a waiting row are asked (most edits find none: the last one went out). A row left
        // by an earlier run is not known here: this adds a second one, which costs one more edit, nothing else.
        if (_listEditWaiting.ContainsKey(buyId))
        {
            var bumped = await HotQueries.MarkListEditNewer(db, buyId, ct);
            if (bumped > 0) return;
        }

        var chatId = TrackedChatOf(db, buyId) ?? await db.GroupBuys.Where(b => b.Id == buyId).Select(b => b.ChatId).FirstOrDefaultAsync(ct);
        Queue(db, new OutboxMessage { Kind = OutboxKind.ListEdit, ChatId = chatId, BuyId = buyId, CreatedAt = now });
        _listEditWaiting[buyId] = 0;
    }

    /// <summary>
    /// The chat of a buy this context already tracks. Without detecting changes: Entries() would otherwise compare every
    /// tracked sign-up of the buy with its snapshot (3% of the bot's CPU under load) to find what the identity map
    /// already holds; buys are tracked when loaded or added, never found through a navigation.
    /// </summary>
    private static long? TrackedChatOf(BotDbContext db, long buyId)
    {
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<Core.GroupBuys.GroupBuy>().FirstOrDefault(e => e.Entity.Id == buyId)?.Entity.ChatId;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The sender deleted the buy's list-edit row: the next change adds a new one without asking.</summary>
    public void ListEditSent(long buyId) => _listEditWaiting.TryRemove(buyId, out _);

    /// <summary>
    /// Called right after a transaction that may have written outbox rows committed, before its write lock is
    /// released (so no other transaction's rows are counted before they are committed): their chats are due.
    /// </summary>
    public void Committed()
    {
        foreach (var chatId in _pending.Keys)
        {
            if (_pending.TryRemove(chatId, out _)) _dirty[chatId] = 0;
        }

        Wake();
    }

    /// <summary>Wakes the sender without naming a chat: it looks for due rows itself.</summary>
    public void Wake()
    {
        if (_written.CurrentCount > 0) return;
        try
        {
            _written.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Chats with rows committed since the last call.</summary>
    public List<long> TakeDirty()
    {
        var chats = new List<long>();
        foreach (var chatId in _dirty.Keys)
        {
            if (_dirty.TryRemove(chatId, out _)) chats.Add(chatId);
        }

        return chats;
    }

    /// <summary>Waits until rows were written, or <paramref name="timeout"/> passed.</summary>
    public Task WaitForRows(TimeSpan timeout, CancellationToken ct) => _written.WaitAsync(timeout, ct);

    private void AddQuotes(BotDbContext db, CommandContext context, QuoteMessages quotes, DateTimeOffset now)
    {
        OutboxMessage Row(OutboxKind kind) => new() { Kind = kind, ChatId = quotes.ChatId, ThreadId = quotes.ThreadId, BuyId = quotes.BuyId, CreatedAt = now };

        // Filed under the group: the board that follows shows whom each request reached.
        foreach (var request in quotes.Requests)
        {
            var row = Row(OutboxKind.QuoteRequest);
            row.UserId = request.SupplierUserId;
            row.Html = request.Text;
            row.Buttons = Serialize(request.Buttons);
            Queue(db, row);
        }

        if (quotes.PostBoard)
        {
            var board = Row(OutboxKind.QuoteBoard);
            board.ReplyTo = context.ChatId == quotes.ChatId ? context.MessageId : null;
            Queue(db, board);
        }
        else if (!db.OutboxAdded.Any(m => m is { Kind: OutboxKind.QuoteBoardEdit } && m.BuyId == quotes.BuyId))
        {
            Queue(db, Row(OutboxKind.QuoteBoardEdit));
        }
    }

    /// <summary>Adds a row made outside an outcome (what a sent row leads to), with its chat due once committed.</summary>
    public async Task Add(BotDbContext db, OutboxMessage row, CancellationToken ct)
    {
        row.CreatedAt = time.GetUtcNow();
        if (row is { Kind: OutboxKind.ListEdit, BuyId: { } buyId }) await AddListEdit(db, buyId, row.CreatedAt, ct);
        else Queue(db, row);
    }

    private void Queue(BotDbContext db, OutboxMessage row)
    {
        db.AddToOutbox(row);
        _pending[row.ChatId] = 0;
    }

    internal static string? Serialize(IReadOnlyList<IReadOnlyList<ButtonSpec>>? buttons) =>
        buttons is null ? null : JsonSerializer.Serialize(buttons, JsonSerializerOptions.Default);

    internal static IReadOnlyList<IReadOnlyList<ButtonSpec>>? Deserialize(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<List<ButtonSpec>>>(json, JsonSerializerOptions.Default);
}
