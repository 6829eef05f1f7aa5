using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.BotApiEmulator.Tests;

/// <summary>The /driver HTTP endpoints, driven with plain HttpClient and snake_case JSON as documented.</summary>
public sealed class DriverHttpTests : EmulatorTestBase
{
    private HttpClient _http = null!;

    private HttpClient Http => _http ??= new HttpClient { BaseAddress = Emulator.BaseUrl };

    private async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> GetAsync(string path) =>
        JsonDocument.Parse(await Http.GetStringAsync(path)).RootElement;

    [Fact]
    public async Task A_member_posts_with_name_admin_flag_and_reply_and_the_bot_receives_it()
    {
        await PostAsync("/driver/chats", new { id = -2001, type = "supergroup", title = "HTTP group", bot_is_admin = true });
        var first = await PostAsync("/driver/chats/-2001/messages", new { from = new { id = 3001, first_name = "Carol", username = "carol" }, text = "hello" });
        var second = await PostAsync("/driver/chats/-2001/messages", new
        {
            from = new { id = 3002, first_name = "Dan", is_admin = true },
            text = "/join@GroupBuyTestBot 2",
            reply_to_message_id = first.GetProperty("message_id").GetInt32(),
        });

        var updates = await Bot.GetUpdates();
        var reply = updates.Single(u => u.Id == second.GetProperty("update_id").GetInt32()).Message!;
        Assert.Equal("Dan", reply.From!.FirstName);
        Assert.Equal(first.GetProperty("message_id").GetInt32(), reply.ReplyToMessage!.MessageId);
        Assert.Equal(MessageEntityType.BotCommand, reply.Entities![0].Type);
        Assert.Equal(ChatMemberStatus.Administrator, (await Bot.GetChatMember(-2001, 3002)).Status);

        var chat = await GetAsync("/driver/chats/-2001");
        Assert.Equal("supergroup", chat.GetProperty("type").GetString());
        Assert.Equal("administrator", chat.GetProperty("members").GetProperty("3002").GetString());
    }

