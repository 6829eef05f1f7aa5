using System.Collections.Concurrent;
using System.Threading.Channels;
using GroupBuyBot.Infrastructure.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Pipeline;

/// <summary>
/// Model calls taken out of the update path (an ambiguous sign-up reply, a draft's proposal): the chat goes on with
/// its next update at once, the call runs here, and what it leads to is stored as the update's change, which removes
/// the update's inbox row. A stop or a crash leaves that row, so the update runs again at the next start.
/// </summary>
public sealed class ModelCalls(IServiceProvider services, UpdateInbox inbox, SecretRedactor redactor, ILogger<ModelCalls> logger) : BackgroundService
{
    private const int AtOnce = 4;
    private const int Attempts = 3;

    private readonly Channel<(long UpdateId, Func<IServiceProvider, CancellationToken, Task> Run)> _queue =
        Channel.CreateBounded<(long, Func<IServiceProvider, CancellationToken, Task>)>(new BoundedChannelOptions(1000) { SingleReader = true });

    private readonly ConcurrentDictionary<long, TaskCompletionSource> _underWay = new();

    /// <summary>
    /// Queues the rest of an update's handling and marks the update <see cref="UpdateCompletion.Deferred"/> (its inbox
    /// row stays). False when too many calls wait: the caller handles the update at once instead.
    /// </summary>
    public bool TryQueue(UpdateCompletion update, long updateId, Func<IServiceProvider, CancellationToken, Task> run)
    {
        var finished = _underWay[updateId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((updateId, run)))
        {
            _underWay.TryRemove(updateId, out _);
            finished.TrySetResult();
            return false;
        }

        update.Deferred = true;
        return true;
    }

    /// <summary>
    /// While this process finishes the update here: a task that completes when it has (its inbox row is gone then, or
    /// the process is stopping); null otherwise. Its inbox row is not waiting to be handled meanwhile.
    /// </summary>
    public Task? UnderWay(long updateId) => _underWay.TryGetValue(updateId, out var finished) ? finished.Task : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(AtOnce);
        try
        {
            await foreach (var call in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await Run(call.UpdateId, call.Run, stoppingToken);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was queued keeps its inbox row for the next start.
        }
    }

    private async Task Run(long updateId, Func<IServiceProvider, CancellationToken, Task> run, CancellationToken ct)
    {
        try
        {
            await RunAttempts(updateId, run, ct);
        }
        finally
        {
            if (_underWay.TryRemove(updateId, out var finished)) finished.TrySetResult();
        }
    }

    private async Task RunAttempts(long updateId, Func<IServiceProvider, CancellationToken, Task> run, CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await run(scope.ServiceProvider, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (attempt >= Attempts)
                {
                    // As for any update: a poison one must not come back at every start.
                    logger.LogError("Giving up on update {UpdateId} after {Attempts} attempts: {Exception}", updateId, attempt, redactor.Redact(e.ToString()));
                    await inbox.MarkHandled(updateId, ct);
                    return;
                }

                logger.LogWarning("Update {UpdateId} failed after its model call; retrying: {Error}", updateId, redactor.Describe(e));
                await Task.Delay(100 * attempt, ct);
            }
        }
    }
}

/// <summary>One update's handling (scoped): whether it finishes beside the update path, in <see cref="ModelCalls"/>.</summary>
public sealed class UpdateCompletion
{
    /// <summary>True when the update's handling goes on in <see cref="ModelCalls"/>: it is not finished, its inbox row stays.</summary>
    public bool Deferred { get; set; }
}
