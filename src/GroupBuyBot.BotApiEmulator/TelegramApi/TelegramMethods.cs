using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>The Bot API methods the emulator answers; names are case-insensitive, as on Telegram.</summary>
internal static class TelegramMethods
{
    public delegate Task<JsonNode> Handler(EmulatorState state, TelegramRequest request, CancellationToken cancellationToken);

    // A JsonNode can have one parent only, so each answer gets its own "true".
    private static JsonNode True => JsonValue.Create(true);

    public static readonly IReadOnlyDictionary<string, Handler> All = new Dictionary<string, Handler>(StringComparer.OrdinalIgnoreCase)
    {
        ["getMe"] = (state, _, _) => Done(GetMe(state)),
        ["getUpdates"] = GetUpdates,
        ["deleteWebhook"] = (state, request, _) =>
        {
            if (request.GetBool("drop_pending_updates"))
            {
                state.DropPendingUpdates();
            }

            return Done(True);
        },
        ["setWebhook"] = (state, request, _) =>
        {
            // Recorded only (the emulator does not post updates): tests read it and post to the bot themselves.
            state.Webhook = new EmulatedWebhook(request.RequireString("url"), request.GetString("secret_token"));
            return Done(True);
        },
        ["getWebhookInfo"] = (state, _, _) => Done(new JsonObject { ["url"] = state.Webhook?.Url ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = state.PendingUpdateCount }),
        ["setMyCommands"] = (state, request, _) =>
        {
            var commands = request.GetJson("commands") as JsonArray ?? throw TelegramApiException.BadRequest("parameter \"commands\" is required");
            state.SetCommands(request.GetJson("scope"), request.GetString("language_code"), commands);
            return Done(True);
        },
        ["getMyCommands"] = (state, request, _) => Done(state.GetCommands(request.GetJson("scope"), request.GetString("language_code"))),
        ["deleteMyCommands"] = (state, request, _) =>
        {
            state.SetCommands(request.GetJson("scope"), request.GetString("language_code"), []);
            return Done(True);
        },
        ["getChat"] = (state, request, _) => Done(state.GetChatFullInfo(ChatId(request))),
        ["getChatMember"] = (state, request, _) =>
            Done(state.GetChatMember(ChatId(request), request.GetLong("user_id") ?? throw TelegramApiException.BadRequest("user_id is empty"))),
        ["getChatAdministrators"] = (state, request, _) => Done(state.GetChatAdministrators(ChatId(request))),
        ["sendMessage"] = (state, request, _) => Done(state.SendText(ChatId(request), Content(request, "text"))),
        ["sendDocument"] = (state, request, _) =>
        {
            var upload = request.GetAttachedFile("document");
            var existing = upload is null ? request.GetString("document") : null;
            return Done(state.SendDocument(ChatId(request), upload, existing, Content(request, "caption")));
        },
        ["editMessageText"] = (state, request, _) => Done(state.EditText(
            ChatId(request), MessageId(request), request.GetString("text"), request.GetString("parse_mode"), request.GetJson("reply_markup"))),
        ["editMessageReplyMarkup"] = (state, request, _) =>
            Done(state.EditReplyMarkup(ChatId(request), MessageId(request), request.GetJson("reply_markup"))),
        ["setMessageReaction"] = (state, request, _) =>
        {
            state.SetReaction(ChatId(request), MessageId(request), request.GetJson("reaction"));
            return Done(True);
        },
        ["deleteMessage"] = (state, request, _) =>
        {
            state.DeleteMessage(ChatId(request), MessageId(request));
            return Done(True);
        },
        ["answerCallbackQuery"] = (state, request, _) =>
        {
            state.AnswerCallbackQuery(
                request.RequireString("callback_query_id"), request.GetString("text"), request.GetBool("show_alert"), request.GetString("url"));
            return Done(True);
        },
        ["sendInvoice"] = (state, request, _) =>
            Done(state.SendInvoice(ChatId(request), InvoiceParameters.Read(request), Content(request, textField: null))),
        ["answerPreCheckoutQuery"] = (state, request, _) =>
        {
            state.AnswerPreCheckoutQuery(request.RequireString("pre_checkout_query_id"), request.GetBool("ok"), request.GetString("error_message"));
            return Done(True);
        },
        ["refundStarPayment"] = (state, request, _) =>
        {
            state.RefundStarPayment(
                request.GetLong("user_id") ?? throw TelegramApiException.BadRequest("user_id is empty"),
                request.RequireString("telegram_payment_charge_id"));
            return Done(True);
        },
        ["sendChatAction"] = (state, request, _) =>
        {
            state.CheckChatAction(ChatId(request));
            return Done(True);
        },
    };

    private static Task<JsonNode> Done(JsonNode result) => Task.FromResult(result);

    private static JsonObject GetMe(EmulatorState state)
    {
        var me = TelegramJson.User(state.Bot);
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        return me;
    }

    private static async Task<JsonNode> GetUpdates(EmulatorState state, TelegramRequest request, CancellationToken cancellationToken)
    {
        var allowed = request.GetJson("allowed_updates") is JsonArray types
            ? types.Select(t => t?.GetValue<string>() ?? "").ToList()
            : null;
        return await state.GetUpdatesAsync(
            request.GetLong("offset"), request.GetInt("limit") ?? 100, request.GetInt("timeout") ?? 0, allowed, cancellationToken);
    }

    public static string ChatId(TelegramRequest request) =>
        request.GetString("chat_id") is { Length: > 0 } chatId ? chatId : throw TelegramApiException.BadRequest("chat_id is empty");

    private static int MessageId(TelegramRequest request) =>
        request.GetInt("message_id") ?? throw TelegramApiException.BadRequest("message_id is empty");

    /// <summary>The text (or caption: <paramref name="textField"/>; null for none) and what goes with it.</summary>
    private static EmulatorState.OutgoingContent Content(TelegramRequest request, string? textField)
    {
        var replyParameters = request.GetJson("reply_parameters");
        if (replyParameters is null && request.GetInt("reply_to_message_id") is { } legacyReplyId)
        {
            replyParameters = new JsonObject
            {
                ["message_id"] = legacyReplyId,
                ["allow_sending_without_reply"] = request.GetBool("allow_sending_without_reply"),
            };
        }

        return new EmulatorState.OutgoingContent(
            textField is null ? null : request.GetString(textField),
            request.GetString("parse_mode"),
            request.GetJson("reply_markup"),
            request.GetInt("message_thread_id"),
            replyParameters);
    }
}
