namespace GroupBuyBot.Core.Discovery.Model;

/// <summary>Spending limits for model calls (<c>GroupBuyBot:Llm</c>).</summary>
public sealed class LlmBudgetOptions
{
    public int CallsPerHourPerChat { get; set; } = 12;
    public int CallsPerHourGlobal { get; set; } = 300;
    public int TokensPerDayPerChat { get; set; } = 100_000;
    public int TokensPerDayGlobal { get; set; } = 2_000_000;
}

/// <summary>
/// Per-chat and global budgets: calls in a sliding hour, tokens per UTC day. A call is reserved before it is
/// made (so concurrent callers cannot overshoot) and its tokens recorded after. Counts are per process.
/// </summary>
public sealed class LlmBudget(LlmBudgetOptions options, TimeProvider time)
{
    /// <summary>The key for calls that belong to no chat (evaluation, sign-up replies).</summary>
    public const long NoChat = 0;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _calls = [];
    private readonly Queue<DateTimeOffset> _globalCalls = new();
    private readonly Dictionary<long, long> _tokensToday = [];
    private DateOnly _day;
    private long _globalTokensToday;

    public long TotalCalls { get; private set; }

    public long TotalTokens { get; private set; }

    /// <returns>Null when the call may be made (and is now counted), else why not.</returns>
    public string? TryReserveCall(long chatId) => TryReserveCall([chatId]);

    /// <summary>
    /// One call shared by several chats: one call of the global budget, and one of each chat's (each chat is read as
    /// often as if it had the call to itself). Refused as a whole when any of them has no room.
    /// </summary>
    public string? TryReserveCall(IReadOnlyCollection<long> chatIds)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            RollDay(now);
            Trim(_globalCalls, now);
            var chats = chatIds.Where(id => id != NoChat).Distinct().ToList();
            if (_globalTokensToday >= options.TokensPerDayGlobal) return "global tokens per day";
            if (chats.Exists(id => _tokensToday.GetValueOrDefault(id) >= options.TokensPerDayPerChat)) return "chat tokens per day";
            if (_globalCalls.Count >= options.CallsPerHourGlobal) return "global calls per hour";
            foreach (var chatId in chats)
            {
                if (!_calls.TryGetValue(chatId, out var calls)) continue;
                Trim(calls, now);
                if (calls.Count >= options.CallsPerHourPerChat) return "chat calls per hour";
            }

            foreach (var chatId in chats)
            {
                if (!_calls.TryGetValue(chatId, out var calls)) _calls[chatId] = calls = new Queue<DateTimeOffset>();
                calls.Enqueue(now);
            }

            _globalCalls.Enqueue(now);
            TotalCalls++;
            return null;
        }
    }

    public void RecordTokens(long chatId, int tokens) => RecordTokens([chatId], tokens);

    /// <summary>A shared call's tokens: counted once globally, and split evenly between its chats.</summary>
    public void RecordTokens(IReadOnlyList<long> chatIds, int tokens)
    {
        lock (_lock)
        {
            RollDay(time.GetUtcNow());
            for (var i = 0; i < chatIds.Count; i++)
            {
                var share = (tokens / chatIds.Count) + (i < tokens % chatIds.Count ? 1 : 0);
                _tokensToday[chatIds[i]] = _tokensToday.GetValueOrDefault(chatIds[i]) + share;
            }

            _globalTokensToday += tokens;
            TotalTokens += tokens;
        }
    }

    private void RollDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today == _day) return;
        _day = today;
        _tokensToday.Clear();
        _globalTokensToday = 0;
    }

    private static void Trim(Queue<DateTimeOffset> calls, DateTimeOffset now)
    {
        while (calls.Count > 0 && calls.Peek() <= now.AddHours(-1)) calls.Dequeue();
    }
}
