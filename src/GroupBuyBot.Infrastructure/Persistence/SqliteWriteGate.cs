namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// SQLite takes one writer at a time, and a writer that finds the lock taken sleeps and polls (busy timeout), so
/// parallel chats writing at once wait far longer than the writes take. Writers of this process queue here instead,
/// in order and without sleeping; the busy timeout is left for other processes.
/// </summary>
public sealed class SqliteWriteGate
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
