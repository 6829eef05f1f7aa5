using System.Net;
using System.Text.Json;
using GroupBuyBot.Core.Discovery.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace GroupBuyBot.Infrastructure.Ai;

/// <summary>
/// Runs the prompt functions of <c>prompts/Discovery</c> through Semantic Kernel's OpenAI connector, with a timeout
/// per attempt, retries with backoff on 429/5xx/timeouts, and a cooldown after a call failed for good. Returns the
/// answer as parsed JSON and the tokens it cost; anything unusable is a <see cref="ModelUnavailableException"/>.
/// The functions get no tools: the model can only answer.
/// </summary>
public sealed class LlmClient
{
    private readonly Kernel _kernel;
    private readonly KernelPlugin _prompts;
    private readonly LlmOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmClient> _logger;
    private long _coolUntilTicks;

    public LlmClient(IOptions<LlmOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<LlmClient> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        var http = httpClients.CreateClient(nameof(LlmClient));
        http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout below
        var builder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0010 // the custom-endpoint overload is how OpenAI-compatible servers are reached
        builder.AddOpenAIChatCompletion(_options.Model!, new Uri(_options.BaseUrl!), string.IsNullOrEmpty(_options.ApiKey) ? "none" : _options.ApiKey, httpClient: http);
#pragma warning restore SKEXP0010
        _kernel = builder.Build();
        _prompts = _kernel.CreatePluginFromPromptDirectory(_options.ResolvePromptsDirectory(), "Discovery");
    }

    public async Task<ModelAnswer<JsonElement>> Invoke(string function, KernelArguments arguments, CancellationToken ct)
    {
        if (Environment.TickCount64 < Interlocked.Read(ref _coolUntilTicks)) throw new ModelUnavailableException("cooling down after failures");

        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, _options.TimeoutSeconds)));
            string? failure;
            try
            {
                var result = await _kernel.InvokeAsync(_prompts[function], arguments, timeout.Token);
                return Parse(function, result);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = "timeout";
            }
            catch (HttpOperationException e) when (IsTransient(e.StatusCode))
            {
                failure = $"HTTP {(int?)e.StatusCode}";
            }
            catch (HttpOperationException e)
            {
                CoolDown();
                throw new ModelUnavailableException($"HTTP {(int?)e.StatusCode}", e);
            }
            catch (HttpRequestException e)
            {
                failure = "connection: " + e.HttpRequestError;
            }

            if (attempt >= _options.MaxRetries)
            {
                CoolDown();
                throw new ModelUnavailableException($"{function}: {failure} after {attempt + 1} attempts");
            }

            var delay = TimeSpan.FromMilliseconds(_options.RetryBaseDelayMilliseconds * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4));
            _logger.LogInformation("{Function}: {Failure}, retrying in {Delay} ms", function, failure, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, ct);
        }
    }

    private static bool IsTransient(HttpStatusCode? status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)status >= 500;

    private void CoolDown()
    {
        if (_options.CooldownSeconds > 0) Interlocked.Exchange(ref _coolUntilTicks, Environment.TickCount64 + _options.CooldownSeconds * 1000L);
    }

    private ModelAnswer<JsonElement> Parse(string function, FunctionResult result)
    {
        var tokens = result.Metadata?.TryGetValue("Usage", out var usage) == true && usage is OpenAI.Chat.ChatTokenUsage u ? u.TotalTokenCount : 0;
        var text = result.GetValue<string>() ?? "";
        try
        {
            using var json = JsonDocument.Parse(StripFence(text));
            if (json.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("not an object");
            return new ModelAnswer<JsonElement>(json.RootElement.Clone(), tokens);
        }
        catch (JsonException e)
        {
            // The answer cost tokens even though it is unusable: count them before giving up.
            _logger.LogWarning("{Function}: the model's answer is not the expected JSON ({Error}); {Tokens} tokens", function, e.Message, tokens);
            throw new ModelUnavailableException($"{function}: malformed JSON", e, tokens);
        }
    }

    // Some local servers wrap JSON in a Markdown fence even when asked for a schema.
    private static string StripFence(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal)) return t;
        var start = t.IndexOf('\n', StringComparison.Ordinal);
        var end = t.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? t[(start + 1)..end] : t;
    }
}
