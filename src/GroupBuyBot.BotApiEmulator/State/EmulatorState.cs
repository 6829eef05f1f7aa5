using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>
/// Everything the emulated Telegram knows: users, chats, messages, pending updates, call log, faults.
/// One lock guards it all; every operation under the lock is O(1) or O(size of one chat), so the bot's
/// parallel handlers and a test's thousand taps do not queue behind slow work.
/// </summary>
public sealed partial class EmulatorState : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, EmulatedUser> _users = [];
    private readonly Dictionary<long, ChatRecord> _chats = [];
    private readonly Dictionary<string, ChatRecord> _chatsByUsername = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();

    // Completed and replaced whenever a message changes, so waiters wake without polling.
    private TaskCompletionSource _messagesChanged = NewSignal();

    public EmulatorState(BotApiEmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Bot = new EmulatedUser(options.BotId, options.BotFirstName, Username: options.BotUsername, IsBot: true);
        _users[Bot.Id] = Bot;
    }

    public BotApiEmulatorOptions Options { get; }

    public EmulatedUser Bot { get; }

    public TimeProvider Time { get; }

    internal CancellationToken Stopping => _stopping.Token;

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    internal DateTimeOffset Now => Time.GetUtcNow();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void SignalMessagesChanged()
    {
        var changed = _messagesChanged;
        _messagesChanged = NewSignal();
        changed.TrySetResult();
    }

    private ChatRecord RequireChatForDriver(long chatId) =>
        _chats.TryGetValue(chatId, out var chat) ? chat : throw new EmulatorDriverException($"Chat {chatId} does not exist.");

    private EmulatedUser RequireUserForDriver(long userId) =>
        _users.TryGetValue(userId, out var user) ? user : throw new EmulatorDriverException($"User {userId} does not exist.");

    private static MessageRecord RequireMessageForDriver(ChatRecord chat, int messageId) =>
        chat.FindMessage(messageId) is { IsDeleted: false } message
            ? message
            : throw new EmulatorDriverException($"Message {messageId} does not exist in chat {chat.Id}.");

    /// <summary>Whether the bot gets the updates of members' messages there: not from a user who blocked it, nor in a group it is not in.</summary>
    private static bool BotSees(ChatRecord chat) => chat.Type == ChatKind.Private ? !chat.UserBlockedBot : chat.BotIsMember;

    private EmulatedUser? PrivateUserOf(ChatRecord chat) =>
        chat.Type == ChatKind.Private && _users.TryGetValue(chat.Id, out var user) ? user : null;

    private JsonObject ChatJson(ChatRecord chat) => TelegramJson.Chat(chat, PrivateUserOf(chat));

    /// <summary>The Bot API <c>Message</c> object; a replied-to message is embedded one level deep, as Telegram does.</summary>
    private JsonObject MessageJson(ChatRecord chat, MessageRecord message, bool embedReply = true)
    {
        var json = new JsonObject { ["message_id"] = message.MessageId };
        if (message.MessageThreadId is { } thread)
        {
            json["message_thread_id"] = thread;
        }

        if (message.From is not null)
        {
            json["from"] = TelegramJson.User(message.From);
        }

        json["chat"] = ChatJson(chat);
        json["date"] = TelegramJson.UnixTime(message.Date);
        if (message.EditDate is { } edited)
        {
            json["edit_date"] = TelegramJson.UnixTime(edited);
        }

        if (message.MessageThreadId is not null && chat.IsForum)
        {
            json["is_topic_message"] = true;
        }

        if (embedReply && message.ReplyToMessageId is { } replyId && chat.FindMessage(replyId) is { IsDeleted: false } replied)
        {
            json["reply_to_message"] = MessageJson(chat, replied, embedReply: false);
        }

        var textField = message.Document is null ? "text" : "caption";
        if (message.RenderedText is not null)
        {
            json[textField] = message.RenderedText;
        }

        if (message.Entities is not null)
        {
            json[message.Document is null ? "entities" : "caption_entities"] = message.Entities.DeepClone();
        }

        if (message.Document is { } document)
        {
            json["document"] = DocumentJson(document);
        }

        if (message.Invoice is { } invoice)
        {
            json["invoice"] = TelegramPaymentJson.Invoice(invoice);
        }

        if (message.ServiceFields is not null)
        {
            foreach (var (name, value) in message.ServiceFields)
            {
                json[name] = value?.DeepClone();
            }
        }

        if (message.Keyboard is not null)
        {
            json["reply_markup"] = message.Keyboard.Json.DeepClone();
        }

        return json;
    }

    private static JsonObject DocumentJson(EmulatedDocument document)
    {
        var json = new JsonObject
        {
            ["file_id"] = document.FileId,
            ["file_unique_id"] = "u" + document.FileId,
            ["file_name"] = document.FileName,
            ["file_size"] = document.Content.Length,
        };
        TelegramJson.AddIfNotNull(json, "mime_type", document.MimeType);
        return json;
    }

    private MessageRecord AppendMessage(ChatRecord chat, Func<int, MessageRecord> create)
    {
        var message = create(chat.Messages.Count + 1);
        chat.Messages.Add(message);
        SignalMessagesChanged();
        return message;
    }
}
