namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// The writers of this process queue here, in order and without sleeping, one transaction at a time. The provider
/// decides whether it is needed and says why (<see cref="DatabaseProvider.CreateWriteGate"/>); today both do:
/// SQLite takes one writer at a time and makes a writer that finds the lock taken sleep and poll (busy timeout), and
/// on PostgreSQL the outbox's wake-up (<see cref="Pipeline.OutboxWriter.Committed"/>) and the order of a chat's
/// outbox rows (ids are taken at insert, not at commit) still count on this process committing one writer at a time.
/// Other processes are not held by it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A singleton for the process's life; its SemaphoreSlim holds no wait handle (AvailableWaitHandle is never read), and disposing it at shutdown would make a late release throw.")]
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> Enter(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
