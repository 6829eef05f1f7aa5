using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.BotApiEmulator.Driver;

/// <summary>The driver speaks snake_case like the Bot API, without touching the host app's JSON settings.</summary>
public static class DriverJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // Explicit, so the driver still works in hosts that turn reflection-based JSON off by default
        // (file-based apps, trimmed publishes).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        // Keeps '<', '&' and Chinese readable in curl output; the answers are JSON, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record DriverUser(long Id, string? FirstName, string? LastName, string? Username, string? LanguageCode, bool? IsAdmin);

public sealed record PostMessageRequest(
    string Text,
    DriverUser? From = null,
    long? FromUserId = null,
    int? ReplyToMessageId = null,
    int? MessageThreadId = null);

public sealed record SetMemberRequest(long UserId, MemberStatus Status);

public sealed record TapRequest(long UserId, string? CallbackData = null, string? ButtonText = null);

public sealed record ForgeCallbackRequest(long UserId, string Data);

public sealed record PayRequest(long UserId, bool CardDeclined = false);

public sealed record WaitForAnswerRequest(int TimeoutMs = 5000);

public sealed record BotMembershipRequest(long ByUserId, bool AsAdmin = false, bool Kicked = false);

public sealed record MigrateRequest(long? SupergroupId = null);

public sealed record StartRequest(string? Payload = null);

public sealed record FloodLimitsRequest(bool Enabled);

public sealed record AdvanceTimeRequest(double? Seconds = null, double? Milliseconds = null);

public sealed record WaitIdleRequest(int TimeoutMs = 5000, int QuietMs = 100);

public sealed record UpdateIdResponse(int UpdateId);

public sealed record DocumentSummary(string FileId, long ChatId, int MessageId, string FileName, string? MimeType, int Size, string? Caption)
{
    public static DocumentSummary From(EmulatedDocument document) => new(
        document.FileId, document.ChatId, document.MessageId, document.FileName, document.MimeType, document.Content.Length, document.Caption);
}

public sealed record DriverError(string Error);
