using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// The transport under <see cref="ModelGateway"/>: runs the prompt functions of <c>prompts/Discovery</c> through
/// Semantic Kernel's OpenAI connector, with a timeout per attempt, retries with backoff on 429/408/5xx, timeouts and
/// connection errors (refused, reset, dropped: no HTTP status at all), and a cooldown after a call failed for good.
/// Returns the answer as parsed JSON and the tokens it cost; anything unusable is a
/// <see cref="ModelUnavailableException"/>. The functions get no tools: the model can only answer.
/// </summary>
public sealed class LlmClient
{
    private readonly Kernel _kernel;
    private readonly KernelPlugin _prompts;
    private readonly Dictionary<string, PromptExecutionSettings> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _templateTokens = new(StringComparer.Ordinal);
    private readonly LlmOptions _options;
    private readonly ILogger<LlmClient> _logger;
    private long _coolUntilTicks;

    public LlmClient(IOptions<LlmOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<LlmClient> logger)
    {
        _ = time; // attempts and backoff run on real time: they wait on the network, not on the bot's clock
        _options = options.Value;
        _logger = logger;
        var http = httpClients.CreateClient(nameof(LlmClient));
        http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout below
        var builder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0010 // the custom-endpoint overload is how OpenAI-compatible servers are reached
        builder.AddOpenAIChatCompletion(_options.Model!, new Uri(_options.BaseUrl!), string.IsNullOrEmpty(_options.ApiKey) ? "none" : _options.ApiKey, httpClient: http);
#pragma warning restore SKEXP0010
        _kernel = builder.Build();
        var directory = _options.ResolvePromptsDirectory();
        _prompts = _kernel.CreatePluginFromPromptDirectory(directory, "Discovery");
        var parameter = EffectiveTokenLimitParameter(_options);
        foreach (var function in _prompts)
        {
            if (function.ExecutionSettings?.GetValueOrDefault(PromptExecutionSettings.DefaultServiceId) is { } configured)
            {
                _settings[function.Name] = WithTokenLimit(configured, parameter);
            }

            var template = Path.Combine(directory, function.Name, "skprompt.txt");
            _templateTokens[function.Name] = File.Exists(template) ? TokenEstimate.Of(File.ReadAllText(template)) : 0;
        }
    }

    /// <summary>True while a failure's cooldown lasts: the caller falls back without spending budget.</summary>
    public bool IsCoolingDown => Environment.TickCount64 < Interlocked.Read(ref _coolUntilTicks);

