namespace GroupBuyBot.BotApiEmulator.Models;

/// <summary>A human (or the bot) as the emulator knows them.</summary>
public sealed record EmulatedUser(
    long Id,
    string FirstName,
    string? LastName = null,
    string? Username = null,
    string? LanguageCode = null,
    bool IsBot = false);

/// <summary>What the driver asks for when creating a chat. Private chats are created by <see cref="UserSpec"/> + StartBot.</summary>
public sealed record ChatSpec(
    long Id,
    ChatKind Type,
    string? Title = null,
    bool IsForum = false,
    bool BotIsMember = true,
    bool BotIsAdmin = false,
    string? Username = null);

/// <summary>A chat as it is now.</summary>
public sealed record EmulatedChatInfo(
    long Id,
    ChatKind Type,
    string? Title,
    string? Username,
    bool IsForum,
    bool BotIsMember,
    bool BotIsAdmin,
    long? MigratedToChatId,
    long? MigratedFromChatId,
    int MessageCount,
    IReadOnlyDictionary<long, MemberStatus> Members,
    bool? UserStartedBot,
    bool? UserBlockedBot);

public sealed record EmulatedButton(string Text, string? CallbackData, string? Url);

/// <summary>A message the way the chat's members see it now.</summary>
public sealed record EmulatedMessage(
    long ChatId,
    int MessageId,
    EmulatedUser? From,
    DateTimeOffset Date,
    string? Text,
    string? RawText,
    string? ParseMode,
    IReadOnlyList<IReadOnlyList<EmulatedButton>> Buttons,
    int? ReplyToMessageId,
    int? MessageThreadId,
    int EditCount,
    bool IsDeleted,
    string? DocumentFileId,
    string? ServiceEvent,
    string? BotReaction = null,
    EmulatedInvoice? Invoice = null)
{
    public bool IsFromBot => From?.IsBot == true;
}

public sealed record EmulatedDocument(
    string FileId,
    long ChatId,
    int MessageId,
    string FileName,
    string? MimeType,
    byte[] Content,
    string? Caption);

/// <summary>
/// One Bot API call as received, for asserting rates and retries. <paramref name="Host"/> is the Host header the bot
/// sent (the address it called): bot processes given addresses of their own (e.g. relays) are told apart by it.
/// </summary>
public sealed record ApiCallRecord(
    long Sequence,
    string Method,
    string? ChatId,
    DateTimeOffset At,
    DateTimeOffset WallClockAt,
    int StatusCode,
    string? ErrorDescription,
    string? Host = null);

public sealed record CallbackAnswer(
    string CallbackQueryId,
    long ChatId,
    int MessageId,
    long FromUserId,
    string? Data,
    bool Answered,
    string? Text,
    bool ShowAlert,
    string? Url,
    DateTimeOffset? AnsweredAt);

/// <summary>
/// Make the next <see cref="Count"/> calls of <see cref="Method"/> (null: any method except getUpdates) fail or stall.
/// With <see cref="DurationMilliseconds"/> the rule is a time window instead: every matching call fails from
/// <see cref="StartAfterMilliseconds"/> after it was injected until the window ends (emulator clock), whatever the count.
/// </summary>
public sealed record FaultSpec(
    FaultKind Kind,
    string? Method = null,
    int Count = 1,
    int RetryAfterSeconds = 1,
    int DelayMilliseconds = 0,
    int StartAfterMilliseconds = 0,
    int DurationMilliseconds = 0);

public sealed record PostedMessage(long ChatId, int MessageId, int UpdateId);

public sealed record TappedButton(string CallbackQueryId, int UpdateId);

/// <summary>What the bot registered with setWebhook.</summary>
public sealed record EmulatedWebhook(string Url, string? SecretToken);

/// <summary>
/// Faults drawn at random, call by call, for soak runs: each matching call fails with a 5xx, stalls for
/// <see cref="TimeoutMilliseconds"/> (longer than the bot waits: a timeout, and the call is not applied when the bot
/// gives up) or answers 429, with the given probabilities. Queued <see cref="FaultSpec"/> rules go first.
/// </summary>
/// <param name="Methods">Methods it applies to; null: the sends (messages, edits, documents, callback answers).</param>
public sealed record RandomFaults(
    double ServerErrorRate = 0,
    double TimeoutRate = 0,
    double TooManyRequestsRate = 0,
    int TimeoutMilliseconds = 30_000,
    int RetryAfterSeconds = 1,
    int Seed = 1,
    IReadOnlyList<string>? Methods = null);

/// <summary>How many calls the random faults have hit so far, by kind.</summary>
public sealed record RandomFaultCounts(int Calls, int ServerErrors, int Timeouts, int TooManyRequests);
