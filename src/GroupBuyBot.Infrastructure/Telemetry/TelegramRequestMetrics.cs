using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Infrastructure.Telemetry;

/// <summary>
/// Counts every Bot API request of the Telegram client (sends, edits, answers, getUpdates, getMe, …) by method and
/// outcome, at the HTTP level where the outcome is plain: each attempt is one count, so a 429 retried and then
/// accepted counts once <c>rate_limited</c> and once <c>ok</c>. A request cancelled because the bot is stopping is not
/// counted; one cancelled otherwise ran into the client's timeout. "Message is not modified" is a 400 here
/// (<c>bad_request</c>), though the bot treats it as done.
/// </summary>
public sealed class TelegramRequestMetrics(BotMetrics metrics, IHostApplicationLifetime lifetime) : DelegatingHandler
{
    private const int MaxMethods = 200; // Telegram has fewer; a path that is not a method must not grow the map
    private static readonly ConcurrentDictionary<string, string> Methods = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = MethodOf(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            metrics.TelegramRequest(method, "timeout");
            throw;
        }
        catch (HttpRequestException)
        {
            metrics.TelegramRequest(method, "network_error");
            throw;
        }

        metrics.TelegramRequest(method, OutcomeOf(response.StatusCode));
        return response;
    }

    private static string OutcomeOf(HttpStatusCode status) => (int)status switch
    {
        < 300 => "ok",
        429 => "rate_limited",
        403 => "refused",
        >= 500 => "server_error",
        _ => "bad_request",
    };

    /// <summary>The last segment of <c>/bot{token}/sendMessage</c>, as one shared string per method (no allocation once seen).</summary>
    private static string MethodOf(Uri? uri)
    {
        var path = uri is null ? default : uri.AbsolutePath.AsSpan();
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.IsEmpty) return "other";
        var lookup = Methods.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var known)) return known;
        if (Methods.Count >= MaxMethods) return "other";
        var method = name.ToString();
        return Methods.GetOrAdd(method, method);
    }
}