    /// <summary>The field that carries the answer's token limit, <see cref="TokenLimitParameter.Auto"/> resolved by host.</summary>
    public static TokenLimitParameter EffectiveTokenLimitParameter(LlmOptions options)
    {
        if (options.TokenLimitParameter != TokenLimitParameter.Auto) return options.TokenLimitParameter;
        var host = Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "";
        var isOpenAi = host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase)
                       || host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase);
        return isOpenAi ? TokenLimitParameter.MaxCompletionTokens : TokenLimitParameter.Both;
    }

    public async Task<ModelAnswer> Invoke(string function, KernelArguments arguments, CancellationToken ct)
    {
        if (IsCoolingDown) throw new ModelUnavailableException("cooling down", $"{function}: cooling down after failures");

        var call = _settings.TryGetValue(function, out var settings)
            ? new KernelArguments(arguments, new Dictionary<string, PromptExecutionSettings> { [PromptExecutionSettings.DefaultServiceId] = settings })
            : arguments;
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, _options.TimeoutSeconds)));
            string failure;
            try
            {
                var result = await _kernel.InvokeAsync(_prompts[function], call, timeout.Token);
                return Parse(function, arguments, result);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = "timeout";
            }
            catch (HttpOperationException e) when (e.StatusCode is null)
            {
                // No HTTP status: the request never got an answer (refused, reset, dropped mid-response).
                failure = ConnectionFailure(e);
            }
            catch (HttpOperationException e) when (IsTransient(e.StatusCode))
            {
                failure = $"HTTP {(int?)e.StatusCode}";
            }
            catch (HttpOperationException e)
            {
                CoolDown();
                var status = $"HTTP {(int?)e.StatusCode}";
                throw new ModelUnavailableException(status, $"{function}: {status}", e);
            }
            catch (HttpRequestException e)
            {
                failure = ConnectionFailure(e);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                // A reset right after connecting can surface unwrapped (Socket.RemoteEndPoint: "not connected").
                failure = ConnectionFailure(e);
            }

            if (attempt >= _options.MaxRetries)
            {
                CoolDown();
                throw new ModelUnavailableException(failure, $"{function}: {failure} after {attempt + 1} attempts");
            }

            var delay = TimeSpan.FromMilliseconds(_options.RetryBaseDelayMilliseconds * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4));
            _logger.LogInformation("{Function}: {Failure}, retrying in {Delay} ms", function, failure, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, ct);
        }
    }

    private static bool IsTransient(HttpStatusCode? status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)status >= 500;

    /// <summary>"connection refused", "connection reset", or the HttpClient's own category ("connection: ResponseEnded").</summary>
    private static string ConnectionFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
                    SocketError.HostNotFound or SocketError.TryAgain => "host not found",
                    _ => "connection: " + socket.SocketErrorCode,
                };
            }
        }

        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException http) return "connection: " + http.HttpRequestError;
            if (inner is IOException) return "connection reset";
        }

        return "connection error";
    }

    private void CoolDown()
    {
        if (_options.CooldownSeconds > 0) Interlocked.Exchange(ref _coolUntilTicks, Environment.TickCount64 + _options.CooldownSeconds * 1000L);
    }

    private ModelAnswer Parse(string function, KernelArguments arguments, FunctionResult result)
    {
        var text = result.GetValue<string>() ?? "";
        var tokens = result.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage u
            ? u.TotalTokenCount
            : Estimate(function, arguments, text);
        try
        {
            using var json = JsonDocument.Parse(StripFence(text));
            if (json.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
            return new ModelAnswer(json.RootElement.Clone(), tokens);
        }
        catch (JsonException e)
        {
            // The answer cost tokens even though it is unusable: count them before giving up.
            _logger.LogWarning("{Function}: the model's answer is not the expected JSON ({Error}); {Tokens} tokens", function, e.Message, tokens);
            throw new ModelUnavailableException("malformed JSON", $"{function}: malformed JSON", e, tokens);
        }
    }

    // A server that reports no usage still spends tokens: estimate them, or its calls would never touch the budget.
    private int Estimate(string function, KernelArguments arguments, string answer) =>
        _templateTokens.GetValueOrDefault(function) + arguments.Sum(a => a.Value is string s ? TokenEstimate.Of(s) : 0) + TokenEstimate.Of(answer);

    // Some local servers wrap JSON in a Markdown fence even when asked for a schema.
    private static string StripFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal)) return t;
        var start = t.IndexOf('\n', StringComparison.Ordinal);
        var end = t.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? t[(start + 1)..end] : t;
    }

    /// <summary>
    /// The prompt's settings as the OpenAI connector reads them, with the token limit in the configured field. The SDK
    /// writes <see cref="OpenAIPromptExecutionSettings.MaxTokens"/> as <c>max_completion_tokens</c>; SK's
    /// <see cref="OpenAIPromptExecutionSettings.ExtraBody"/> adds a top-level <c>max_tokens</c> to the request body.
    /// </summary>
    private static OpenAIPromptExecutionSettings WithTokenLimit(PromptExecutionSettings configured, TokenLimitParameter parameter)
    {
        var settings = OpenAIPromptExecutionSettings.FromExecutionSettings(configured);
        if (settings.IsFrozen || ReferenceEquals(settings, configured)) settings = (OpenAIPromptExecutionSettings)settings.Clone();
        if (settings.MaxTokens is not { } limit || parameter == TokenLimitParameter.MaxCompletionTokens) return settings;
#pragma warning disable SKEXP0010 // ExtraBody is SK's documented way to add a field the OpenAI SDK does not model
        settings.ExtraBody = new Dictionary<string, object?>(settings.ExtraBody ?? new Dictionary<string, object?>()) { ["max_tokens"] = limit };
#pragma warning restore SKEXP0010
        if (parameter == TokenLimitParameter.MaxTokens) settings.MaxTokens = null; // no max_completion_tokens at all
        return settings;
    }
}

/// <summary>A model's answer as JSON and the tokens it cost (prompt + completion).</summary>
public sealed record ModelAnswer(JsonElement Json, int Tokens);

/// <summary>
/// The model could not give a usable answer (network, 429/5xx after retries, timeout, malformed JSON, cooldown).
/// <see cref="Reason"/> is short and stable ("connection refused", "timeout", "HTTP 401") for counting.
/// </summary>
public sealed class ModelUnavailableException(string reason, string message, Exception? inner = null, int tokens = 0) : Exception(message, inner)
{
    public string Reason { get; } = reason;

    /// <summary>Tokens the failed call still cost (a malformed answer is billed too).</summary>
    public int Tokens { get; } = tokens;
}

/// <summary>A rough token count for servers that report no usage: a CJK character is about one token, other text about four characters.</summary>
public static class TokenEstimate
{
    public static int Of(string text)
    {
        int wide = 0, narrow = 0;
        foreach (var ch in text)
        {
            if (ch >= '\u2e80' || char.IsSurrogate(ch)) wide++;
            else narrow++;
        }

        return wide + (narrow + 3) / 4;
    }
}
