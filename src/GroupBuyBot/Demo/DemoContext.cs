using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.Core.Localization;
using GroupBuyBot.Playground;

namespace GroupBuyBot.Demo;

/// <summary>What a step can do: speak and tap as members through the emulator, and wait for the bot's answers.</summary>
public sealed class DemoContext(EmulatorState telegram, DemoTranscript transcript, Language language, TimeSpan patience)
{
    private const long Group = PlaygroundGroup.ChatId;

    public Language Language { get; } = language;

    /// <summary>The live list as last seen by <see cref="WaitForList"/>.</summary>
    public EmulatedMessage? List { get; private set; }

    public string Text(string key, params object?[] args) => Texts.Get(Language, key, args);

    public PostedMessage Say(EmulatedUser member, string text, int? replyTo = null) => SayIn(Group, member, text, replyTo);

    /// <summary>A member speaks in another group (one <see cref="OpenGroup"/> made).</summary>
    public PostedMessage SayIn(long chatId, EmulatedUser member, string text, int? replyTo = null)
    {
        var posted = telegram.PostMessage(chatId, member.Id, text, replyTo);
        if (posted.UpdateId == 0) throw new DemoExpectationException($"The bot does not see the group, so it missed {member.FirstName}'s message.");
        return posted;
    }

    /// <summary>Another group with the bot in it: <paramref name="administrator"/> runs it, <paramref name="members"/> chat in it.</summary>
    public void OpenGroup(long chatId, string title, EmulatedUser administrator, IEnumerable<EmulatedUser> members)
    {
        telegram.UpsertUser(administrator);
        telegram.CreateChat(new ChatSpec(chatId, ChatKind.Supergroup, title));
        telegram.SetMemberStatus(chatId, administrator.Id, MemberStatus.Administrator);
        foreach (var member in members)
        {
            telegram.UpsertUser(member);
            telegram.SetMemberStatus(chatId, member.Id, MemberStatus.Member);
        }
    }

    /// <summary>Waits for a bot message in another group.</summary>
    public Task<EmulatedMessage> BotSaysIn(long chatId, Func<EmulatedMessage, bool> predicate, string what) =>
        Expect(chatId, m => m.IsFromBot && predicate(m), what);

    public PostedMessage ReplyToList(EmulatedUser member, string text) => Say(member, text, RequireList().MessageId);

    /// <summary>Waits for the bot's reply to <paramref name="message"/>.</summary>
    public Task<EmulatedMessage> ReplyTo(PostedMessage message, string what) =>
        BotSays(m => m.ReplyToMessageId == message.MessageId, what);

    /// <summary>Waits until buy #1's live list satisfies <paramref name="predicate"/> (edits included) and remembers it.</summary>
    public async Task<EmulatedMessage> WaitForList(Func<EmulatedMessage, bool> predicate, string what)
    {
        List = await BotSays(m => m.Text is { } text && text.StartsWith("🛒", StringComparison.Ordinal) && predicate(m), what);
        return List;
    }

    /// <summary>Waits for a bot message in the group that satisfies <paramref name="predicate"/>.</summary>
    public Task<EmulatedMessage> BotSays(Func<EmulatedMessage, bool> predicate, string what) =>
        Expect(Group, m => m.IsFromBot && predicate(m), what);

    /// <summary>Waits for a bot message in <paramref name="member"/>'s private chat with the bot.</summary>
    public Task<EmulatedMessage> BotSaysPrivately(EmulatedUser member, Func<EmulatedMessage, bool> predicate, string what) =>
        Expect(member.Id, m => m.IsFromBot && predicate(m), what);

    /// <summary>A user the group does not know yet (a supplier) appears in the emulated Telegram.</summary>
    public void Meet(EmulatedUser user) => telegram.UpsertUser(user);

    /// <summary><paramref name="user"/> opens the bot's link (<c>t.me/bot?start=payload</c>) and presses Start.</summary>
    public Task<EmulatedMessage> StartPrivateChat(EmulatedUser user, string? payload = null)
    {
        var started = telegram.StartBot(user.Id, payload);
        return BotSaysPrivately(user, m => m.MessageId > started.MessageId, $"the bot's answer to {user.FirstName}'s /start");
    }

    /// <summary>Taps a button of the live list and returns the short answer the member sees.</summary>
    public Task<string> TapOnList(EmulatedUser member, string buttonText) => Tap(member, RequireList(), buttonText);

    /// <summary>Taps a button of <paramref name="message"/> (in the group or a private chat) and returns the answer the member sees.</summary>
    public async Task<string> Tap(EmulatedUser member, EmulatedMessage message, string buttonText)
    {
        var tap = telegram.TapButton(message.ChatId, message.MessageId, member.Id, buttonText: buttonText);
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (telegram.GetCallbackAnswer(tap.CallbackQueryId) is { Answered: true } answer)
            {
                transcript.Note(string.IsNullOrEmpty(answer.Text) ? $"{member.FirstName} taps [{buttonText}]" : $"{member.FirstName} taps [{buttonText}] → “{answer.Text}”");
                return answer.Text ?? "";
            }

            await Task.Delay(20);
        }

        throw new DemoExpectationException($"The bot did not answer {member.FirstName}'s tap on [{buttonText}].");
    }

    /// <summary>Fast-forwards the bot's clock (deadlines, reminders).</summary>
    public async Task AdvanceTime(TimeSpan by)
    {
        await telegram.AdvanceTime(by);
        transcript.Note(by < TimeSpan.FromHours(1) ? $"{by.TotalMinutes:0} minutes pass" : $"{by.TotalHours:0.#} hours pass");
    }

    private EmulatedMessage RequireList() => List ?? throw new DemoExpectationException("There is no live list to act on yet.");

    private async Task<EmulatedMessage> Expect(long chatId, Func<EmulatedMessage, bool> predicate, string what)
    {
        try
        {
            return await telegram.WaitForMessage(chatId, predicate, patience);
        }
        catch (TimeoutException)
        {
            throw new DemoExpectationException($"Expected {what} within {patience.TotalSeconds:0} s, but it did not appear.");
        }
    }
}
