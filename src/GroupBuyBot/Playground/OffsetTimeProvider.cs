namespace GroupBuyBot.Playground;

/// <summary>
/// The system clock plus an offset that only grows: the playground's "fast-forward" moves every reading of
/// <see cref="GetUtcNow"/> (deadlines, message dates) without freezing time the way a fake clock would.
/// Timers and <see cref="TimeProvider.GetTimestamp"/> stay on real time, so polling and delays behave normally.
/// </summary>
public sealed class OffsetTimeProvider(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
