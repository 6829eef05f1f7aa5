using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Modes;

/// <summary>
/// With no bot token, the real bot runs against the built-in Bot API emulator on 127.0.0.1, in a demo group
/// with a few members, so anyone can try it without Telegram or the network (see docs/emulator.md).
/// </summary>
public static class OfflineMode
{
    public const long DemoChatId = -1001;
    private const string Token = "100000:OFFLINE-emulated-bot-token";

    public static async Task<int> Run(string[] args)
    {
        var configuration = BotHost.CreateBuilder(args).Configuration;
        var port = configuration.GetValue("GroupBuyBot:Offline:Port", 8088);
        var dataDirectory = Path.Combine(configuration.GetValue("GroupBuyBot:Database:DataDirectory", "data")!, "offline");

        // The emulator starts empty each time, so the offline database does too (its update ids would not match).
        if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);

        await using var emulator = await StartEmulator(port);
        Seed(emulator);

        var host = BotHost.CreateBuilder(args, new Dictionary<string, string?>
        {
            ["GroupBuyBot:Telegram:BotToken"] = Token,
            ["GroupBuyBot:Telegram:ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "5",
            [$"{DatabaseOptions.Section}:DataDirectory"] = dataDirectory,
        }).Build();

        var url = emulator.BaseUrl.ToString().TrimEnd('/');
        Console.WriteLine($$"""
            GroupBuyBot is running offline: no Telegram token is configured, so it talks to the built-in
            Telegram emulator at {{url}} (group {{DemoChatId}}: Alice is an admin; Bob, Carol and Dave are members).

              Say something as Alice:  curl -s -X POST {{url}}/driver/chats/{{DemoChatId}}/messages -H 'Content-Type: application/json' -d '{"from_user_id":1,"text":"/newbuy Oranges | 60 | 3 | 2d"}'
              Read the chat:           curl -s {{url}}/driver/chats/{{DemoChatId}}/messages
              More (buttons, replies): docs/emulator.md        Use a real bot: set GroupBuyBot__Telegram__BotToken.
            Press Ctrl+C to stop.
            """);
        await host.RunAsync();
        return 0;
    }

    private static async Task<BotApiEmulator.BotApiEmulator> StartEmulator(int port)
    {
        try
        {
            return await BotApiEmulator.BotApiEmulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyBot", Port = port });
        }
        catch (IOException)
        {
            // The port is taken (another copy running?): any free port will do.
            return await BotApiEmulator.BotApiEmulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyBot" });
        }
    }

    private static void Seed(BotApiEmulator.BotApiEmulator emulator)
    {
        var state = emulator.State;
        EmulatedUser[] members = [new(1, "Alice", Username: "alice"), new(2, "Bob", Username: "bob"), new(3, "Carol", Username: "carol"), new(4, "Dave", Username: "dave")];
        foreach (var member in members) state.UpsertUser(member);
        state.CreateChat(new ChatSpec(DemoChatId, ChatKind.Supergroup, "GroupBuyBot demo"));
        state.SetMemberStatus(DemoChatId, 1, MemberStatus.Administrator);
        foreach (var member in members.Skip(1)) state.SetMemberStatus(DemoChatId, member.Id, MemberStatus.Member);
    }
}
