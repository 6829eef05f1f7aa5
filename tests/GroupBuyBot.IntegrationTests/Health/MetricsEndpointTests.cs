using System.Net;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Security;
using GroupBuyBot.IntegrationTests.Telegram;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.FakeOpenAi;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Health;

/// <summary>
/// <c>/metrics</c> on the health port of the real host, scraped as Prometheus would after real traffic through the
/// emulator: each counter moves by what happened (checked against the emulator's own call log where it can be), the
/// gauges follow the outbox, and the text is valid Prometheus exposition every time it is read.
/// </summary>
public class MetricsEndpointTests
{
    private const string Handled = "groupbuybot_updates_handled_total";
    private const string Received = "groupbuybot_updates_received_total";
    private const string Requests = "groupbuybot_telegram_requests_total";
    private const string OutboxDepth = "groupbuybot_outbox_depth";
    private const string OutboxAge = "groupbuybot_outbox_oldest_age_seconds";

    [Fact]
    public async Task Joins_sends_and_deadline_closes_are_counted_by_what_happened()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>([probe.Setting]));
        await bot.StartPrivateChat(Bob); // at the close Bob gets his DM; the others never started the bot: 403
        bot.Say(Alice, "/newbuy Oranges | 60 | 3 | 2d");
        var oranges = await bot.List(1);
        bot.Say(Alice, "/newbuy Durian | 120 | 10 | 2d");
        await bot.List(2);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10));
        var before = await probe.MetricsUntil(s => s.Value(Handled, ("telegram_update_type", "message")) >= 3);

        EmulatedUser[] members = [Bob, Carol, Dave, Erin, Frank];
        foreach (var tap in members.Select(member => bot.Tap(member, oranges, "Join")).ToList()) await bot.Answer(tap);
        var joined = await probe.MetricsUntil(s => Delta(s, before, Handled, ("telegram_update_type", "callback_query")) >= 5);

        Assert.Equal(5, Delta(joined, before, Received, ("telegram_update_type", "callback_query")));
        Assert.Equal(5, Delta(joined, before, Handled, ("telegram_update_type", "callback_query"), ("outcome", "ok")));
        Assert.Equal(0, Delta(joined, before, Received, ("telegram_update_type", "message")));
        Assert.Equal(5, Delta(joined, before, "groupbuybot_update_duration_seconds_count", ("telegram_update_type", "callback_query")));
        Assert.True(Delta(joined, before, "groupbuybot_update_duration_seconds_sum", ("telegram_update_type", "callback_query")) > 0);
        Assert.Equal(5, Delta(joined, before, Requests, ("telegram_method", "answerCallbackQuery"), ("outcome", "ok")));

        bot.Time.Advance(TimeSpan.FromDays(2));
        await bot.BotMessage(m => m.Text!.Contains("is closed and formed", StringComparison.Ordinal));
        await bot.BotMessage(m => m.Text!.Contains("closed without reaching the minimum", StringComparison.Ordinal));
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
        var closed = await probe.MetricsUntil(s => s.Value(OutboxDepth) == 0 && s.Value("groupbuybot_deadline_closes_total") >= 2);

        Assert.Equal(1, closed.Value("groupbuybot_deadline_closes_total", ("outcome", "formed")));
        Assert.Equal(1, closed.Value("groupbuybot_deadline_closes_total", ("outcome", "failed")));
        Assert.Equal(0, closed.Value(OutboxDepth));
        Assert.Equal(0, closed.Value(OutboxAge));
        Assert.Equal(0, closed.Value("groupbuybot_inbox_depth"));
        Assert.Equal(0, closed.Value(Handled, ("outcome", "failed")));

        // Every send, edit and answer the emulator saw is counted once, with the outcome it got.
        foreach (var method in new[] { "sendMessage", "editMessageText", "answerCallbackQuery" })
        {
            var calls = bot.Telegram.GetApiCalls(method);
            Assert.Equal(calls.Count(c => c.StatusCode == 200), closed.Value(Requests, ("telegram_method", method), ("outcome", "ok")));
            Assert.Equal(calls.Count(c => c.StatusCode == 403), closed.Value(Requests, ("telegram_method", method), ("outcome", "refused")));
            Assert.Equal(calls.Count, closed.Value(Requests, ("telegram_method", method)));
        }

        Assert.True(closed.Value(Requests, ("telegram_method", "sendMessage"), ("outcome", "refused")) >= 4, closed.Text); // Carol, Dave, Erin, Frank
        Assert.Equal("counter", closed.Types[Handled]);
        Assert.Equal("histogram", closed.Types["groupbuybot_update_duration_seconds"]);
        Assert.Equal("gauge", closed.Types[OutboxDepth]);
        Assert.True(closed.Has("dotnet_gc_collections_total") || closed.Has("dotnet_process_cpu_time_seconds_total"), "the runtime's meter"); // System.Runtime
    }

    [Fact]
    public async Task A_429_a_timeout_and_an_outage_of_5xx_are_counted_as_such_and_the_outbox_gauges_follow_the_outage()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>([probe.Setting]));

        bot.Telegram.InjectFault(new FaultSpec(FaultKind.TooManyRequests, "sendMessage", Count: 1, RetryAfterSeconds: 1));
        await bot.ReplyTo(bot.Say(Alice, "/help"));

        // A stall longer than the bot's request timeout (2 s in the harness): the bot gives up and sends again.
        bot.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, "sendMessage", Count: 1, DelayMilliseconds: 5000));
        await bot.ReplyTo(bot.Say(Bob, "/help"), timeoutSeconds: 20);

        // The reply's row goes just after Telegram took it, and the gauge is read at most every 2 s.
        var empty = await probe.MetricsUntil(s => s.Value(OutboxDepth) == 0);
        Assert.Equal(0, empty.Value(OutboxDepth));

        bot.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, "sendMessage", DurationMilliseconds: 600_000));
        var help = bot.Say(Carol, "/help");
        var failing = await probe.MetricsUntil(s => s.Value(OutboxDepth) >= 1 && s.Value(Requests, ("outcome", "server_error")) >= 1);
        Assert.Equal(1, failing.Value(OutboxDepth)); // Carol's answer, waiting
        Assert.True(failing.Value(Requests, ("telegram_method", "sendMessage"), ("outcome", "server_error")) >= 1, failing.Text);

        bot.Time.Advance(TimeSpan.FromSeconds(90)); // the bot's clock: the row was written 90 s ago
        var aged = await probe.MetricsUntil(s => s.Value(OutboxAge) >= 90);
        Assert.InRange(aged.Value(OutboxAge), 90, 150);

        bot.Telegram.ClearFaults();
        await bot.ReplyTo(help, timeoutSeconds: 20);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
        var recovered = await probe.MetricsUntil(s => s.Value(OutboxDepth) == 0);
        Assert.Equal(0, recovered.Value(OutboxDepth));
        Assert.Equal(0, recovered.Value(OutboxAge));

        var sends = bot.Telegram.GetApiCalls("sendMessage");
        Assert.Equal(1, recovered.Value(Requests, ("telegram_method", "sendMessage"), ("outcome", "rate_limited")));
        Assert.Equal(1, recovered.Value(Requests, ("telegram_method", "sendMessage"), ("outcome", "timeout")));
        Assert.Single(sends, c => c.ErrorDescription == "timed out");
        Assert.Equal(sends.Count(c => c.StatusCode == 500), recovered.Value(Requests, ("telegram_method", "sendMessage"), ("outcome", "server_error")));
        Assert.Equal(sends.Count(c => c.StatusCode == 200), recovered.Value(Requests, ("telegram_method", "sendMessage"), ("outcome", "ok")));
        Assert.Equal(3, recovered.Value(Handled, ("telegram_update_type", "message"), ("outcome", "ok"))); // three /help
    }

    [Fact]
    public async Task Webhook_mode_serves_metrics_and_counts_a_redelivered_update_once()
    {
        using var probe = new HealthProbe();
        var port = GroupBuyBot.TestKit.ClosedPort.Get();
        await using var bot = await BotHarness.Start(settings: WebhookTests.Settings(port, probe.Setting));
        await WebhookTests.WaitFor(() => bot.Telegram.Webhook is not null);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var update = WebhookTests.NewBuyUpdate(updateId: 900_001, messageId: 1);
        Assert.Equal(HttpStatusCode.OK, (await WebhookTests.Post(http, update, WebhookTests.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebhookTests.Post(http, update, WebhookTests.Secret)).StatusCode); // Telegram redelivers
        await bot.List(1);

        var scrape = await probe.MetricsUntil(s => s.Value(Handled) >= 1);
        Assert.Equal(1, scrape.Value(Received, ("telegram_update_type", "message")));
        Assert.Equal(1, scrape.Value(Handled, ("telegram_update_type", "message"), ("outcome", "ok")));
        Assert.Equal(0, scrape.Value(Requests, ("telegram_method", "getUpdates")));
        Assert.Equal(1, scrape.Value(Requests, ("telegram_method", "setWebhook"), ("outcome", "ok")));
    }

    [Fact]
    public async Task Metrics_can_be_turned_off_while_health_stays()
    {
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>([probe.Setting, new("GroupBuyBot:Health:Metrics", "false")]));

        Assert.Equal(HttpStatusCode.OK, await probe.StatusOf("/healthz"));
        Assert.Equal(HttpStatusCode.NotFound, await probe.StatusOf("/metrics"));
    }

    [Fact]
    public async Task Model_calls_their_tokens_a_deferred_reading_and_a_suggestion_are_counted_by_purpose_and_outcome()
    {
        const string ambiguous = "嗯…我考虑一下，可能要两份吧";
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = request => IsReplyReading(request)
            ? FakeAnswer.Json("""{"intent":"join","quantity":2}""", promptTokens: 100, completionTokens: 20)
            : FakeAnswer.Error(503); // reading needs fails: the embedded extractor reads instead
        using var probe = new HealthProbe();
        await using var bot = await BotHarness.Start(settings: new Dictionary<string, string?>
        {
            [probe.Setting.Key] = probe.Setting.Value,
            ["GroupBuyBot:Llm:BaseUrl"] = llm.BaseUrl.ToString(),
            ["GroupBuyBot:Llm:Model"] = "fake-model",
            ["GroupBuyBot:Llm:MaxRetries"] = "1",
            ["GroupBuyBot:Llm:RetryBaseDelayMilliseconds"] = "10",
            ["GroupBuyBot:Llm:CooldownSeconds"] = "0",
        });
        bot.Say(Alice, "/newbuy Oranges | 60 | 5 | 2d");
        var list = await bot.List(1);
        Assert.Contains("Bob signed up for 2 units", (await bot.ReplyTo(bot.Say(Bob, ambiguous, replyTo: list.MessageId), timeoutSeconds: 20)).Text);

        var ask = bot.Say(Bob, "Anyone want to book a deep clean for our air conditioners? Ours is filthy");
        bot.Say(Carol, "Count me in, ours is dusty too", replyTo: ask.MessageId);
        bot.Say(Dave, "+1 for us", replyTo: ask.MessageId);
        await bot.BotMessage(m => m.Text?.StartsWith("💡", StringComparison.Ordinal) == true, timeoutSeconds: 20);
        await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));

        var scrape = await probe.MetricsUntil(s => s.Value("groupbuybot_needs_suggested_total") >= 1);
        Assert.Equal(1, scrape.Value("groupbuybot_model_calls_total", ("purpose", "replies"), ("outcome", "ok")));
        Assert.Equal(120, scrape.Value("groupbuybot_model_tokens_total", ("purpose", "replies")));
        Assert.Equal(1, scrape.Value(Handled, ("telegram_update_type", "message"), ("outcome", "deferred"))); // read beside the chat's queue

        // Each call for needs was tried twice (MaxRetries 1) and failed: it costs no tokens.
        var needCalls = scrape.Value("groupbuybot_model_calls_total", ("purpose", "needs"), ("outcome", "failed"));
        Assert.True(needCalls >= 1, scrape.Text);
        Assert.Equal(llm.Requests.Count(r => !IsReplyReading(r)), needCalls * 2);
        Assert.Equal(0, scrape.Value("groupbuybot_model_tokens_total", ("purpose", "needs")));
        Assert.Equal(1, scrape.Value("groupbuybot_needs_suggested_total"));
    }

    private static bool IsReplyReading(FakeRequest request) => request.Messages.Any(m => m.Content.Contains("You read ONE reply", StringComparison.Ordinal));

    private static double Delta(PrometheusText after, PrometheusText before, string name, params (string, string)[] labels) =>
        after.Value(name, labels) - before.Value(name, labels);
}
