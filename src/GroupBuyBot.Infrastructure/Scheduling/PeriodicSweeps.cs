using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.Features.Recurring;
using GroupBuyBot.Core.Features.Sharing;
using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// Every minute: payment reminders that are due, buys whose next round has come, and needs linked groups share. Sweeps rather than a trigger per
/// buy and day: what is due depends on state kept with the buy (each member's last reminder, the last suggestion), so a
/// missed minute (a restart) is caught up by the next.
/// </summary>
public sealed class PeriodicSweeps(PaymentReminders reminders, RecurringBuys recurring, PoolingSuggestions pooling, TimeProvider time, SecretRedactor redactor, ILogger<PeriodicSweeps> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var reminded = await reminders.RemindDue(stoppingToken);
                if (reminded > 0) logger.LogInformation("Reminded {Count} members to pay", reminded);
                var suggested = await recurring.SuggestDue(stoppingToken);
                if (suggested > 0) logger.LogInformation("Told organizers that {Count} buys come round again", suggested);
                var pooled = await pooling.SuggestDue(stoppingToken);
                if (pooled > 0) logger.LogInformation("Suggested pooling {Count} needs of linked groups", pooled);
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning("A periodic sweep failed; trying again in a minute: {Error}", redactor.Describe(e));
                await Task.Delay(Every, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
