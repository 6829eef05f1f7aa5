using System.Diagnostics;
using System.Diagnostics.Metrics;
using GroupBuyBot.Core.GroupBuys;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace GroupBuyBot.Infrastructure.Telemetry;

/// <summary>
/// Every instrument the bot reports, in one <see cref="Meter"/> named <see cref="MeterName"/> (exported for Prometheus
/// at <c>/metrics</c> by <see cref="Health.HealthServer"/>). Names and units follow OpenTelemetry's conventions: dotted
/// names in the bot's own namespace, UCUM units (<c>s</c>, <c>{update}</c>), no <c>_total</c> (the exporter adds it).
/// The places that know a fact record it here and nowhere else: the inbox (received), the runner (handled, duration),
/// the Telegram client's handler (<see cref="TelegramRequestMetrics"/>), the deadline job, the model gateway, the
/// discovery worker. Recording is a counter's <c>Add</c>: nothing is allocated, and with no listener (metrics off) it
/// does nothing at all. The inbox and outbox gauges are read from the database when scraped (<see cref="PipelineBacklog"/>).
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "GroupBuyBot";

    /// <summary>Seconds: an update takes milliseconds when all is well, seconds behind a busy writer or a slow model.</summary>
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _updatesReceived;
    private readonly Counter<long> _updatesHandled;
    private readonly Histogram<double> _updateDuration;
    private readonly Counter<long> _telegramRequests;
    private readonly Counter<long> _deadlineCloses;
    private readonly Counter<long> _modelCalls;
    private readonly Counter<long> _modelTokens;
    private readonly Counter<long> _needsSuggested;

    public BotMetrics(IMeterFactory meters, PipelineBacklog backlog)
    {
        Meter = meters.Create(new MeterOptions(MeterName) { Version = typeof(BotMetrics).Assembly.GetName().Version?.ToString() });
        _updatesReceived = Meter.CreateCounter<long>("groupbuybot.updates.received", "{update}",
            "Updates received from Telegram (polling or webhook) and stored in the inbox; a redelivered one is not counted again.");
        _updatesHandled = Meter.CreateCounter<long>("groupbuybot.updates.handled", "{update}",
            "Updates handled to the end (outcome ok), left to finish after a model call (deferred), or given up after retries (failed).");
        _updateDuration = Meter.CreateHistogram("groupbuybot.update.duration", "s",
            "Time from the start of an update's handling to its inbox row gone (waiting in its chat's queue not included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _telegramRequests = Meter.CreateCounter<long>("groupbuybot.telegram.requests", "{request}",
            "Bot API requests by method and outcome: ok, rate_limited (429), server_error (5xx), refused (403), bad_request (other 4xx), timeout, network_error. Each attempt counts.");
        _deadlineCloses = Meter.CreateCounter<long>("groupbuybot.deadline.closes", "{buy}",
            "Buys closed by their deadline job, by outcome: formed or failed.");
        _modelCalls = Meter.CreateCounter<long>("groupbuybot.model.calls", "{call}",
            "Model calls by purpose (needs, replies, proposals) and outcome: ok, failed (no usable answer), skipped (budget or cooldown: not sent).");
        _modelTokens = Meter.CreateCounter<long>("groupbuybot.model.tokens", "{token}",
            "Tokens the model calls cost (prompt and completion), by purpose; a failed call's tokens count too.");
        _needsSuggested = Meter.CreateCounter<long>("groupbuybot.needs.suggested", "{suggestion}",
            "Group buys suggested to a chat's organizers by need discovery.");

        Meter.CreateObservableGauge("groupbuybot.inbox.depth", () => Observe(backlog, now => now.InboxDepth),
            "{update}", "Updates received and not yet handled.");
        Meter.CreateObservableGauge("groupbuybot.inbox.oldest_age", () => Observe(backlog, now => now.InboxOldestAge),
            "s", "Age of the oldest update not yet handled, on the bot's clock (0 when none).");
        Meter.CreateObservableGauge("groupbuybot.outbox.depth", () => Observe(backlog, now => now.OutboxDepth),
            "{message}", "Outbox rows waiting to be sent.");
        Meter.CreateObservableGauge("groupbuybot.outbox.oldest_age", () => Observe(backlog, now => now.OutboxOldestAge),
            "s", "Age of the oldest outbox row, on the bot's clock (0 when none).");
    }

    /// <summary>The bot's meter; the metrics pipeline listens to this instance only (another host in the same process has its own).</summary>
    public Meter Meter { get; }

    public void UpdateReceived(Update update) => _updatesReceived.Add(1, new KeyValuePair<string, object?>("telegram.update.type", TypeOf(update)));

    /// <param name="started">When handling started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public void UpdateHandled(Update update, string outcome, long started)
    {
        var type = new KeyValuePair<string, object?>("telegram.update.type", TypeOf(update));
        _updatesHandled.Add(1, type, new KeyValuePair<string, object?>("outcome", outcome));
        _updateDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, type);
    }

    public void TelegramRequest(string method, string outcome) =>
        _telegramRequests.Add(1, new KeyValuePair<string, object?>("telegram.method", method), new KeyValuePair<string, object?>("outcome", outcome));

    public void DeadlineClosed(GroupBuyStatus status) =>
        _deadlineCloses.Add(1, new KeyValuePair<string, object?>("outcome", status == GroupBuyStatus.Formed ? "formed" : "failed"));

    /// <param name="function">The prompt function (<c>prompts/Discovery/*</c>): its purpose is the tag.</param>
    /// <param name="outcome">One of <see cref="ModelOutcome"/>'s values.</param>
    public void ModelCall(string function, string outcome, int tokens)
    {
        var purpose = new KeyValuePair<string, object?>("purpose", PurposeOf(function));
        _modelCalls.Add(1, purpose, new KeyValuePair<string, object?>("outcome", outcome));
        if (tokens > 0) _modelTokens.Add(tokens, purpose);
    }

    public void NeedsSuggested(int count)
    {
        if (count > 0) _needsSuggested.Add(count);
    }

    /// <summary>Nothing when the database could not be read: a zero would look healthy.</summary>
    private static IEnumerable<Measurement<T>> Observe<T>(PipelineBacklog backlog, Func<PipelineBacklog.Snapshot, T> value)
        where T : struct => backlog.Read() is { } now ? [new Measurement<T>(value(now))] : [];

    /// <summary>Telegram's own name of the update's field, so a dashboard reads like the Bot API's documentation.</summary>
    private static string TypeOf(Update update) => update.Type switch
    {
        UpdateType.Message => "message",
        UpdateType.EditedMessage => "edited_message",
        UpdateType.CallbackQuery => "callback_query",
        UpdateType.MyChatMember => "my_chat_member",
        UpdateType.ChatMember => "chat_member",
        UpdateType.PreCheckoutQuery => "pre_checkout_query",
        _ => "other",
    };

    private static string PurposeOf(string function) => function switch
    {
        "ExtractNeeds" or "ExtractNeedsTogether" => "needs",
        "ReadSignUpReply" => "replies",
        "ProposeGroupBuy" => "proposals",
        _ => "other",
    };
}

/// <summary>The <c>outcome</c> of <c>groupbuybot.updates.handled</c>.</summary>
public static class UpdateOutcome
{
    public const string Ok = "ok";
    public const string Deferred = "deferred";
    public const string Failed = "failed";
}

/// <summary>The <c>outcome</c> of <c>groupbuybot.model.calls</c>.</summary>
public static class ModelOutcome
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
