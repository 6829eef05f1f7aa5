using GroupBuyBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// At start-up, before the scheduler runs: the triggers are rebuilt from the open buys in the bot's database,
/// the source of truth. A buy whose deadline passed while the bot was down gets a trigger due now.
/// </summary>
public sealed class DeadlineReconciler(IGroupBuyStore buys, QuartzDeadlineSchedule schedule, ILogger<DeadlineReconciler> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Reconcile(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task Reconcile(CancellationToken ct)
    {
        await schedule.StoreJobs(ct);
        await schedule.Clear(ct);
        var open = await buys.ListAllOpen(ct);
        foreach (var buy in open) await schedule.Sync(buy, ct);
        logger.LogInformation("Scheduled the deadlines of {Count} open group buys", open.Count);
    }
}
