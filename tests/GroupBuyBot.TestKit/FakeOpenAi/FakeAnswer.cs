namespace GroupBuyBot.TestKit.FakeOpenAi;

/// <summary>
/// One scripted answer of <see cref="FakeOpenAiServer"/>: the assistant's content with a token count, a raw body
/// (malformed on purpose), an HTTP error, or any of these after a delay (to provoke client timeouts).
/// </summary>
public sealed record FakeAnswer
{
    public int StatusCode { get; init; } = 200;

    /// <summary>The assistant message content (wrapped in a well-formed chat completion).</summary>
    public string? Content { get; init; }

    /// <summary>A whole response body sent as is, instead of a chat completion around <see cref="Content"/>.</summary>
    public string? RawBody { get; init; }

    public TimeSpan Delay { get; init; }

    public int PromptTokens { get; init; } = 100;

    public int CompletionTokens { get; init; } = 20;

    /// <summary>Seconds for a Retry-After header (with 429/503).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Leave <c>usage</c> out of the completion, as some local servers do.</summary>
    public bool OmitUsage { get; init; }

    public static FakeAnswer Json(string content, int promptTokens = 100, int completionTokens = 20) =>
        new() { Content = content, PromptTokens = promptTokens, CompletionTokens = completionTokens };

    public static FakeAnswer Error(int statusCode, int? retryAfterSeconds = null) =>
        new() { StatusCode = statusCode, RawBody = "{\"error\":{\"message\":\"scripted " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\",\"type\":\"server_error\",\"code\":null}}", RetryAfterSeconds = retryAfterSeconds };

    public static FakeAnswer Slow(TimeSpan delay, string content = "{}") => new() { Content = content, Delay = delay };

    public FakeAnswer After(TimeSpan delay) => this with { Delay = delay };
}

/// <summary>A request the server received: the raw JSON body and the parts tests usually look at.</summary>
public sealed record FakeRequest(
    string Path,
    string Body,
    string? Authorization,
    string? Model,
    IReadOnlyList<FakeChatMessage> Messages,
    string? ResponseFormatJson,
    bool HasTools);

public sealed record FakeChatMessage(string Role, string Content);
