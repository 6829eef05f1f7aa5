using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace GroupBuyBot.BotApiEmulator.Tests;

public sealed class MessagingTests : EmulatorTestBase
{
    [Fact]
    public async Task SendMessage_is_stored_and_message_ids_increase_per_chat()
    {
        var first = await Bot.SendMessage(GroupId, "hello");
        var second = await Bot.SendMessage(GroupId, "again");

        Assert.Equal(1, first.MessageId);
        Assert.Equal(2, second.MessageId);
        Assert.Equal(GroupId, second.Chat.Id);
        Assert.True(second.From!.IsBot);
        var stored = Emulator.State.GetMessages(GroupId);
        Assert.Equal(["hello", "again"], stored.Select(m => m.Text));
        Assert.All(stored, m => Assert.True(m.IsFromBot));
    }

    [Fact]
    public async Task SetMessageReaction_puts_the_bots_emoji_on_a_members_message_and_an_empty_list_removes_it()
    {
        var member = Emulator.State.PostMessage(GroupId, Alice, "maybe two for us?");

        await Bot.SetMessageReaction(GroupId, member.MessageId, [new ReactionTypeEmoji { Emoji = "👀" }]);
        Assert.Equal("👀", Emulator.State.GetMessage(GroupId, member.MessageId)!.BotReaction);

        await Bot.SetMessageReaction(GroupId, member.MessageId, []);
        Assert.Null(Emulator.State.GetMessage(GroupId, member.MessageId)!.BotReaction);

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetMessageReaction(GroupId, 999, [new ReactionTypeEmoji { Emoji = "👀" }]));
        Assert.Equal(400, missing.ErrorCode);
    }

    [Fact]
    public async Task Html_is_rendered_for_members_and_raw_text_is_kept()
    {
        const string html = "<b>Rice</b> &amp; <i>beans</i> &lt;5kg&gt; &quot;fresh&quot;";

        var sent = await Bot.SendMessage(GroupId, html, parseMode: ParseMode.Html);

        Assert.Equal("Rice & beans <5kg> \"fresh\"", sent.Text);
        var stored = Emulator.State.GetMessage(GroupId, sent.MessageId)!;
        Assert.Equal("Rice & beans <5kg> \"fresh\"", stored.Text);
        Assert.Equal(html, stored.RawText);
        Assert.Equal("Html", stored.ParseMode, ignoreCase: true);
    }

    [Theory]
    [InlineData("<b>unclosed")]
    [InlineData("<b>wrong</i>")]
    [InlineData("a <br> b")]
    [InlineData("5 < 6 <x")]
    public async Task Malformed_html_is_a_bad_request(string html)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(GroupId, html, parseMode: ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities", error.Message);
        Assert.Empty(Emulator.State.GetMessages(GroupId));
    }

    [Fact]
    public async Task MarkdownV2_is_rendered_and_unescaped_reserved_characters_are_rejected()
    {
        var sent = await Bot.SendMessage(GroupId, "*Total:* 12\\.50 \\(2 items\\)", parseMode: ParseMode.MarkdownV2);
        Assert.Equal("Total: 12.50 (2 items)", sent.Text);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(GroupId, "12.50", parseMode: ParseMode.MarkdownV2));
        Assert.Contains("reserved", error.Message);
    }

    [Fact]
    public async Task Text_longer_than_4096_characters_is_too_long()
    {
        await Bot.SendMessage(GroupId, new string('x', 4096));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(GroupId, new string('x', 4097)));

        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task Editing_with_the_same_content_is_not_modified()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Join", "join:1"));
        var sent = await Bot.SendMessage(GroupId, "Order #1", replyMarkup: keyboard);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            Bot.EditMessageText(GroupId, sent.MessageId, "Order #1", replyMarkup: keyboard));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            error.Message);
        Assert.Equal(0, Emulator.State.GetMessage(GroupId, sent.MessageId)!.EditCount);
    }

    [Fact]
    public async Task Editing_changes_text_counts_edits_and_drops_a_keyboard_left_out()
    {
        var sent = await Bot.SendMessage(GroupId, "Order #1", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Join", "join:1")));

        var edited = await Bot.EditMessageText(GroupId, sent.MessageId, "Order #1 (closed)");

        Assert.Equal("Order #1 (closed)", edited.Text);
        Assert.NotNull(edited.EditDate);
        var stored = Emulator.State.GetMessage(GroupId, sent.MessageId)!;
        Assert.Equal(1, stored.EditCount);
        Assert.Empty(stored.Buttons);
    }

    [Fact]
    public async Task EditMessageReplyMarkup_replaces_buttons_and_rejects_the_same_markup()
    {
        var sent = await Bot.SendMessage(GroupId, "Order", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("A", "a")));
        var newMarkup = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("B", "b")], [InlineKeyboardButton.WithUrl("Site", "https://example.com")]]);

        await Bot.EditMessageReplyMarkup(GroupId, sent.MessageId, newMarkup);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageReplyMarkup(GroupId, sent.MessageId, newMarkup));

        Assert.Contains("message is not modified", error.Message);
        var buttons = Emulator.State.GetMessage(GroupId, sent.MessageId)!.Buttons;
        Assert.Equal("b", buttons[0][0].CallbackData);
        Assert.Equal("Site", buttons[1][0].Text);
    }

    [Fact]
    public async Task Editing_an_unknown_or_deleted_message_is_not_found()
    {
        var sent = await Bot.SendMessage(GroupId, "temp");
        await Bot.DeleteMessage(GroupId, sent.MessageId);

        var deleted = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(GroupId, sent.MessageId, "x"));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageText(GroupId, 999, "x"));

        Assert.Equal("Bad Request: message to edit not found", deleted.Message);
        Assert.Equal("Bad Request: message to edit not found", unknown.Message);
        Assert.True(Emulator.State.GetMessage(GroupId, sent.MessageId)!.IsDeleted);
        Assert.Empty(Emulator.State.GetMessages(GroupId, includeDeleted: false));
    }

    [Fact]
    public async Task Replies_and_forum_threads_are_recorded()
    {
        const long forumId = -1002;
        Emulator.State.CreateChat(new Models.ChatSpec(forumId, Models.ChatKind.Supergroup, "Forum", IsForum: true));
        var question = Emulator.State.PostMessage(forumId, Alice, "how much?", messageThreadId: 7);

        var answer = await Bot.SendMessage(forumId, "5 yuan", messageThreadId: 7, replyParameters: new ReplyParameters { MessageId = question.MessageId });

        Assert.Equal(7, answer.MessageThreadId);
        Assert.Equal(question.MessageId, answer.ReplyToMessage!.MessageId);
        var stored = Emulator.State.GetMessage(forumId, answer.MessageId)!;
        Assert.Equal(question.MessageId, stored.ReplyToMessageId);
        Assert.Equal(7, stored.MessageThreadId);
        await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(forumId, "x", replyParameters: new ReplyParameters { MessageId = 99 }));
    }

    [Fact]
    public async Task Documents_keep_their_name_and_bytes()
    {
        byte[] content = [1, 2, 3, 42];
        using var stream = new MemoryStream(content);

        var sent = await Bot.SendDocument(GroupId, InputFile.FromStream(stream, "orders.csv"), caption: "<b>Orders</b>", parseMode: ParseMode.Html);

        Assert.Equal("orders.csv", sent.Document!.FileName);
        Assert.Equal("Orders", sent.Caption);
        var document = Assert.Single(Emulator.State.GetDocuments(GroupId));
        Assert.Equal("orders.csv", document.FileName);
        Assert.Equal(content, document.Content);
        Assert.Equal(sent.MessageId, document.MessageId);
    }

    [Fact]
    public async Task Chat_members_and_administrators_are_reported()
    {
        Emulator.State.SetMemberStatus(GroupId, Bob, Models.MemberStatus.Administrator);

        var alice = await Bot.GetChatMember(GroupId, Alice);
        var admins = await Bot.GetChatAdministrators(GroupId);
        var chat = await Bot.GetChat(GroupId);

        Assert.Equal(ChatMemberStatus.Creator, alice.Status);
        Assert.Equal([Alice, Bob], admins.Select(a => a.User.Id).Order());
        Assert.Equal("Group buy", chat.Title);
        await Bot.SendChatAction(GroupId, ChatAction.Typing);
        await Bot.SetMyCommands([new BotCommand("join", "Join an order")]);
        Assert.Equal(("join", "Join an order"), Assert.Single(Emulator.State.GetBotCommands()));
    }

    [Fact]
    public async Task Sending_to_an_unknown_chat_is_chat_not_found()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(-42, "hi"));

        Assert.Equal("Bad Request: chat not found", error.Message);
    }
}
