using GroupBuyBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Scheduling;

/// <summary>
/// At start-up, before the scheduler runs: the triggers are rebuilt from the open buys in the bot's database,
/// the source of truth. A buy whose deadline passed while the bot was down gets a trigger due now. With several
/// instances on one database (PostgreSQL), another one may change a buy while this one rebuilds; it syncs its change
/// after committing it, so a rebuild that read the buy earlier could overwrite the newer trigger. The buys are read
/// again after syncing until what was synced is what is stored.
/// </summary>
public sealed class DeadlineReconciler(IGroupBuyStore buys, QuartzDeadlineSchedule schedule, ILogger<DeadlineReconciler> logger) : IHostedService
{
    private const int MaxPasses = 5;

    public Task StartAsync(CancellationToken cancellationToken) => Reconcile(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task Reconcile(CancellationToken ct)
    {
        await schedule.StoreJobs(ct);
        await schedule.Clear(ct);
        var synced = new Dictionary<long, DateTimeOffset?>();
        var open = await buys.ListAllOpen(ct);
        for (var pass = 1; ; pass++)
        {
            var changed = 0;
            foreach (var buy in open.Where(b => !synced.TryGetValue(b.Id, out var deadline) || deadline != b.Deadline))
            {
                await schedule.Sync(buy, ct);
                synced[buy.Id] = buy.Deadline;
                changed++;
            }

            // Synced as open but no longer open: its trigger goes (Sync of a closed buy only unschedules).
            var openIds = open.Select(b => b.Id).ToHashSet();
            foreach (var id in synced.Keys.Where(id => !openIds.Contains(id)).ToList())
            {
                if (await buys.Find(id, ct) is { } ended) await schedule.Sync(ended, ct);
                synced.Remove(id);
                changed++;
            }

            if (pass > 1 && changed == 0 || pass == MaxPasses) break;
            open = await buys.ListAllOpen(ct);
        }

        logger.LogInformation("Scheduled the deadlines of {Count} open group buys", synced.Count);
    }
}
