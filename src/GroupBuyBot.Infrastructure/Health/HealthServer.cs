using System.Net;
using GroupBuyBot.Infrastructure.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace GroupBuyBot.Infrastructure.Health;

/// <summary>
/// Serves <c>/healthz</c> (the process answers: no check runs), <c>/readyz</c> (the checks tagged
/// <see cref="ReadyTag"/>: database, Telegram, outbox; 503 with a short JSON naming what failed) and <c>/metrics</c>
/// (the bot's <see cref="Telemetry.BotMetrics"/> for Prometheus, unless <see cref="HealthOptions.Metrics"/> is off) from
/// a small Kestrel server of its own on <see cref="HealthOptions.ListenAddress"/>:<see cref="HealthOptions.Port"/>,
/// whichever way updates arrive (polling, webhook, the playground). Off when the port is 0. A port that cannot be bound
/// stops the start: a probe that never answers would read as a dead bot.
/// </summary>
/// <param name="metrics">The bot's meter provider with its Prometheus exporter; none when metrics are off.</param>
public sealed class HealthServer(HealthCheckService checks, IOptions<HealthOptions> options, ILogger<HealthServer> logger, MeterProvider? metrics = null)
    : IHostedService, IAsyncDisposable
{
    public const string ReadyTag = "ready";
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var health = options.Value;
        if (health.Port <= 0) return;

        var builder = EmbeddedWebServer.CreateBuilder(health.ListenAddress, health.Port); // logs nothing: a probe every few seconds is not news
        builder.Services.AddSingleton(checks); // the bot's own checks, with the bot's services
        _app = builder.Build();
        _app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = ReadinessReport.Write });
        _app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessReport.Write,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        if (metrics is not null) _app.MapPrometheusScrapingEndpoint("/metrics", metrics, configureBranchedPipeline: null, optionsName: null);
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Health endpoints on http://{Address}:{Port}/healthz and /readyz{Metrics}", health.ListenAddress, health.Port,
            metrics is null ? "" : ", metrics on /metrics");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }
}
