using System.Globalization;
using System.Net;
using System.Text.Json;
using GroupBuyBot.TestKit;

namespace GroupBuyBot.IntegrationTests.Health;

/// <summary>What a supervisor or load balancer sees on the bot's health port: the status code and which checks failed.</summary>
public sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _http;

    public HealthProbe()
    {
        Port = ClosedPort.Get();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>The bot's setting that serves the endpoints on <see cref="Port"/>.</summary>
    public KeyValuePair<string, string?> Setting => new("GroupBuyBot:Health:Port", Port.ToString(CultureInfo.InvariantCulture));

    public Task<Answer> Live() => Get("/healthz");

    public Task<Answer> Ready() => Get("/readyz");

    /// <summary>Scrapes <c>/metrics</c> as Prometheus would; the text is checked as it is parsed.</summary>
    public async Task<PrometheusText> Metrics()
    {
        using var response = await _http.GetAsync(new Uri("/metrics", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (a count recorded just after what the test saw, a cached gauge), or gives up.</summary>
    public async Task<PrometheusText> MetricsUntil(Func<PrometheusText, bool> done, int timeoutSeconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var scrape = await Metrics();
            if (done(scrape) || DateTime.UtcNow > until) return scrape;
            await Task.Delay(100);
        }
    }

    /// <summary>The status of <paramref name="path"/> alone.</summary>
    public async Task<HttpStatusCode> StatusOf(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Asks <c>/readyz</c> until it answers <paramref name="status"/> (the bot recovering takes a retry or two), or gives up.</summary>
    public async Task<Answer> ReadyUntil(HttpStatusCode status, int timeoutSeconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var answer = await Ready();
            if (answer.Status == status || DateTime.UtcNow > until) return answer;
            await Task.Delay(200);
        }
    }

    private async Task<Answer> Get(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var failed = json.RootElement.GetProperty("failed").EnumerateArray().Select(e => e.GetString()!).ToList();
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!);
        return new Answer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, failed, checks, body);
    }

    public void Dispose() => _http.Dispose();

    /// <param name="Checks">Each check's status by name.</param>
    public sealed record Answer(HttpStatusCode Status, string Overall, IReadOnlyList<string> Failed, IReadOnlyDictionary<string, string> Checks, string Body)
    {
        public override string ToString() => $"{(int)Status} {Body}";
    }
}
