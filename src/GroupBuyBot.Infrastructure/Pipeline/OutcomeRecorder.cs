using GroupBuyBot.Core.Features;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Stores what a use case wants said, when its change did not already store it (<see cref="Outcome.Recorded"/>):
/// the outbox rows and the request's removal from the inbox in one transaction. Used for answers that change
/// nothing of a buy (help, refusals, lists, settings), which a redelivered request simply gives again.
/// </summary>
public sealed class OutcomeRecorder(IDbContextFactory<BotDbContext> contexts, WriteGate writes, OutboxWriter outbox, UpdateInbox inbox)
{
    public Task Record(CommandContext context, Outcome outcome, CancellationToken ct) => Record(context, outcome, handled: true, ct);

    /// <summary>What an update says while it is still being handled (e.g. 👀 while a model reads it): its inbox row stays.</summary>
    public Task RecordWhilePending(CommandContext context, Outcome outcome, CancellationToken ct) => Record(context, outcome, handled: false, ct);

    private async Task Record(CommandContext context, Outcome outcome, bool handled, CancellationToken ct)
    {
        if (outcome.Recorded) return;
        using (await writes.Enter(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await outbox.Add(db, context, outcome, ct);
            if (handled) await inbox.MarkHandled(db, context.RequestId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            outbox.Committed();
        }
    }
}