    [Fact]
    public async Task Reading_messages_shows_rendered_text_buttons_and_edits()
    {
        var sent = await Bot.SendMessage(GroupId, "<b>Order</b> &amp; co", parseMode: ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Join", "join:1")));
        await Bot.EditMessageText(GroupId, sent.MessageId, "<b>Order</b> &amp; co (1 joined)", parseMode: ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Join", "join:1")));

        var messages = await GetAsync($"/driver/chats/{GroupId}/messages");

        var message = messages.EnumerateArray().Single();
        Assert.Equal("Order & co (1 joined)", message.GetProperty("text").GetString());
        Assert.Equal("<b>Order</b> &amp; co (1 joined)", message.GetProperty("raw_text").GetString());
        Assert.Equal(1, message.GetProperty("edit_count").GetInt32());
        Assert.True(message.GetProperty("from").GetProperty("is_bot").GetBoolean());
        var button = message.GetProperty("buttons")[0][0];
        Assert.Equal("Join", button.GetProperty("text").GetString());
        Assert.Equal("join:1", button.GetProperty("callback_data").GetString());
        Assert.False(message.GetProperty("is_deleted").GetBoolean());
    }

    [Fact]
    public async Task Tapping_over_http_and_reading_the_answer()
    {
        var sent = await Bot.SendMessage(GroupId, "Order", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Join", "join:1")));

        var tap = await PostAsync($"/driver/chats/{GroupId}/messages/{sent.MessageId}/tap", new { user_id = Bob, button_text = "Join" });
        var queryId = tap.GetProperty("callback_query_id").GetString()!;
        var update = Assert.Single(await Bot.GetUpdates());
        await Bot.AnswerCallbackQuery(update.CallbackQuery!.Id, "Joined!");

        var answer = await GetAsync($"/driver/callback-queries/{queryId}");
        Assert.Equal(queryId, update.CallbackQuery.Id);
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.Equal("Joined!", answer.GetProperty("text").GetString());
        await PostAsync($"/driver/chats/{GroupId}/messages/{sent.MessageId}/tap", new { user_id = Bob, callback_data = "nope" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Private_chat_start_block_and_reading_it_over_http()
    {
        await PostAsync("/driver/users", new { id = 4001, first_name = "Eve", language_code = "zh-hans" });
        await PostAsync("/driver/users/4001/start", new { payload = "ref_42" });
        await Bot.SendMessage(4001, "Hi Eve");

        var messages = await GetAsync("/driver/chats/4001/messages");
        Assert.Equal(["/start ref_42", "Hi Eve"], messages.EnumerateArray().Select(m => m.GetProperty("text").GetString()));

        await PostAsync("/driver/users/4001/block", new { });
        var chat = await GetAsync("/driver/chats/4001");
        Assert.True(chat.GetProperty("user_blocked_bot").GetBoolean());
        await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() => Bot.SendMessage(4001, "x"));
    }

    [Fact]
    public async Task Random_faults_over_http_are_set_counted_and_cleared()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(Token, Emulator.BaseUrl.ToString()) { RetryThreshold = 0 });
        var set = await PostAsync("/driver/faults/random", new { server_error_rate = 1.0, methods = new[] { "sendMessage" }, seed = 5 });
        Assert.Equal(1.0, set.GetProperty("faults").GetProperty("server_error_rate").GetDouble());

        var failed = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() => bot.SendMessage(GroupId, "x"));
        await bot.GetMe(); // not named: never hit

        Assert.True(failed.ErrorCode >= 500);
        var shown = await GetAsync("/driver/faults/random");
        Assert.Equal(1, shown.GetProperty("counts").GetProperty("calls").GetInt32());
        Assert.Equal(1, shown.GetProperty("counts").GetProperty("server_errors").GetInt32());
        using var cleared = await Http.DeleteAsync("/driver/faults/random");
        await bot.SendMessage(GroupId, "y");
        await PostAsync("/driver/faults/random", new { server_error_rate = 0.8, timeout_rate = 0.5 }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Faults_documents_and_the_call_log_over_http()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(Token, Emulator.BaseUrl.ToString()) { RetryThreshold = 0 });
        await PostAsync("/driver/faults", new { kind = "too_many_requests", method = "sendDocument", count = 1, retry_after_seconds = 3 });

        // The client disposes the stream it uploads, so each attempt gets its own.
        var flood = await Assert.ThrowsAsync<Telegram.Bot.Exceptions.ApiRequestException>(() =>
            bot.SendDocument(GroupId, Telegram.Bot.Types.InputFile.FromStream(new MemoryStream([9, 8, 7]), "report.txt")));
        await bot.SendDocument(GroupId, Telegram.Bot.Types.InputFile.FromStream(new MemoryStream([9, 8, 7]), "report.txt"));

        Assert.Equal(3, flood.Parameters!.RetryAfter);
        var documents = await GetAsync($"/driver/documents?chat_id={GroupId}");
        var fileId = documents[0].GetProperty("file_id").GetString();
        Assert.Equal("report.txt", documents[0].GetProperty("file_name").GetString());
        Assert.Equal([9, 8, 7], await Http.GetByteArrayAsync($"/driver/documents/{fileId}/content"));
        var calls = await GetAsync("/driver/api-calls?method=sendDocument");
        Assert.Equal([429, 200], calls.EnumerateArray().Select(c => c.GetProperty("status_code").GetInt32()));
        Assert.Equal(GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), calls[0].GetProperty("chat_id").GetString());
    }

    [Fact]
    public async Task Advancing_time_without_a_clock_hook_is_a_conflict_and_migrate_works_over_http()
    {
        await PostAsync("/driver/time/advance", new { seconds = 60 }, HttpStatusCode.Conflict);
        await PostAsync("/driver/chats", new { id = -3003, type = "group", title = "Small" });

        var migrated = await PostAsync("/driver/chats/-3003/migrate", new { supergroup_id = -1003003 });

        Assert.Equal(-1003003, migrated.GetProperty("supergroup_id").GetInt64());
        var old = await GetAsync("/driver/chats/-3003");
        Assert.Equal(-1003003, old.GetProperty("migrated_to_chat_id").GetInt64());
    }

    [Fact]
    public async Task A_member_pays_an_invoice_over_http_and_the_payment_replay_and_refund_read_back()
    {
        await PostAsync("/driver/users/1001/start", new { });
        var invoice = await Bot.SendInvoice(Alice, "Rice", "A bag", "buy:9", "XTR", [new LabeledPrice("Rice", 300)]);
        var shown = await GetAsync($"/driver/chats/{Alice}/messages/{invoice.MessageId}");
        Assert.Equal(300, shown.GetProperty("invoice").GetProperty("total_amount").GetInt64());
        Assert.Equal("buy:9", shown.GetProperty("invoice").GetProperty("payload").GetString());

        var pay = await PostAsync($"/driver/chats/{Alice}/messages/{invoice.MessageId}/pay", new { user_id = Alice });
        var queryId = pay.GetProperty("pre_checkout_query_id").GetString()!;
        Assert.False((await GetAsync($"/driver/pre-checkout-queries/{queryId}")).GetProperty("answered").GetBoolean());
        await PostAsync($"/driver/pre-checkout-queries/{queryId}/wait", new { timeout_ms = 50 }, HttpStatusCode.RequestTimeout);
        await Bot.AnswerPreCheckoutQuery(queryId);

        var answer = await PostAsync($"/driver/pre-checkout-queries/{queryId}/wait", new { timeout_ms = 2000 });
        Assert.True(answer.GetProperty("ok").GetBoolean());
        var payment = await GetAsync($"/driver/pre-checkout-queries/{queryId}/payment");
        Assert.Equal("tg_charge_1", payment.GetProperty("telegram_payment_charge_id").GetString());
        var replay = await PostAsync("/driver/payments/tg_charge_1/replay", new { });
        Assert.True(replay.GetProperty("update_id").GetInt32() > 0);
        Assert.Equal(1, (await GetAsync("/driver/payments")).GetArrayLength());
        await Bot.RefundStarPayment(Alice, "tg_charge_1");
        Assert.Equal(300, (await GetAsync("/driver/star-refunds"))[0].GetProperty("total_amount").GetInt64());

        var messages = await GetAsync($"/driver/chats/{Alice}/messages");
        Assert.Equal(2, messages.EnumerateArray().Count(m => m.TryGetProperty("service_event", out var e) && e.GetString() == "successful_payment"));
        using var unknown = await Http.GetAsync("/driver/pre-checkout-queries/42");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await PostAsync($"/driver/chats/{Alice}/messages/{invoice.MessageId}/pay", new { user_id = Alice }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_chats_are_404_and_bad_bodies_are_400()
    {
        using var missing = await Http.GetAsync("/driver/chats/-999999/messages");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var error = await PostAsync("/driver/chats", new { id = 5, type = "group" }, HttpStatusCode.BadRequest);
        Assert.Contains("negative", error.GetProperty("error").GetString());
    }
}
