using GroupBuyBot.Infrastructure.Telegram;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>
/// Telegram's budgets as the sender sees them. Each budget here refills far slower than a test runs (one message a
/// minute or less), so what is asserted is which sends may go now and which must wait, never how long they took.
/// </summary>
public sealed class SendRateLimiterTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30)); // a send that should go at once never hangs the run

    private const long Group = -100_500;
    private const long OtherGroup = -100_501;
    private const long Member = 4_200;

    [Fact]
    public async Task A_group_gets_its_budget_at_once_then_waits_and_other_chats_do_not()
    {
        var limiter = Limiter(perGroupPerMinute: 3);
        for (var i = 0; i < 3; i++) await limiter.Acquire(Group, _timeout.Token);

        Assert.True(limiter.WouldWait(Group));
        using var stop = new CancellationTokenSource();
        var fourth = limiter.Acquire(Group, stop.Token);
        Assert.False(fourth.IsCompleted);

        // Another group and a private chat are not held by that group's budget.
        Assert.False(limiter.WouldWait(OtherGroup));
        await limiter.Acquire(OtherGroup, _timeout.Token);
        for (var i = 0; i < 5; i++) await limiter.Acquire(Member, _timeout.Token); // no group budget in private

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth);
    }

    [Fact]
    public async Task A_chat_gets_its_burst_then_waits()
    {
        var limiter = Limiter(perChatBurst: 2, perChatPerSecond: 1.0 / 120);
        Assert.False(limiter.WouldWait(Member));
        await limiter.Acquire(Member, _timeout.Token);
        await limiter.Acquire(Member, _timeout.Token);

        Assert.True(limiter.WouldWait(Member));
        using var stop = new CancellationTokenSource();
        var third = limiter.Acquire(Member, stop.Token);
        Assert.False(third.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task A_429_pauses_only_its_chat()
    {
        var limiter = Limiter();
        limiter.Pause(Group, TimeSpan.FromMinutes(5));

        Assert.True(limiter.WouldWait(Group));
        Assert.False(limiter.WouldWait(OtherGroup));
        using var stop = new CancellationTokenSource();
        var paused = limiter.Acquire(Group, stop.Token);
        Assert.False(paused.IsCompleted);
        await limiter.Acquire(OtherGroup, _timeout.Token);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => paused);
    }

    [Fact]
    public async Task A_pause_that_has_passed_holds_nothing()
    {
        var limiter = Limiter();
        limiter.Pause(Group, TimeSpan.Zero);

        Assert.False(limiter.WouldWait(Group));
        await limiter.Acquire(Group, _timeout.Token);
    }

    [Fact]
    public async Task An_instance_that_just_took_over_sends_nothing_for_a_moment()
    {
        // The instance that was active may have spent the overall budget of the last second.
        var limiter = Limiter();
        limiter.TakeOver();

        using var stop = new CancellationTokenSource();
        var first = limiter.Acquire(Member, stop.Token);
        Assert.False(first.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task An_instance_taking_over_counts_the_groups_sends_of_the_one_before()
    {
        var before = Limiter(perGroupPerMinute: 3);
        for (var i = 0; i < 3; i++) await before.Acquire(Group, _timeout.Token);
        await before.Acquire(OtherGroup, _timeout.Token);
        await before.Acquire(Member, _timeout.Token);
        var kept = before.GroupSends();
        Assert.Equal([Group, OtherGroup], kept.Keys.Order().Reverse()); // groups only: a private chat's budget is its own
        Assert.All(kept[Group], sent => Assert.InRange(DateTimeOffset.UtcNow - sent, TimeSpan.Zero, TimeSpan.FromSeconds(20)));

        var after = Limiter(perGroupPerMinute: 3);
        after.Seed(kept);

        Assert.True(after.WouldWait(Group)); // the group's minute is spent, whoever spent it
        Assert.False(after.WouldWait(OtherGroup)); // one of three
        await after.Acquire(OtherGroup, _timeout.Token);
        await after.Acquire(OtherGroup, _timeout.Token);
        Assert.True(after.WouldWait(OtherGroup));
    }

    [Fact]
    public void Sends_older_than_the_window_are_not_carried_over()
    {
        var after = Limiter(perGroupPerMinute: 1);
        after.Seed(new Dictionary<long, DateTimeOffset[]> { [Group] = [DateTimeOffset.UtcNow - TimeSpan.FromMinutes(2)] });

        Assert.False(after.WouldWait(Group));
        Assert.Empty(after.GroupSends());
    }

    private static SendRateLimiter Limiter(int perChatBurst = 100, double perChatPerSecond = 100, int perGroupPerMinute = 1_000, int globalPerSecond = 1_000) =>
        new(Options.Create(new TelegramOptions
        {
            PerChatBurst = perChatBurst,
            PerChatMessagesPerSecond = perChatPerSecond,
            PerGroupMessagesPerMinute = perGroupPerMinute,
            GlobalMessagesPerSecond = globalPerSecond,
        }));
}
