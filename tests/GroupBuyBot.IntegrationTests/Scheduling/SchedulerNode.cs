using System.Collections.Concurrent;
using System.Globalization;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Scheduling;
using GroupBuyBot.IntegrationTests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GroupBuyBot.IntegrationTests.Scheduling;

/// <summary>
/// A second instance of the bot on the harness's PostgreSQL database, composed as the bot composes itself
/// (<see cref="BotHost.CreateBuilder"/>, the same configuration and clock) but running only its migrator, its
/// deadline reconciliation and its clustered Quartz scheduler: polling and sending are not shared between instances
/// yet, so the harness's bot receives and sends for both. A deadline this instance closes is stored with its
/// notifications, which the harness's bot sends.
/// </summary>
public sealed class SchedulerNode : IAsyncDisposable
{
    private readonly IHost _host;

    private SchedulerNode(IHost host, IScheduler scheduler)
    {
        _host = host;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    /// <param name="connectionString">Another way to the same database (e.g. through a relay the test can cut).</param>
    public static async Task<SchedulerNode> Start(BotHarness bot, string? connectionString = null)
    {
        var settings = bot.Settings();
        if (connectionString is not null) settings[$"{DatabaseOptions.Section}:ConnectionString"] = connectionString;
        var builder = BotHost.CreateBuilder([], settings);
        builder.Logging.ClearProviders();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(bot.Time));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DeadlineReconciler>());
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        var host = builder.Build();
        await host.StartAsync();
        return new SchedulerNode(host, await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}

/// <summary>Which scheduler ran the deadline job of which buy; optionally holds a run before it starts.</summary>
public sealed class DeadlineRuns(string node) : IJobListener
{
    private readonly ConcurrentQueue<long> _started = new();
    private readonly ConcurrentQueue<long> _finished = new();
    private readonly ConcurrentQueue<long> _recovered = new();
    private readonly TaskCompletionSource<long> _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => $"deadline-runs-{node}";

    /// <summary>While not null, a run waits for it before the job executes (as a node that stopped mid-job).</summary>
    public Task? Hold { get; set; }

    public IReadOnlyCollection<long> Started => _started;

    public IReadOnlyCollection<long> Finished => _finished;

    /// <summary>Runs that Quartz started again because the instance running them was written off.</summary>
    public IReadOnlyCollection<long> Recovered => _recovered;

    /// <summary>The buy id of the first run that started.</summary>
    public Task<long> FirstStarted => _firstStarted.Task;

    public static DeadlineRuns On(IScheduler scheduler, string node)
    {
        var runs = new DeadlineRuns(node);
        scheduler.ListenerManager.AddJobListener(runs, [Matchers.Key(QuartzDeadlineSchedule.DeadlineJob)]);
        return runs;
    }

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var buyId = BuyId(context);
        _started.Enqueue(buyId);
        _firstStarted.TrySetResult(buyId);
        if (Hold is { } hold) await hold;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        _finished.Enqueue(BuyId(context));
        if (context.Recovering) _recovered.Enqueue(BuyId(context));
        return ValueTask.CompletedTask;
    }

    private static long BuyId(IJobExecutionContext context) =>
        long.Parse(context.MergedJobDataMap.GetString(QuartzDeadlineSchedule.BuyIdKey)!, CultureInfo.InvariantCulture);
}
