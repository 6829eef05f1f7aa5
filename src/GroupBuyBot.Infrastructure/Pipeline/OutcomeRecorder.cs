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
    public async Task Record(CommandContext context, Outcome outcome, CancellationToken ct)
    {
        if (outcome.Recorded) return;
        using (await writes.Enter(ct))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await outbox.Add(db, context, outcome, ct);
            await inbox.MarkHandled(db, context.RequestId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            outbox.Committed();
        }
    }
}
