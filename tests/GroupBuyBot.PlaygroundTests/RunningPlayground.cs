using GroupBuyBot.Playground;
using GroupBuyBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace GroupBuyBot.PlaygroundTests;

/// <summary>A playground started in-process on a free port, as <c>dotnet run</c> starts it, with a fast live list.</summary>
public sealed class RunningPlayground : IAsyncDisposable
{
    private readonly TempDirectory _data = new();

    private RunningPlayground(Func<TempDirectory, PlaygroundApp> create) => App = create(_data);

    public PlaygroundApp App { get; }

    public Uri BaseUrl => App.BaseUrl;

    /// <param name="settings">More of the bot's settings (e.g. <c>GroupBuyBot:Health:Port</c>).</param>
    /// <param name="postgres">The playground's PostgreSQL database (recreated at start); null: SQLite.</param>
    public static async Task<RunningPlayground> Start(string chatLanguage = "en", Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? settings = null, string? postgres = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "1",
            ["GroupBuyBot:Telegram:ListEditIntervalMs"] = "200",
            ["GroupBuyBot:Telegram:PerChatMessagesPerSecond"] = "100",
            ["GroupBuyBot:Telegram:PerChatBurst"] = "100",
            ["GroupBuyBot:Telegram:PerGroupMessagesPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) overrides[key] = value;
        var playground = new RunningPlayground(data => PlaygroundApp.Create([], new PlaygroundSettings
        {
            DataDirectory = System.IO.Path.Combine(data.Path, "playground"),
            PostgresConnectionString = postgres,
            ChatLanguage = chatLanguage,
            Quiet = true,
            ConfigureServices = configureServices,
            Overrides = overrides,
        }));
        await playground.App.StartAsync();
        return playground;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
