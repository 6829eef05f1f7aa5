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
}
