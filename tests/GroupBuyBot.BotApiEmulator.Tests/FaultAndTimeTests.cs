using System.Diagnostics;
using System.Net.Sockets;
using GroupBuyBot.BotApiEmulator.Models;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace GroupBuyBot.BotApiEmulator.Tests;

public sealed class FaultTests : EmulatorTestBase
{
    private TelegramBotClient BotWithoutAutoRetry => new(new TelegramBotClientOptions(Token, Emulator.BaseUrl.ToString()) { RetryThreshold = 0 });

    [Fact]
    public async Task Injected_429_surfaces_retry_after_and_then_calls_succeed_again()
    {
        var bot = BotWithoutAutoRetry;
        Emulator.State.InjectFault(new FaultSpec(FaultKind.TooManyRequests, "sendMessage", Count: 2, RetryAfterSeconds: 7));

        var first = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(GroupId, "a"));
        await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(GroupId, "b"));
        await bot.SendMessage(GroupId, "c");

        Assert.Equal(429, first.ErrorCode);
        Assert.Equal(7, first.Parameters!.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 7", first.Message);
        Assert.Equal(["c"], Emulator.State.GetMessages(GroupId).Select(m => m.Text));
        Assert.Equal([429, 429, 200], Emulator.State.GetApiCalls("sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task The_client_auto_retry_waits_retry_after_as_the_call_log_shows()
    {
        Emulator.State.InjectFault(new FaultSpec(FaultKind.TooManyRequests, Count: 1, RetryAfterSeconds: 1));

        await Bot.SendMessage(GroupId, "eventually");

        var calls = Emulator.State.GetApiCalls("sendMessage");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].WallClockAt - calls[0].WallClockAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Server_errors_and_delays_can_be_injected_for_any_method_but_polling_is_spared()
    {
        var bot = BotWithoutAutoRetry;
        Emulator.State.InjectFault(new FaultSpec(FaultKind.BadGateway));
        Emulator.State.InjectFault(new FaultSpec(FaultKind.InternalServerError));
        Emulator.State.InjectFault(new FaultSpec(FaultKind.Delay, "getMe", DelayMilliseconds: 300));

        await bot.GetUpdates();
        var badGateway = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(GroupId, "x"));
        var serverError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(GroupId, "x"));
        var stopwatch = Stopwatch.StartNew();
        await bot.GetMe();

        Assert.Equal(502, badGateway.ErrorCode);
        Assert.Equal(500, serverError.ErrorCode);
        Assert.True(stopwatch.ElapsedMilliseconds >= 280);
        Assert.Empty(Emulator.State.GetPendingFaults());
    }

    [Fact]
    public async Task Random_faults_hit_sends_at_the_given_rates_and_spare_reads()
    {
        var bot = BotWithoutAutoRetry;
        Emulator.State.SetRandomFaults(new RandomFaults(ServerErrorRate: 0.2, TooManyRequestsRate: 0.1, Seed: 3));

        var codes = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await bot.SendMessage(GroupId, $"m{i}");
                codes.Add(200);
            }
            catch (ApiRequestException e)
            {
                codes.Add(e.ErrorCode);
            }
        }

        await bot.GetMe(); // not a send: never hit
        var (_, counts) = Emulator.State.GetRandomFaults();
        Assert.Equal(200, counts.Calls);
        Assert.Equal(counts.ServerErrors, codes.Count(c => c >= 500));
        Assert.Equal(counts.TooManyRequests, codes.Count(c => c == 429));
        Assert.InRange(counts.ServerErrors, 20, 60);
        Assert.InRange(counts.TooManyRequests, 8, 35);
        Assert.Equal(codes.Count(c => c == 200), Emulator.State.GetMessages(GroupId).Count);

        Emulator.State.SetRandomFaults(null);
        await bot.SendMessage(GroupId, "clean");
    }

    [Fact]
    public async Task A_random_timeout_stalls_the_call_and_a_client_that_gives_up_leaves_nothing_sent()
    {
        // The client gives up long before the stall ends, but late enough that its call surely reached the emulator on a
        // busy machine (with 300 ms it sometimes gave up before the request was even read).
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var impatient = new TelegramBotClient(new TelegramBotClientOptions(Token, Emulator.BaseUrl.ToString()) { RetryThreshold = 0 }, http);
        Emulator.State.SetRandomFaults(new RandomFaults(TimeoutRate: 1, TimeoutMilliseconds: 20_000));

        await Assert.ThrowsAnyAsync<Exception>(() => impatient.SendMessage(GroupId, "lost in transit"));

        Assert.Equal(1, Emulator.State.GetRandomFaults().Counts.Timeouts);
        Assert.Empty(Emulator.State.GetMessages(GroupId));
    }

    [Fact]
    public async Task A_connection_reset_fails_the_call_without_handling_it()
    {
        var bot = BotWithoutAutoRetry;
        Emulator.State.InjectFault(new FaultSpec(FaultKind.ConnectionReset, "sendMessage"));

        var error = await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(GroupId, "lost"));
        await bot.SendMessage(GroupId, "sent");

        Assert.IsNotType<ApiRequestException>(error); // no answer at all, not an error answer
        Assert.Contains(Flatten(error), e => e is SocketException { SocketErrorCode: SocketError.ConnectionReset }); // a real RST
        Assert.Equal(["sent"], Emulator.State.GetMessages(GroupId).Select(m => m.Text));
        Assert.Equal([0, 200], Emulator.State.GetApiCalls("sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task An_interceptor_sees_each_call_and_can_reset_it_before_or_after_it_is_handled()
    {
        var bot = BotWithoutAutoRetry;
        var seen = new List<string>();
        Emulator.State.InterceptBotCalls(call =>
        {
            lock (seen) seen.Add($"{call.Method}:{call.Text}:{call.ReplyToMessageId}");
            return call.Text switch
            {
                "never" => BotCallVerdict.ResetBeforeHandling,
                "unheard" => BotCallVerdict.ResetAfterHandling,
                _ => BotCallVerdict.Proceed,
            };
        });
        var first = await bot.SendMessage(GroupId, "first");

        await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(GroupId, "never"));
        await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(GroupId, "unheard", replyParameters: first.MessageId));
        Emulator.State.InterceptBotCalls(null);
        await bot.SendMessage(GroupId, "last");

        Assert.Equal(["sendMessage:first:", "sendMessage:never:", $"sendMessage:unheard:{first.MessageId}"], seen);
        Assert.Equal(["first", "unheard", "last"], Emulator.State.GetMessages(GroupId).Select(m => m.Text));
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException) yield return current;
    }

    [Fact]
    public async Task Flood_limits_when_enabled_allow_20_group_messages_a_minute()
    {
        var bot = BotWithoutAutoRetry;
        Emulator.State.FloodLimitsEnabled = true;
        for (var i = 0; i < 20; i++)
        {
            await bot.SendMessage(GroupId, $"m{i}");
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(GroupId, "one too many"));

        Assert.Equal(429, error.ErrorCode);
        Assert.InRange(error.Parameters!.RetryAfter!.Value, 1, 60);
    }
}

