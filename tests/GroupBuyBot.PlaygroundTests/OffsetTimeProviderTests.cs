using GroupBuyBot.Playground;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.PlaygroundTests;

public class OffsetTimeProviderTests
{
    [Fact]
    public void Reads_the_inner_clock_plus_everything_advanced_so_far()
    {
        var inner = Clock.Fake();
        var clock = new OffsetTimeProvider(inner);

        clock.Advance(TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromDays(2));
        inner.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Clock.Start + TimeSpan.FromDays(2) + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(2) + TimeSpan.FromHours(1), clock.Offset);
    }

    [Fact]
    public void Never_goes_back()
    {
        var clock = new OffsetTimeProvider(Clock.Fake());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Equal(TimeSpan.Zero, clock.Offset);
    }

    [Fact]
    public async Task Fast_forwarding_past_a_timers_due_time_fires_it_at_once()
    {
        var clock = new OffsetTimeProvider();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(200);
        Assert.False(fired.Task.IsCompleted, "59 minutes of a 1-hour wait have passed: not due yet");

        clock.Advance(TimeSpan.FromMinutes(2));
        await fired.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_timer_still_runs_on_real_time_when_nobody_fast_forwards()
    {
        var clock = new OffsetTimeProvider();
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(), null, TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_disposed_or_stopped_timer_does_not_fire_on_a_jump()
    {
        var clock = new OffsetTimeProvider();
        var fired = 0;
        var disposed = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(300);

        Assert.Equal(0, fired);
    }
}
