using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Forgets the markers of handled requests once Telegram can no longer redeliver them (it does for at most a day),
/// every hour while the bot runs, whether updates come by polling or by webhook.
/// </summary>
public sealed class HandledRequestPruning(UpdateInbox inbox, TimeProvider time, SecretRedactor redactor, ILogger<HandledRequestPruning> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await inbox.PruneHandledRequests(time.GetUtcNow() - Kept, stoppingToken);
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning("Could not prune handled requests; trying again in an hour: {Error}", redactor.Describe(e));
                await Task.Delay(Every, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
