using Microsoft.Extensions.Time.Testing;

namespace GroupBuyBot.TestKit;

/// <summary>A fake clock starting at a fixed, known instant, so deadlines in tests are reproducible.</summary>
public static class Clock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Fake() => new(Start);
}
