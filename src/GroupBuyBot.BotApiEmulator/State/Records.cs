using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>Mutable chat state; only touched under <see cref="EmulatorState"/>'s lock.</summary>
internal sealed class ChatRecord(long id, ChatKind type)
{
    public long Id { get; } = id;

    public ChatKind Type { get; set; } = type;

    public string? Title { get; set; }

    public string? Username { get; set; }

    public bool IsForum { get; set; }

    public bool BotIsMember { get; set; }

    public bool BotIsAdmin { get; set; }

    public bool BotWasKicked { get; set; }

    public long? MigratedToChatId { get; set; }

    public long? MigratedFromChatId { get; set; }

    /// <summary>Private chats only: the user has written to the bot and not blocked it since.</summary>
    public bool UserStartedBot { get; set; }

    public bool UserBlockedBot { get; set; }

    public Dictionary<long, MemberStatus> Members { get; } = [];

    /// <summary>Message ids start at 1 and never repeat, so message N sits at index N-1.</summary>
    public List<MessageRecord> Messages { get; } = [];

    public MessageRecord? FindMessage(int messageId) =>
        messageId >= 1 && messageId <= Messages.Count ? Messages[messageId - 1] : null;
}

/// <summary>Mutable message state; only touched under <see cref="EmulatorState"/>'s lock.</summary>
internal sealed class MessageRecord
{
    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required EmulatedUser? From { get; init; }

    public required DateTimeOffset Date { get; init; }

    public DateTimeOffset? EditDate { get; set; }

    public string? RawText { get; set; }

    /// <summary>The text as members read it (tags stripped, entities decoded).</summary>
    public string? RenderedText { get; set; }

    public string? ParseMode { get; set; }

    public JsonArray? Entities { get; set; }

    public InlineKeyboard? Keyboard { get; set; }

    public JsonNode? OtherReplyMarkup { get; set; }

    public int? ReplyToMessageId { get; init; }

    public int? MessageThreadId { get; init; }

    public int EditCount { get; set; }

    public bool IsDeleted { get; set; }

    public EmulatedDocument? Document { get; init; }

    /// <summary>sendInvoice messages: the invoice members can pay.</summary>
    public EmulatedInvoice? Invoice { get; init; }

    /// <summary>Service messages (migration, new members) carry their extra Telegram fields here.</summary>
    public JsonObject? ServiceFields { get; init; }

    public string? ServiceEvent { get; init; }

    /// <summary>The emoji the bot reacted with (setMessageReaction); null: none.</summary>
    public string? BotReaction { get; set; }

    public EmulatedMessage ToSnapshot() => new(
        ChatId,
        MessageId,
        From,
        Date,
        RenderedText,
        RawText,
        ParseMode,
        Keyboard?.Rows ?? [],
        ReplyToMessageId,
        MessageThreadId,
        EditCount,
        IsDeleted,
        Document?.FileId,
        ServiceEvent,
        BotReaction,
        Invoice);
}

/// <summary>An inline keyboard plus its canonical JSON, so "not modified" is a string comparison.</summary>
internal sealed record InlineKeyboard(IReadOnlyList<IReadOnlyList<EmulatedButton>> Rows, string CanonicalJson, JsonNode Json);

internal sealed record PendingUpdate(int UpdateId, string Type, JsonObject Payload);

internal sealed class CallbackRecord
{
    public required string Id { get; init; }

    public required long ChatId { get; init; }

    public required int MessageId { get; init; }

    public required long FromUserId { get; init; }

    public string? Data { get; init; }

    public bool Answered { get; set; }

    public string? AnswerText { get; set; }

    public bool ShowAlert { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public CallbackAnswer ToSnapshot() =>
        new(Id, ChatId, MessageId, FromUserId, Data, Answered, AnswerText, ShowAlert, Url, AnsweredAt);
}

internal sealed class FaultRule(FaultSpec spec, DateTimeOffset injectedAt)
{
    public FaultSpec Spec { get; } = spec;

    public int Remaining { get; set; } = spec.Count;

    /// <summary>A time window (<see cref="FaultSpec.DurationMilliseconds"/>) rather than a count.</summary>
    public bool IsWindow => Spec.DurationMilliseconds > 0;

    public DateTimeOffset ActiveFrom { get; } = injectedAt.AddMilliseconds(spec.StartAfterMilliseconds);

    public DateTimeOffset ActiveUntil { get; } = injectedAt.AddMilliseconds(spec.StartAfterMilliseconds + (double)spec.DurationMilliseconds);
}

/// <summary>A pre-checkout query and what became of it; only touched under <see cref="EmulatorState"/>'s lock.</summary>
internal sealed class PreCheckoutQueryRecord
{
    public required string Id { get; init; }

    public required long ChatId { get; init; }

    public required int InvoiceMessageId { get; init; }

    public required EmulatedUser From { get; init; }

    public required EmulatedInvoice Invoice { get; init; }

    public required DateTimeOffset SentAt { get; init; }

    public required bool CardDeclined { get; init; }

    public bool Answered { get; set; }

    public bool Ok { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public SuccessfulPaymentRecord? Payment { get; set; }

    /// <summary>Completed when the bot answers, for <see cref="EmulatorState.WaitForPreCheckoutAnswer"/>.</summary>
    public TaskCompletionSource AnswerArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PreCheckoutAnswer ToSnapshot() => new(
        Id,
        ChatId,
        InvoiceMessageId,
        From.Id,
        Invoice.Currency,
        Invoice.TotalAmount,
        Invoice.Payload,
        SentAt,
        CardDeclined,
        Answered,
        Ok,
        ErrorMessage,
        AnsweredAt,
        Payment?.TelegramPaymentChargeId);
}

/// <summary>A charge that went through, with its refund if the bot made one; only touched under the lock.</summary>
internal sealed class ChargeRecord(SuccessfulPaymentRecord payment)
{
    public SuccessfulPaymentRecord Payment { get; } = payment;

    public StarRefund? Refund { get; set; }
}
