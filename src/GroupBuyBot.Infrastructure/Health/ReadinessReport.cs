using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GroupBuyBot.Infrastructure.Health;

/// <summary>
/// The body of <c>/healthz</c> and <c>/readyz</c>: <c>{"status":"unhealthy","failed":["telegram"],"checks":{"database":
/// {"status":"healthy"},"telegram":{"status":"unhealthy","description":"…"},…}}</c>. Descriptions carry no secret
/// (the checks redact them).
/// </summary>
public static class ReadinessReport
{
    public static Task Write(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new Body(
            Name(report.Status),
            [.. report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key)],
            report.Entries.ToDictionary(e => e.Key, e => new Check(Name(e.Value.Status), e.Value.Description), StringComparer.Ordinal));
        return JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();

    private sealed record Body(string Status, IReadOnlyList<string> Failed, IReadOnlyDictionary<string, Check> Checks);

    private sealed record Check(string Status, string? Description);
}
