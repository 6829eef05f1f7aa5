using System.Text.Json;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The one way to the model, for every call (needs, sign-up replies, proposals): not while the client cools down,
/// only within the chat's and the global budget (a call is reserved before it is made), tokens recorded against the
/// chat whether the answer was usable or not, retries and timeouts in <see cref="LlmClient"/>, and a
/// <see cref="ModelResult{T}"/> that says why there is no answer so the caller uses its fallback. Every call and
/// every fallback is logged and counted in <see cref="Usage"/>.
/// </summary>
public sealed class ModelGateway(LlmClient llm, LlmBudget budget, ILogger<ModelGateway> logger, BotMetrics? metrics = null)
{
    public ModelUsage Usage { get; } = new();

    /// <param name="chatId">Whose budget pays; <see cref="LlmBudget.NoChat"/> for calls outside any chat (eval).</param>
    /// <param name="read">The answer's JSON as a value, or null when it is unusable (the caller's shape or sanity check).</param>
    public Task<ModelResult<T>> Ask<T>(long chatId, string function, KernelArguments arguments, Func<JsonElement, T?> read, CancellationToken ct)
        where T : class => Ask([chatId], function, arguments, read, ct);

    /// <summary>One call for several chats (their windows read together): it spends a call of each chat's budget and its tokens are split between them.</summary>
    public async Task<ModelResult<T>> Ask<T>(IReadOnlyList<long> chatIds, string function, KernelArguments arguments, Func<JsonElement, T?> read, CancellationToken ct)
        where T : class
    {
        var chats = string.Join(',', chatIds);
        if (llm.IsCoolingDown) return Fallback<T>(function, chats, "cooling down", 0, LogLevel.Information, called: false);
        if (budget.TryReserveCall(chatIds) is { } exhausted) return Fallback<T>(function, chats, "budget: " + exhausted, 0, LogLevel.Information, called: false);

        ModelAnswer answer;
        try
        {
            answer = await llm.Invoke(function, arguments, ct);
        }
        catch (ModelUnavailableException e)
        {
            budget.RecordTokens(chatIds, e.Tokens);
            return Fallback<T>(function, chats, e.Reason, e.Tokens, LogLevel.Warning, e.Message);
        }

        budget.RecordTokens(chatIds, answer.Tokens);
        T? value;
        try
        {
            value = read(answer.Json);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            value = null; // a reader that met a value of the wrong kind: the answer is as unusable as malformed JSON
        }

        if (value is null) return Fallback<T>(function, chats, "unusable answer", answer.Tokens, LogLevel.Warning, Excerpt(answer.Json));

        Usage.Count(function, answer.Tokens, failure: null);
        metrics?.ModelCall(function, ModelOutcome.Ok, answer.Tokens);
        logger.LogInformation("{Function} for chat {ChatId}: {Tokens} tokens (total {TotalTokens} in {TotalCalls} calls)",
            function, chats, answer.Tokens, budget.TotalTokens, budget.TotalCalls);
        return ModelResult.Answer(value, answer.Tokens);
    }

    private ModelResult<T> Fallback<T>(string function, string chats, string reason, int tokens, LogLevel level, string? detail = null, bool called = true)
    {
        Usage.Count(function, tokens, reason);
        metrics?.ModelCall(function, called ? ModelOutcome.Failed : ModelOutcome.Skipped, tokens);
        logger.Log(level, "{Function} for chat {ChatId}: model not used ({Reason}{Detail}), fallback answers; {Tokens} tokens",
            function, chats, reason, detail is null ? "" : ": " + detail, tokens);
        return ModelResult.Fallback<T>(reason, tokens, called);
    }

    private static string Excerpt(JsonElement json)
    {
        var raw = json.GetRawText();
        return raw.Length > 200 ? raw[..200] : raw;
    }
}

/// <summary>Per prompt function: calls the model answered, calls that fell back and why, tokens. Per process.</summary>
public sealed class ModelUsage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FunctionUsage> _functions = new(StringComparer.Ordinal);

    public FunctionUsage For(string function)
    {
        lock (_lock) return _functions.TryGetValue(function, out var usage) ? usage.Copy() : new FunctionUsage();
    }

    internal void Count(string function, int tokens, string? failure)
    {
        lock (_lock)
        {
            if (!_functions.TryGetValue(function, out var usage)) _functions[function] = usage = new FunctionUsage();
            usage.Tokens += tokens;
            if (failure is null)
            {
                usage.Answered++;
                return;
            }

            usage.FellBack++;
            usage.Reasons[failure] = usage.Reasons.GetValueOrDefault(failure) + 1;
        }
    }
}

public sealed class FunctionUsage
{
    public int Answered { get; internal set; }

    public int FellBack { get; internal set; }

    public long Tokens { get; internal set; }

    public Dictionary<string, int> Reasons { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>"connection refused ×3, timeout ×1".</summary>
    public string DescribeReasons() => string.Join(", ", Reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ×{r.Value}"));

    internal FunctionUsage Copy() => new() { Answered = Answered, FellBack = FellBack, Tokens = Tokens, Reasons = new(Reasons, StringComparer.Ordinal) };
}
