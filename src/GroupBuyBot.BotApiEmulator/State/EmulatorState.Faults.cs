using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>Injected failures and Telegram's flood limits.</summary>
public sealed partial class EmulatorState
{
    private static readonly HashSet<string> RateLimitedMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup", "sendInvoice",
    };

    // What RandomFaults hits when it names no methods: what the bot sends, not what it reads.
    private static readonly HashSet<string> SendMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "sendMessage", "sendDocument", "editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "deleteMessage",
        "setMessageReaction", "sendInvoice", "answerPreCheckoutQuery", "refundStarPayment",
    };

    private readonly List<FaultRule> _faults = [];
    private RandomFaults? _randomFaults;
    private HashSet<string>? _randomFaultMethods;
    private Random? _random;
    private int _randomCalls, _randomServerErrors, _randomTimeouts, _randomTooManyRequests;
    private readonly Dictionary<long, Queue<DateTimeOffset>> _sendsPerChat = [];
    private readonly Queue<DateTimeOffset> _sendsOverall = new();
    private bool? _floodLimitsOverride;

    /// <summary>Queues a fault; rules are consumed in the order they were injected.</summary>
    public void InjectFault(FaultSpec fault)
    {
        if (fault.Count <= 0)
        {
            throw new EmulatorDriverException("A fault needs a positive count.");
        }

        if (fault.DurationMilliseconds < 0 || fault.StartAfterMilliseconds < 0)
        {
            throw new EmulatorDriverException("A fault window cannot start in the past or last a negative time.");
        }

        lock (_gate)
        {
            _faults.Add(new FaultRule(fault, Now));
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Turns random faults on (replacing earlier ones, counts reset) or off with null.</summary>
    public void SetRandomFaults(RandomFaults? faults)
    {
        if (faults is not null && (faults.ServerErrorRate < 0 || faults.TimeoutRate < 0 || faults.TooManyRequestsRate < 0
            || faults.ServerErrorRate + faults.TimeoutRate + faults.TooManyRequestsRate > 1))
        {
            throw new EmulatorDriverException("Fault rates are probabilities: each at least 0, together at most 1.");
        }

        lock (_gate)
        {
            _randomFaults = faults;
            _randomFaultMethods = faults?.Methods is { } methods ? new HashSet<string>(methods, StringComparer.OrdinalIgnoreCase) : null;
            _random = faults is null ? null : new Random(faults.Seed);
            _randomCalls = _randomServerErrors = _randomTimeouts = _randomTooManyRequests = 0;
        }
    }

    /// <summary>The random faults in force (null: none) and what they have hit.</summary>
    public (RandomFaults? Faults, RandomFaultCounts Counts) GetRandomFaults()
    {
        lock (_gate)
        {
            return (_randomFaults, new RandomFaultCounts(_randomCalls, _randomServerErrors, _randomTimeouts, _randomTooManyRequests));
        }
    }

    /// <summary>Faults still waiting to fire, with the calls they have left (time windows: until they end).</summary>
    public IReadOnlyList<FaultSpec> GetPendingFaults()
    {
        lock (_gate)
        {
            var now = Now;
            _faults.RemoveAll(f => f.IsWindow && now >= f.ActiveUntil);
            return [.. _faults.Select(f => f.Spec with { Count = f.Remaining })];
        }
    }

    public bool FloodLimitsEnabled
    {
        get
        {
            lock (_gate)
            {
                return _floodLimitsOverride ?? Options.EnforceFloodLimits;
            }
        }

        set
        {
            lock (_gate)
            {
                _floodLimitsOverride = value;
            }
        }
    }

    /// <summary>
    /// Takes one use of the first fault matching <paramref name="method"/>; "any method" rules skip getUpdates. A rule
    /// with a start delay waits for it; a time window fires for every call while it is open and is dropped once it has ended.
    /// </summary>
    internal FaultSpec? TakeFault(string method)
    {
        lock (_gate)
        {
            var now = Now;
            for (var i = 0; i < _faults.Count; i++)
            {
                var rule = _faults[i];
                var matches = rule.Spec.Method is null
                    ? !string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase)
                    : string.Equals(rule.Spec.Method, method, StringComparison.OrdinalIgnoreCase);
                if (!matches)
                {
                    continue;
                }

                if (rule.IsWindow && now >= rule.ActiveUntil)
                {
                    _faults.RemoveAt(i--);
                    continue;
                }

                if (now < rule.ActiveFrom)
                {
                    continue; // not started yet
                }

                if (rule.IsWindow)
                {
                    return rule.Spec;
                }

                if (--rule.Remaining == 0)
                {
                    _faults.RemoveAt(i);
                }

                return rule.Spec;
            }

            return TakeRandomFault(method);
        }
    }

    private FaultSpec? TakeRandomFault(string method)
    {
        if (_randomFaults is not { } random || _random is null || !(_randomFaultMethods ?? SendMethods).Contains(method))
        {
            return null;
        }

        _randomCalls++;
        var draw = _random.NextDouble();
        if (draw < random.ServerErrorRate)
        {
            _randomServerErrors++;
            return new FaultSpec(_random.Next(2) == 0 ? FaultKind.InternalServerError : FaultKind.BadGateway, method);
        }

        draw -= random.ServerErrorRate;
        if (draw < random.TimeoutRate)
        {
            _randomTimeouts++;
            return new FaultSpec(FaultKind.Delay, method, DelayMilliseconds: random.TimeoutMilliseconds);
        }

        draw -= random.TimeoutRate;
        if (draw < random.TooManyRequestsRate)
        {
            _randomTooManyRequests++;
            return new FaultSpec(FaultKind.TooManyRequests, method, RetryAfterSeconds: random.RetryAfterSeconds);
        }

        return null;
    }

    /// <summary>Counts a send against Telegram's limits (sliding windows on the emulator clock); throws 429 when over.</summary>
    internal void CheckFloodLimits(string method, long? chatId)
    {
        if (!RateLimitedMethods.Contains(method) || chatId is not { } id)
        {
            return;
        }

        lock (_gate)
        {
            if (!(_floodLimitsOverride ?? Options.EnforceFloodLimits))
            {
                return;
            }

            var limits = Options.FloodLimits;
            var now = Now;
            var (perChatLimit, window) = id > 0
                ? (limits.PerPrivateChatPerSecond, TimeSpan.FromSeconds(1))
                : (limits.PerGroupPerMinute, TimeSpan.FromMinutes(1));
            if (!_sendsPerChat.TryGetValue(id, out var chatSends))
            {
                chatSends = new Queue<DateTimeOffset>();
                _sendsPerChat[id] = chatSends;
            }

            Trim(chatSends, now - window);
            Trim(_sendsOverall, now - TimeSpan.FromSeconds(1));
            if (chatSends.Count >= perChatLimit)
            {
                throw TelegramApiException.TooManyRequests(RetryAfter(chatSends.Peek() + window - now));
            }

            if (_sendsOverall.Count >= limits.GlobalPerSecond)
            {
                throw TelegramApiException.TooManyRequests(RetryAfter(_sendsOverall.Peek() + TimeSpan.FromSeconds(1) - now));
            }

            chatSends.Enqueue(now);
            _sendsOverall.Enqueue(now);
        }

        static void Trim(Queue<DateTimeOffset> sends, DateTimeOffset cutoff)
        {
            while (sends.Count > 0 && sends.Peek() <= cutoff)
            {
                sends.Dequeue();
            }
        }

        static int RetryAfter(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }
}
