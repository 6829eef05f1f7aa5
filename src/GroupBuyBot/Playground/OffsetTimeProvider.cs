namespace GroupBuyBot.Playground;

/// <summary>
/// The system clock plus an offset that only grows: the playground's "fast-forward" moves every reading of
/// <see cref="GetUtcNow"/> (deadlines, message dates) without freezing time the way a fake clock would.
/// Timers made by this clock are due in its time: fast-forwarding past a timer's due time fires it at once, so
/// the scheduler (Quartz waits on such a timer until the next deadline) notices the jump instead of sleeping on.
/// <see cref="TimeProvider.GetTimestamp"/> stays on real time, and so do delays that do not use this clock (polling).
/// </summary>
public sealed class OffsetTimeProvider(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private readonly HashSet<OffsetTimer> _timers = [];
    private readonly Lock _timersLock = new();
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new OffsetTimer(this, _inner, callback, state);
        lock (_timersLock) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        OffsetTimer[] timers;
        lock (_timersLock) timers = [.. _timers];
        foreach (var timer in timers) timer.Rearm();
    }

    private void Forget(OffsetTimer timer)
    {
        lock (_timersLock) _timers.Remove(timer);
    }

    /// <summary>A real timer whose due time is remembered in the offset clock's time, so a jump can bring it forward.</summary>
    private sealed class OffsetTimer : ITimer
    {
        private readonly OffsetTimeProvider _clock;
        private readonly ITimer _inner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private readonly Lock _lock = new();
        private DateTimeOffset? _dueAt;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public OffsetTimer(OffsetTimeProvider clock, TimeProvider real, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            _inner = real.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _period = period;
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
                return _inner.Change(dueTime, period);
            }
        }

        /// <summary>After a jump: what is left of the wait in the clock's time (nothing if it has passed).</summary>
        public void Rearm()
        {
            lock (_lock)
            {
                if (_dueAt is not { } dueAt) return;
                var left = dueAt - _clock.GetUtcNow();
                _inner.Change(left > TimeSpan.Zero ? left : TimeSpan.Zero, _period);
            }
        }

        public void Dispose()
        {
            _clock.Forget(this);
            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            _clock.Forget(this);
            return _inner.DisposeAsync();
        }

        private void Fire()
        {
            lock (_lock)
            {
                _dueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _clock.GetUtcNow() + _period;
            }

            _callback(_state);
        }
    }
}
