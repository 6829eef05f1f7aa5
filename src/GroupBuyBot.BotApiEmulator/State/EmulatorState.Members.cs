using System.Globalization;
using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Formatting;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>Driver operations that act as a human member: write, start, block, tap.</summary>
public sealed partial class EmulatorState
{
    private readonly Dictionary<string, CallbackRecord> _callbacks = [];
    private long _lastCallbackSequence;

    /// <summary>
    /// A member writes <paramref name="text"/> in a chat (chat id = user id for the private chat with the bot).
    /// Commands get <c>bot_command</c> entities. The update id is 0 when the bot cannot see the chat.
    /// </summary>
    public PostedMessage PostMessage(long chatId, long fromUserId, string text, int? replyToMessageId = null, int? messageThreadId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        lock (_gate)
        {
            var from = RequireUserForDriver(fromUserId);
            var chat = chatId == fromUserId ? PrivateChatFor(from) : RequireChatForDriver(chatId);
            if (chat.Type == ChatKind.Private)
            {
                if (chat.Id != fromUserId)
                {
                    throw new EmulatorDriverException($"Only user {chat.Id} writes in the private chat {chat.Id}.");
                }

                // Writing to the bot lets it answer, as on Telegram; a blocked bot still gets nothing.
                chat.UserStartedBot = true;
            }
            else
            {
                if (chat.MigratedToChatId is { } newId)
                {
                    throw new EmulatorDriverException($"Chat {chatId} was upgraded to supergroup {newId}.");
                }

                if (!chat.Members.TryGetValue(fromUserId, out var status) || status is MemberStatus.Left or MemberStatus.Kicked)
                {
                    chat.Members[fromUserId] = MemberStatus.Member;
                }
            }

            if (replyToMessageId is { } replyId && chat.FindMessage(replyId) is not { IsDeleted: false })
            {
                throw new EmulatorDriverException($"Message {replyId} does not exist in chat {chat.Id}.");
            }

            var thread = messageThreadId;
            if (thread is null && chat.IsForum && replyToMessageId is { } repliedId)
            {
                thread = chat.FindMessage(repliedId)!.MessageThreadId;
            }

            var message = AppendMessage(chat, id => new MessageRecord
            {
                ChatId = chat.Id,
                MessageId = id,
                From = from,
                Date = Now,
                RawText = text,
                RenderedText = text,
                Entities = BotCommandEntities.Find(text),
                ReplyToMessageId = replyToMessageId,
                MessageThreadId = chat.IsForum ? thread : null,
            });
            var updateId = BotSees(chat) ? EnqueueUpdate("message", MessageJson(chat, message)) : 0;
            return new PostedMessage(chat.Id, message.MessageId, updateId);
        }
    }

    /// <summary>The user opens the bot and presses Start: <c>/start</c> or <c>/start payload</c> in private.</summary>
    public PostedMessage StartBot(long userId, string? payload = null)
    {
        lock (_gate)
        {
            var user = RequireUserForDriver(userId);
            var chat = PrivateChatFor(user);
            if (chat.UserBlockedBot)
            {
                SetBlocked(chat, user, blocked: false);
            }
        }

        return PostMessage(userId, userId, string.IsNullOrEmpty(payload) ? "/start" : "/start " + payload);
    }

    /// <summary>The user blocks the bot: <c>my_chat_member</c> member → kicked; sends to them answer 403.</summary>
    public int BlockBot(long userId) => SetBlocked(userId, blocked: true);

    public int UnblockBot(long userId) => SetBlocked(userId, blocked: false);

    private int SetBlocked(long userId, bool blocked)
    {
        lock (_gate)
        {
            var user = RequireUserForDriver(userId);
            return SetBlocked(PrivateChatFor(user), user, blocked);
        }
    }

    private int SetBlocked(ChatRecord chat, EmulatedUser user, bool blocked)
    {
        if (chat.UserBlockedBot == blocked)
        {
            return 0;
        }

        chat.UserBlockedBot = blocked;
        var (oldStatus, newStatus) = blocked ? (MemberStatus.Member, MemberStatus.Kicked) : (MemberStatus.Kicked, MemberStatus.Member);
        return EnqueueMyChatMember(chat, user, oldStatus, newStatus);
    }

    private ChatRecord PrivateChatFor(EmulatedUser user)
    {
        if (!_chats.TryGetValue(user.Id, out var chat))
        {
            chat = new ChatRecord(user.Id, ChatKind.Private);
            _chats[user.Id] = chat;
        }

        return chat;
    }

    /// <summary>
    /// A member taps an inline button of a bot message, found by its callback data or else by its text.
    /// Creates a <c>callback_query</c> update; read the bot's answer with <see cref="GetCallbackAnswer"/>.
    /// </summary>
    public TappedButton TapButton(long chatId, int messageId, long userId, string? callbackData = null, string? buttonText = null)
    {
        if (callbackData is null && buttonText is null)
        {
            throw new EmulatorDriverException("Say which button: callback data or button text.");
        }

        lock (_gate)
        {
            var user = RequireUserForDriver(userId);
            var chat = RequireChatForDriver(chatId);
            var message = RequireMessageForDriver(chat, messageId);

            var button = message.Keyboard?.Rows.SelectMany(row => row)
                .FirstOrDefault(b => callbackData is not null ? b.CallbackData == callbackData : b.Text == buttonText)
                ?? throw new EmulatorDriverException($"Message {messageId} in chat {chatId} has no button '{callbackData ?? buttonText}'.");
            if (button.CallbackData is null)
            {
                throw new EmulatorDriverException($"Button '{button.Text}' opens a URL or pays an invoice (PayInvoice); it sends no callback query.");
            }

            return EnqueueCallbackQuery(chat, message, user, button.CallbackData);
        }
    }

    /// <summary>
    /// Sends a <c>callback_query</c> with any <paramref name="data"/> on a message of the chat, as a modified client
    /// can: for testing that the bot refuses forged, tampered or stale button data. The message need not have buttons.
    /// </summary>
    public TappedButton ForgeCallbackQuery(long chatId, int messageId, long userId, string data)
    {
        lock (_gate)
        {
            var user = RequireUserForDriver(userId);
            var chat = RequireChatForDriver(chatId);
            var message = RequireMessageForDriver(chat, messageId);

            return EnqueueCallbackQuery(chat, message, user, data);
        }
    }

    private TappedButton EnqueueCallbackQuery(ChatRecord chat, MessageRecord message, EmulatedUser user, string data)
    {
        var id = (4_000_000_000_000_000L + ++_lastCallbackSequence).ToString(CultureInfo.InvariantCulture);
        _callbacks[id] = new CallbackRecord
        {
            Id = id,
            ChatId = chat.Id,
            MessageId = message.MessageId,
            FromUserId = user.Id,
            Data = data,
        };
        var updateId = EnqueueUpdate("callback_query", new JsonObject
        {
            ["id"] = id,
            ["from"] = TelegramJson.User(user),
            ["message"] = MessageJson(chat, message),
            ["chat_instance"] = (-chat.Id).ToString(CultureInfo.InvariantCulture),
            ["data"] = data,
        });
        return new TappedButton(id, updateId);
    }

    /// <summary>Whether and how the bot answered a callback query; null for an unknown id.</summary>
    public CallbackAnswer? GetCallbackAnswer(string callbackQueryId)
    {
        lock (_gate)
        {
            return _callbacks.TryGetValue(callbackQueryId, out var callback) ? callback.ToSnapshot() : null;
        }
    }
}
