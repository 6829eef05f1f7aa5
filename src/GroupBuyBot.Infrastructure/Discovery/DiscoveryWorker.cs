using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Discovery;

/// <summary>
/// Reads chat messages off the update path and runs <see cref="DiscoveryRound"/> on the wall clock: each message is
/// heard as it arrives, a round every tick (due windows read, needs merged, suggestions stored), the maintenance
/// (retention, idle needs) every minute. The eval and the benchmark run the same round on a simulated clock.
/// </summary>
public sealed class DiscoveryWorker(DiscoveryInbox inbox, DiscoveryRound round, TimeProvider time, BotMetrics metrics, ILogger<DiscoveryWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaintenanceEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastMaintenance = Environment.TickCount64;
        while (!stoppingToken.IsCancellationRequested)
        {
            while (inbox.Reader.TryRead(out var item)) round.Hear(item.ChatId, item.Message, Environment.TickCount64);

            try
            {
                var report = await round.Run(time.GetUtcNow(), Environment.TickCount64, stoppingToken);
                metrics.NeedsSuggested(report.Suggested.Count);
                Log(report);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Discovery failed for a round of due windows");
            }

            if (Environment.TickCount64 - lastMaintenance > MaintenanceEvery.TotalMilliseconds)
            {
                lastMaintenance = Environment.TickCount64;
                await Maintain(stoppingToken);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Tick);
            try
            {
                await inbox.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the tick: look at due windows again
            }
        }
    }

    private void Log(RoundReport report)
    {
        if (report.Taken == 0) return;
        logger.LogInformation("Discovery round: {Taken} windows due, {Read} read in {Calls} model calls, {WithoutCue} without a new cue, {Refused} refused by the gate",
            report.Taken, report.Readings.Count, report.ModelCalls, report.WithoutNewCue, report.Refused);
        foreach (var need in report.Suggested)
        {
            logger.LogInformation("Suggested need {NeedId} in chat {ChatId} ({Members} members)", need.Id, need.ChatId, need.Members.Count);
        }

        foreach (var (chatId, error) in report.Failures) logger.LogError(error, "Discovery failed for a window of chat {ChatId}", chatId);
    }

    private async Task Maintain(CancellationToken ct)
    {
        try
        {
            var deleted = await round.Maintain(time.GetUtcNow(), ct);
            if (deleted > 0) logger.LogInformation("{Count} idle needs left the boards", deleted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not expire idle needs");
        }
    }
}
