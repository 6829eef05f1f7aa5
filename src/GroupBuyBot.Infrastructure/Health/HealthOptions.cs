namespace GroupBuyBot.Infrastructure.Health;

/// <summary>The health endpoints (<c>GroupBuyBot:Health</c>): <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> on a local port of their own.</summary>
public sealed class HealthOptions
{
    public const string Section = "GroupBuyBot:Health";

    /// <summary>The port of <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>; 0 (the default) serves none of them.</summary>
    public int Port { get; set; }

    /// <summary>Loopback by default: the probes are for the machine's own supervisor or proxy, not the world.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The outbox counts as stuck when its oldest row was written longer ago than this.</summary>
    public int OutboxMaxAgeSeconds { get; set; } = 300;

    /// <summary>How long each readiness check may take before it counts as failed.</summary>
    public int CheckTimeoutSeconds { get; set; } = 5;

    /// <summary>Whether <c>/metrics</c> (Prometheus) is served beside the health endpoints.</summary>
    public bool Metrics { get; set; } = true;
}
