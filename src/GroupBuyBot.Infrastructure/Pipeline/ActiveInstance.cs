using GroupBuyBot.Infrastructure.Logging;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Whether this process is the active instance of the bot on its database: the one that polls Telegram (in polling
/// mode) and drains the outbox. Several instances on one PostgreSQL database elect one through
/// <see cref="DatabaseProvider.TryLease"/>; the others try again every <see cref="RetryInterval"/> and one of them takes
/// over once the holder's session ends. The holder checks its lease every <see cref="CheckInterval"/> and, when it is
/// lost, cancels <see cref="WhenActive"/>'s token so that polling and sending stop. On SQLite the one process is active
/// from the start.
/// </summary>
public sealed class ActiveInstance(DatabaseProvider database, SecretRedactor redactor, ILogger<ActiveInstance> logger) : BackgroundService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private TaskCompletionSource<CancellationToken> _active = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether this process is the active instance right now.</summary>
    public bool IsActive
    {
        get
        {
            lock (_lock) return _active.Task.IsCompletedSuccessfully && !_active.Task.Result.IsCancellationRequested;
        }
    }

    /// <summary>Waits until this process is the active instance; the token is cancelled when it stops being active.</summary>
    public async Task<CancellationToken> WhenActive(CancellationToken ct)
    {
        while (true)
        {
            Task<CancellationToken> active;
            lock (_lock) active = _active.Task;
            var lease = await active.WaitAsync(ct);
            if (!lease.IsCancellationRequested) return lease;
            await Task.Delay(50, ct); // lost a moment ago: the next election is on its way
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waitingSaid = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            InstanceLease? lease;
            try
            {
                lease = await database.TryLease(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not ask the database which instance is active; trying again: {Error}", redactor.Describe(e));
                lease = null;
            }

            if (lease is null)
            {
                if (!waitingSaid) logger.LogInformation("Another instance is active (polls and sends); standing by");
                waitingSaid = true;
                await Delay(RetryInterval, stoppingToken);
                continue;
            }

            waitingSaid = false;
            await Hold(lease, stoppingToken);
        }
    }

    /// <summary>Acts as the active instance until the lease is lost or the host stops.</summary>
    private async Task Hold(InstanceLease lease, CancellationToken stoppingToken)
    {
        await using var _ = lease;
#pragma warning disable CA2000 // not disposed: tokens handed out stay readable after the lease is gone (it holds no timer and no wait handle)
        var held = new CancellationTokenSource();
#pragma warning restore CA2000
        lock (_lock) _active.TrySetResult(held.Token);
        logger.LogInformation("This is the active instance: it polls and sends");
        try
        {
            while (!stoppingToken.IsCancellationRequested && await lease.IsHeld(stoppingToken)) await Delay(CheckInterval, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the lease goes with the process
        }

        lock (_lock) _active = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        await held.CancelAsync();
        if (!stoppingToken.IsCancellationRequested) logger.LogWarning("Lost the active instance's lease (its database session broke): polling and sending stop");
    }

    private static Task Delay(TimeSpan delay, CancellationToken ct) =>
        Task.Delay(delay, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
}
