using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// Looks for payment reminders that are due every minute. A sweep rather than a trigger per buy and day: what is due
/// depends on each member's last reminder, kept with the payment, so a missed minute (a restart) is caught up by the next.
/// </summary>
public sealed class PaymentReminderService(PaymentReminders reminders, TimeProvider time, SecretRedactor redactor, ILogger<PaymentReminderService> logger)
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
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning("Could not send payment reminders; trying again in a minute: {Error}", redactor.Describe(e));
                await Task.Delay(Every, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
