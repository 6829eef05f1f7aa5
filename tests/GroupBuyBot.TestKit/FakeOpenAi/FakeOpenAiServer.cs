using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.TestKit.FakeOpenAi;

/// <summary>
/// A local OpenAI-compatible server (<c>POST /v1/chat/completions</c>, <c>GET /v1/models</c>) on 127.0.0.1 and a free
/// port, for testing real clients (Semantic Kernel's OpenAI connector) without a provider. Answers come from a
/// FIFO script (<see cref="Enqueue"/>), then from <see cref="Responder"/>, else an empty JSON object. Every request
/// and the tokens answered are recorded.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeAnswer> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private long _promptTokens;
    private long _completionTokens;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The base URL to give a client, ending in <c>/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Answers a request when the script is empty (e.g. by looking at the prompt).</summary>
    public Func<FakeRequest, FakeAnswer>? Responder { get; set; }

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    public long TotalTokens => PromptTokens + CompletionTokens;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.Complete);
        app.MapGet("/v1/models", () => Results.Json(new { @object = "list", data = new[] { new { id = "fake-model", @object = "model", owned_by = "tests" } } }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void Enqueue(params FakeAnswer[] answers)
    {
        foreach (var answer in answers) _script.Enqueue(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Complete(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var request = Record(http, body);
        _requests.Enqueue(request);

        var answer = _script.TryDequeue(out var scripted) ? scripted : Responder?.Invoke(request) ?? FakeAnswer.Json("{}");
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its timeout): nothing to send
            }
        }

        http.Response.StatusCode = answer.StatusCode;
        if (answer.RetryAfterSeconds is { } retryAfter) http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json";
        if (answer.RawBody is { } raw)
        {
            await http.Response.WriteAsync(raw, http.RequestAborted);
            return;
        }

        if (answer.OmitUsage)
        {
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                id = "chatcmpl-" + Guid.NewGuid().ToString("N"),
                @object = "chat.completion",
                created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                model = request.Model ?? "fake-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Content ?? "" }, finish_reason = "stop" } },
            }), http.RequestAborted);
            return;
        }

        Interlocked.Add(ref _promptTokens, answer.PromptTokens);
        Interlocked.Add(ref _completionTokens, answer.CompletionTokens);
        var completion = new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = request.Model ?? "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = answer.Content ?? "" }, finish_reason = "stop" } },
            usage = new { prompt_tokens = answer.PromptTokens, completion_tokens = answer.CompletionTokens, total_tokens = answer.PromptTokens + answer.CompletionTokens },
        };
        await http.Response.WriteAsync(JsonSerializer.Serialize(completion), http.RequestAborted);
    }

    private static FakeRequest Record(HttpContext http, string body)
    {
        var messages = new List<FakeChatMessage>();
        string? model = null, responseFormat = null;
        var hasTools = false;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            model = root.TryGetProperty("model", out var m) ? m.GetString() : null;
            responseFormat = root.TryGetProperty("response_format", out var f) ? f.GetRawText() : null;
            hasTools = root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0;
            if (root.TryGetProperty("messages", out var list))
            {
                foreach (var message in list.EnumerateArray())
                {
                    var content = message.TryGetProperty("content", out var c) ? c : default;
                    var text = content.ValueKind switch
                    {
                        JsonValueKind.String => content.GetString() ?? "",
                        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : "")),
                        _ => "",
                    };
                    messages.Add(new FakeChatMessage(message.GetProperty("role").GetString() ?? "", text));
                }
            }
        }
        catch (JsonException)
        {
            // Recorded as is: a test may want to see what a broken client sent.
        }

        return new FakeRequest(http.Request.Path, body, http.Request.Headers.Authorization.ToString(), model, messages, responseFormat, hasTools);
    }
}