public sealed class FakeClockTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    protected override BotApiEmulatorOptions CreateOptions() => new()
    {
        BotToken = Token,
        TimeProvider = _clock,
        OnAdvanceTime = by =>
        {
            _clock.Advance(by);
            return Task.CompletedTask;
        },
    };

    [Fact]
    public async Task Dates_come_from_the_injected_clock_and_advance_through_the_hook()
    {
        Emulator.State.PostMessage(GroupId, Alice, "before");
        await Emulator.State.AdvanceTime(TimeSpan.FromHours(1));
        var sent = await Bot.SendMessage(GroupId, "after");

        var update = Assert.Single(await Bot.GetUpdates());
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), update.Message!.Date);
        Assert.Equal(new DateTime(2026, 1, 2, 4, 4, 5, DateTimeKind.Utc), sent.Date);
        Assert.Equal(_clock.GetUtcNow(), Emulator.State.GetApiCalls("sendMessage").Single().At);
    }

    [Fact]
    public async Task A_fault_window_fails_every_call_while_open_on_the_emulator_clock_whatever_the_count()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(Token, Emulator.BaseUrl.ToString()) { RetryThreshold = 0 });
        Emulator.State.InjectFault(new FaultSpec(FaultKind.InternalServerError, "sendMessage", DurationMilliseconds: 60_000));
        Emulator.State.InjectFault(new FaultSpec(FaultKind.BadGateway, "sendMessage", StartAfterMilliseconds: 60_000, DurationMilliseconds: 30_000));

        async Task<int> Send()
        {
            try
            {
                await bot.SendMessage(GroupId, "x");
                return 200;
            }
            catch (ApiRequestException e)
            {
                return e.ErrorCode;
            }
        }

        var codes = new List<int> { await Send(), await Send(), await Send() };
        await Emulator.State.AdvanceTime(TimeSpan.FromSeconds(59));
        codes.Add(await Send());
        await Emulator.State.AdvanceTime(TimeSpan.FromSeconds(1));
        codes.Add(await Send());
        codes.Add(await Send());
        await Emulator.State.AdvanceTime(TimeSpan.FromSeconds(30));
        codes.Add(await Send());

        Assert.Equal([500, 500, 500, 500, 502, 502, 200], codes);
        Assert.Empty(Emulator.State.GetPendingFaults());
        Assert.Single(Emulator.State.GetMessages(GroupId));
    }

    [Fact]
    public async Task Long_polling_does_not_depend_on_the_fake_clock()
    {
        // The fake clock never moves here; a poll timed by it would hang until the test's own timeout.
        var poll = Bot.GetUpdates(timeout: 1);
        var finished = await Task.WhenAny(poll, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(poll, finished);
        Assert.Empty(await poll);
    }
}

public sealed class SystemClockTests : EmulatorTestBase
{
    [Fact]
    public async Task Advancing_time_without_a_controllable_clock_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Emulator.State.AdvanceTime(TimeSpan.FromMinutes(1)));
    }
}
