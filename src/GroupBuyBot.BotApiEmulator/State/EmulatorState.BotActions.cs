using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Formatting;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>What the bot may do through the Bot API, with Telegram's checks and error texts.</summary>
public sealed partial class EmulatorState
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private long _lastFileSequence;

    internal sealed record OutgoingContent(string? Text, string? ParseMode, JsonNode? ReplyMarkup, int? MessageThreadId, JsonNode? ReplyParameters);

    internal JsonObject SendText(string chatId, OutgoingContent content)
    {
        var (raw, rendered) = Render(content.Text, content.ParseMode, MaxTextLength, "message is too long");
        var keyboard = ParseReplyMarkup(content.ReplyMarkup, out var otherMarkup);
        lock (_gate)
        {
            var chat = ResolveChatForBot(chatId);
            var replyTo = ResolveReply(chat, content.ReplyParameters);
            var message = AppendMessage(chat, id => new MessageRecord
            {
                ChatId = chat.Id,
                MessageId = id,
                From = Bot,
                Date = Now,
                RawText = raw,
                RenderedText = rendered,
                ParseMode = content.ParseMode,
                Keyboard = keyboard,
                OtherReplyMarkup = otherMarkup,
                ReplyToMessageId = replyTo,
                MessageThreadId = ThreadFor(chat, content.MessageThreadId, replyTo),
            });
            return MessageJson(chat, message);
        }
    }

    internal JsonObject SendDocument(string chatId, UploadedFile? upload, string? existingFileId, OutgoingContent caption)
    {
        var (raw, rendered) = caption.Text is null ? (null, null) : Render(caption.Text, caption.ParseMode, MaxCaptionLength, "message caption is too long");
        var keyboard = ParseReplyMarkup(caption.ReplyMarkup, out var otherMarkup);
        lock (_gate)
        {
            var chat = ResolveChatForBot(chatId);
            var reused = existingFileId is null ? null : _documents.GetValueOrDefault(existingFileId);
            if (upload is null && reused is null)
            {
                throw TelegramApiException.BadRequest("wrong file identifier/HTTP URL specified");
            }

            var replyTo = ResolveReply(chat, caption.ReplyParameters);
            var fileId = "BQAC" + (++_lastFileSequence).ToString("D8", CultureInfo.InvariantCulture);
            var message = AppendMessage(chat, id =>
            {
                var document = new EmulatedDocument(
                    fileId,
                    chat.Id,
                    id,
                    upload?.FileName ?? reused!.FileName,
                    upload?.ContentType ?? reused!.MimeType,
                    upload?.Content ?? reused!.Content,
                    rendered);
                _documents[fileId] = document;
                return new MessageRecord
                {
                    ChatId = chat.Id,
                    MessageId = id,
                    From = Bot,
                    Date = Now,
                    RawText = raw,
                    RenderedText = rendered,
                    ParseMode = caption.ParseMode,
                    Keyboard = keyboard,
                    OtherReplyMarkup = otherMarkup,
                    ReplyToMessageId = replyTo,
                    MessageThreadId = ThreadFor(chat, caption.MessageThreadId, replyTo),
                    Document = document,
                };
            });
            return MessageJson(chat, message);
        }
    }

    /// <summary>editMessageText; like Telegram, leaving out reply_markup removes the inline keyboard.</summary>
    internal JsonObject EditText(string chatId, int messageId, string? text, string? parseMode, JsonNode? replyMarkup)
    {
        var (raw, rendered) = Render(text, parseMode, MaxTextLength, "MESSAGE_TOO_LONG");
        var keyboard = ParseReplyMarkup(replyMarkup, out _);
        lock (_gate)
        {
            var (chat, message) = FindEditable(chatId, messageId);
            if (message.Document is not null || message.Invoice is not null)
            {
                throw TelegramApiException.BadRequest("there is no text in the message to edit");
            }

            if (message.RawText == raw && message.ParseMode == parseMode && message.Keyboard?.CanonicalJson == keyboard?.CanonicalJson)
            {
                throw NotModified();
            }

            message.RawText = raw;
            message.RenderedText = rendered;
            message.ParseMode = parseMode;
            message.Keyboard = keyboard;
            return MarkEdited(chat, message);
        }
    }

    internal JsonObject EditReplyMarkup(string chatId, int messageId, JsonNode? replyMarkup)
    {
        var keyboard = ParseReplyMarkup(replyMarkup, out _);
        lock (_gate)
        {
            var (chat, message) = FindEditable(chatId, messageId);
            if (message.Keyboard?.CanonicalJson == keyboard?.CanonicalJson)
            {
                throw NotModified();
            }

            message.Keyboard = keyboard;
            return MarkEdited(chat, message);
        }
    }

    /// <summary>setMessageReaction: the bot's reaction on any message of the chat (an empty list removes it).</summary>
    internal void SetReaction(string chatId, int messageId, JsonNode? reaction)
    {
        string? emoji = null;
        if (reaction is JsonArray { Count: > 0 } list)
        {
            if (list.Count > 1) throw TelegramApiException.BadRequest("REACTIONS_TOO_MANY");
            if (list[0] is not JsonObject { } first || first["type"]?.GetValue<string>() != "emoji" || first["emoji"]?.GetValue<string>() is not { Length: > 0 } value)
            {
                throw TelegramApiException.BadRequest("REACTION_INVALID");
            }

            emoji = value;
        }
        else if (reaction is not null and not JsonArray)
        {
            throw TelegramApiException.BadRequest("can't parse reaction types JSON object");
        }

        lock (_gate)
        {
            var chat = ResolveChatForBot(chatId);
            var message = chat.FindMessage(messageId);
            if (message is null || message.IsDeleted) throw TelegramApiException.BadRequest("message to react not found");
            message.BotReaction = emoji;
            SignalMessagesChanged();
        }
    }

    internal void DeleteMessage(string chatId, int messageId)
    {
        lock (_gate)
        {
            var chat = ResolveChatForBot(chatId);
            var message = chat.FindMessage(messageId);
            if (message is null || message.IsDeleted)
            {
                throw TelegramApiException.BadRequest("message to delete not found");
            }

            // In groups only an admin bot may delete other people's messages.
            if (chat.Type != ChatKind.Private && message.From?.Id != Bot.Id && !chat.BotIsAdmin)
            {
                throw TelegramApiException.BadRequest("message can't be deleted");
            }

            message.IsDeleted = true;
            SignalMessagesChanged();
        }
    }

    internal void AnswerCallbackQuery(string callbackQueryId, string? text, bool showAlert, string? url)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(callbackQueryId, out var callback) || callback.Answered)
            {
                throw TelegramApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            callback.Answered = true;
            callback.AnswerText = text;
            callback.ShowAlert = showAlert;
            callback.Url = url;
            callback.AnsweredAt = Now;
        }
    }

    internal void CheckChatAction(string chatId)
    {
        lock (_gate)
        {
            ResolveChatForBot(chatId);
        }
    }

    internal JsonObject GetChatFullInfo(string chatId)
    {
        lock (_gate)
        {
            var chat = FindChat(chatId);
            var json = ChatJson(chat);
            json["accent_color_id"] = 0;
            json["max_reaction_count"] = 11;
            if (chat.MigratedFromChatId is { } from)
            {
                json["migrated_from_chat_id"] = from;
            }

            return json;
        }
    }

    internal JsonObject GetChatMember(string chatId, long userId)
    {
        lock (_gate)
        {
            var chat = FindChat(chatId);
            if (!_users.TryGetValue(userId, out var user))
            {
                throw TelegramApiException.BadRequest("user not found");
            }

            if (userId == Bot.Id)
            {
                return TelegramJson.ChatMember(Bot, chat.Type == ChatKind.Private ? MemberStatus.Member : BotStatus(chat));
            }

            var status = chat.Type == ChatKind.Private
                ? (chat.Id == userId ? MemberStatus.Member : MemberStatus.Left)
                : chat.Members.GetValueOrDefault(userId, MemberStatus.Left);
            return TelegramJson.ChatMember(user, status);
        }
    }

    internal JsonArray GetChatAdministrators(string chatId)
    {
        lock (_gate)
        {
            var chat = FindChat(chatId);
            if (chat.Type == ChatKind.Private)
            {
                throw TelegramApiException.BadRequest("there are no administrators in the private chat");
            }

            var admins = new JsonArray();
            foreach (var (userId, status) in chat.Members)
            {
                if (status is MemberStatus.Creator or MemberStatus.Administrator && _users.TryGetValue(userId, out var user))
                {
                    admins.Add(TelegramJson.ChatMember(user, status));
                }
            }

            if (chat.BotIsAdmin)
            {
                admins.Add(TelegramJson.ChatMember(Bot, MemberStatus.Administrator));
            }

            return admins;
        }
    }

    private JsonObject MarkEdited(ChatRecord chat, MessageRecord message)
    {
        message.EditCount++;
        message.EditDate = Now;
        SignalMessagesChanged();
        return MessageJson(chat, message);
    }

    private static TelegramApiException NotModified() => TelegramApiException.BadRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    private (ChatRecord Chat, MessageRecord Message) FindEditable(string chatId, int messageId)
    {
        var chat = ResolveChatForBot(chatId);
        var message = chat.FindMessage(messageId);
        if (message is null || message.IsDeleted)
        {
            throw TelegramApiException.BadRequest("message to edit not found");
        }

        if (message.From?.Id != Bot.Id || message.ServiceEvent is not null)
        {
            throw TelegramApiException.BadRequest("message can't be edited");
        }

        return (chat, message);
    }

    /// <summary>Looks a chat up by id or @username without the "may the bot write here" checks.</summary>
    private ChatRecord FindChat(string chatId)
    {
        if (chatId.StartsWith('@'))
        {
            return _chatsByUsername.TryGetValue(chatId[1..], out var named) ? named : throw TelegramApiException.BadRequest("chat not found");
        }

        if (!long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || !_chats.TryGetValue(id, out var chat))
        {
            throw TelegramApiException.BadRequest("chat not found");
        }

        return chat;
    }

    /// <summary>The chat the bot wants to write to, with Telegram's 400/403 answers when it may not.</summary>
    private ChatRecord ResolveChatForBot(string chatId)
    {
        ChatRecord chat;
        try
        {
            chat = FindChat(chatId);
        }
        catch (TelegramApiException) when (long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var userId)
            && userId > 0 && userId != Bot.Id && _users.ContainsKey(userId))
        {
            // A user the bot has seen (e.g. in a group) but who never opened the private chat.
            throw TelegramApiException.Forbidden("bot can't initiate conversation with a user");
        }

        if (chat.MigratedToChatId is { } newId)
        {
            throw TelegramApiException.BadRequest("group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = newId });
        }

        if (chat.Type == ChatKind.Private)
        {
            if (chat.UserBlockedBot)
            {
                throw TelegramApiException.Forbidden("bot was blocked by the user");
            }

            if (!chat.UserStartedBot)
            {
                throw TelegramApiException.Forbidden("bot can't initiate conversation with a user");
            }
        }
        else if (!chat.BotIsMember)
        {
            var kind = chat.Type == ChatKind.Group ? "group" : "supergroup";
            throw TelegramApiException.Forbidden(chat.BotWasKicked ? $"bot was kicked from the {kind} chat" : $"bot is not a member of the {kind} chat");
        }

        return chat;
    }

    private static int? ResolveReply(ChatRecord chat, JsonNode? replyParameters)
    {
        if (replyParameters is not JsonObject reply || reply["message_id"] is not { } idNode)
        {
            return null;
        }

        var replyId = idNode.GetValue<int>();
        var allowWithout = reply["allow_sending_without_reply"]?.GetValue<bool>() == true;
        if (chat.FindMessage(replyId) is { IsDeleted: false })
        {
            return replyId;
        }

        return allowWithout ? null : throw TelegramApiException.BadRequest("message to be replied not found");
    }

    private static int? ThreadFor(ChatRecord chat, int? requested, int? replyTo)
    {
        if (!chat.IsForum)
        {
            return null;
        }

        return requested ?? (replyTo is { } id ? chat.FindMessage(id)?.MessageThreadId : null);
    }

    /// <summary>Checks formatting and returns (raw text, text as members see it).</summary>
    private static (string Raw, string Rendered) Render(string? text, string? parseMode, int maxLength, string tooLong)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw TelegramApiException.BadRequest("message text is empty");
        }

        string rendered;
        try
        {
            rendered = parseMode switch
            {
                null or "" => text,
                _ when parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase) => HtmlText.Render(text),
                _ when parseMode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase) => MarkdownText.RenderV2(text),
                _ when parseMode.Equals("Markdown", StringComparison.OrdinalIgnoreCase) => MarkdownText.RenderLegacy(text),
                _ => throw TelegramApiException.BadRequest("unsupported parse_mode"),
            };
        }
        catch (EntityParseException error)
        {
            throw TelegramApiException.BadRequest("can't parse entities: " + error.Message);
        }

        if (string.IsNullOrWhiteSpace(rendered))
        {
            throw TelegramApiException.BadRequest("message text is empty");
        }

        if (rendered.Length > maxLength)
        {
            throw TelegramApiException.BadRequest(tooLong);
        }

        return (text, rendered);
    }

    /// <summary>Reads an inline keyboard; other markups (reply keyboards, force reply) are kept but have no buttons to tap.</summary>
    private static InlineKeyboard? ParseReplyMarkup(JsonNode? markup, out JsonNode? other)
    {
        other = null;
        if (markup is not JsonObject markupObject)
        {
            return null;
        }

        if (markupObject["inline_keyboard"] is not JsonArray rowsJson)
        {
            other = markupObject.DeepClone();
            return null;
        }

        var rows = new List<IReadOnlyList<EmulatedButton>>();
        var canonicalRows = new JsonArray();
        foreach (var rowJson in rowsJson)
        {
            var row = new List<EmulatedButton>();
            var canonicalRow = new JsonArray();
            foreach (var buttonJson in rowJson as JsonArray ?? [])
            {
                var text = buttonJson?["text"]?.GetValue<string>();
                var data = buttonJson?["callback_data"]?.GetValue<string>();
                var url = buttonJson?["url"]?.GetValue<string>();
                if (string.IsNullOrEmpty(text))
                {
                    throw TelegramApiException.BadRequest("can't parse inline keyboard button: Text must be non-empty");
                }

                if (data is not null && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > 64))
                {
                    throw TelegramApiException.BadRequest("BUTTON_DATA_INVALID");
                }

                if (data is null && url is null && buttonJson is JsonObject { Count: <= 1 })
                {
                    throw TelegramApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }

                row.Add(new EmulatedButton(text, data, url));
                var canonical = new JsonObject { ["text"] = text };
                TelegramJson.AddIfNotNull(canonical, "callback_data", data);
                TelegramJson.AddIfNotNull(canonical, "url", url);
                if (buttonJson?["pay"] is JsonValue pay && pay.TryGetValue<bool>(out var isPay) && isPay)
                {
                    canonical["pay"] = true; // an invoice's Pay button
                }
                canonicalRow.Add(canonical);
            }

            rows.Add(row);
            canonicalRows.Add(canonicalRow);
        }

        var json = new JsonObject { ["inline_keyboard"] = canonicalRows };
        return new InlineKeyboard(rows, json.ToJsonString(), json);
    }
}
