using GroupBuyBot.BotApiEmulator.Models;
using Telegram.Bot;

namespace GroupBuyBot.BotApiEmulator.Tests;

/// <summary>One emulator and a real TelegramBotClient per test, plus a group with two members.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected const string Token = "123456:TEST-TOKEN";
    protected const long GroupId = -1001;
    protected const long Alice = 1001;
    protected const long Bob = 1002;

    protected BotApiEmulator Emulator { get; private set; } = null!;

    protected TelegramBotClient Bot { get; private set; } = null!;

    protected virtual BotApiEmulatorOptions CreateOptions() => new() { BotToken = Token, BotUsername = "GroupBuyTestBot" };

    public async Task InitializeAsync()
    {
        Emulator = await BotApiEmulator.StartAsync(CreateOptions());
        Bot = new TelegramBotClient(new TelegramBotClientOptions(Token, Emulator.BaseUrl.ToString()));
        Emulator.State.UpsertUser(new EmulatedUser(Alice, "Alice", Username: "alice", LanguageCode: "en"));
        Emulator.State.UpsertUser(new EmulatedUser(Bob, "Bob"));
        Emulator.State.CreateChat(new ChatSpec(GroupId, ChatKind.Supergroup, "Group buy"));
        Emulator.State.SetMemberStatus(GroupId, Alice, MemberStatus.Creator);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
