using System.Text.Json.Nodes;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>An error the emulated Bot API answers with <c>{"ok":false,...}</c>.</summary>
public sealed class TelegramApiException(int errorCode, string description, JsonObject? parameters = null)
    : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public JsonObject? Parameters { get; } = parameters;

    public static TelegramApiException BadRequest(string detail, JsonObject? parameters = null) =>
        new(400, "Bad Request: " + detail, parameters);

    public static TelegramApiException Forbidden(string detail) => new(403, "Forbidden: " + detail);

    public static TelegramApiException TooManyRequests(int retryAfterSeconds) =>
        new(429, $"Too Many Requests: retry after {retryAfterSeconds}", new JsonObject { ["retry_after"] = retryAfterSeconds });
}
