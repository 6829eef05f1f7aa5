using GroupBuyBot.Core.Features.Deadlines;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// At start-up, sends the notifications of buys that ended just before a crash (their outbox rows survived). The
/// rows are read before polling and the scheduler start, so a close made by this run is never sent twice.
/// </summary>
public sealed class PendingClosingNotifications(ClosingOutbox outbox, IGroupBuyStore buys, IChatStore chats, ClosingNotifier notifier,
    BotIdentity identity, GroupBuyBot.Infrastructure.Logging.SecretRedactor redactor, ILogger<PendingClosingNotifications> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _sending = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await outbox.PendingBuyIds(cancellationToken);
        if (pending.Count == 0) return;
        logger.LogInformation("Sending the notifications of {Count} buys that ended before the last stop", pending.Count);
        _sending = Task.Run(() => Send(pending, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _sending.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was not sent stays in the outbox for the next start.
        }
    }

    private async Task Send(IReadOnlyList<long> buyIds, CancellationToken ct)
    {
        // The order message links to the bot by username, which polling learns with getMe.
        for (var waited = 0; identity.Username.Length == 0 && waited < 300; waited++) await Task.Delay(100, ct);

        foreach (var buyId in buyIds)
        {
            try
            {
                var buy = await buys.Find(buyId, ct);
                if (buy is not { Status: GroupBuyStatus.Formed or GroupBuyStatus.Failed or GroupBuyStatus.Cancelled })
                {
                    await outbox.Sent(buyId, ct); // gone, or moved on (delivered): nothing left to say
                    continue;
                }

                var context = await DeadlineCloser.SystemContext(chats, buy, ct);
                await notifier.Notify(context, buy, ClosingHandler.EndedText(context, buy), null, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Could not send the closing notifications of buy {BuyId}; they stay pending: {Exception}", buyId, redactor.Redact(e.ToString()));
            }
        }
    }
}
