using System.Diagnostics;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Infrastructure.Logging;

/// <summary>
/// Replaces HttpClient's default request logging for the Telegram client: the default logs the full URL, and
/// Telegram's URLs carry the bot token. Method, redacted path, status and time are enough to diagnose.
/// </summary>
public sealed class RedactedHttpLogger(SecretRedactor redactor, ILogger<RedactedHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        logger.LogTrace("HTTP {Method} {Path} starting", request.Method, PathOf(request));
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogDebug("HTTP {Method} {Path} answered {Status} in {Milliseconds} ms", request.Method, PathOf(request), (int)response.StatusCode,
            (long)elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogDebug("HTTP {Method} {Path} failed after {Milliseconds} ms: {Error}", request.Method, PathOf(request), (long)elapsed.TotalMilliseconds,
            redactor.Describe(exception));

    private string PathOf(HttpRequestMessage request) => redactor.Redact(request.RequestUri?.AbsolutePath);
}
