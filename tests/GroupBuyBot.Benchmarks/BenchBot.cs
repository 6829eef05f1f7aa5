using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Emulator = GroupBuyBot.BotApiEmulator.BotApiEmulator;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// The real worker (BotHost, as Program.cs builds it) polling the loopback emulator, on a SQLite file in a
/// temporary folder. Rate limits are set high: the emulator is not Telegram, and the bot is what is measured.
/// </summary>
public sealed class BenchBot : IAsyncDisposable
{
    public const string Token = "123456:BENCH-token-for-the-emulator";
    public const long AdminId = 1;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "groupbuybot-bench", Guid.NewGuid().ToString("N"));
    private IHost? _host;

    private BenchBot(Emulator emulator) => Emulator = emulator;

    public Emulator Emulator { get; }
    public EmulatorState Telegram => Emulator.State;
    public string DatabasePath => Path.Combine(_dataDirectory, SqliteDatabase.FileName);

    public static async Task<BenchBot> Start()
    {
        var emulator = await Emulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyBenchBot" });
        emulator.State.UpsertUser(new EmulatedUser(AdminId, "Organizer", Username: "organizer"));
        var bench = new BenchBot(emulator);
        var builder = BotHost.CreateBuilder([], new Dictionary<string, string?>
        {
            ["GroupBuyBot:Telegram:BotToken"] = Token,
            ["GroupBuyBot:Telegram:ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "10",
            ["GroupBuyBot:Telegram:PerChatMessagesPerSecond"] = "100000",
            ["GroupBuyBot:Telegram:PerChatBurst"] = "100000",
            ["GroupBuyBot:Telegram:PerGroupMessagesPerMinute"] = "10000000",
            ["GroupBuyBot:Telegram:GlobalMessagesPerSecond"] = "100000",
            ["GroupBuyBot:Database:DataDirectory"] = bench._dataDirectory,
            ["GroupBuyBot:Chats:Language"] = "en",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        bench._host = builder.Build();
        await bench._host.StartAsync();
        return bench;
    }

    /// <summary>A supergroup whose administrator is <see cref="AdminId"/>.</summary>
    public void CreateGroup(long chatId)
    {
        Telegram.CreateChat(new ChatSpec(chatId, ChatKind.Supergroup, $"Bench group {chatId}"));
        Telegram.SetMemberStatus(chatId, AdminId, MemberStatus.Administrator);
    }

    /// <summary>The live list message of the chat's only buy, once the bot has posted it.</summary>
    public Task<EmulatedMessage> WaitForList(long chatId, TimeSpan timeout) =>
        Telegram.WaitForMessage(chatId, m => m.IsFromBot && m.Buttons.Count > 0, timeout);

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        await Emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp cleaner gets it later.
        }
    }
}
