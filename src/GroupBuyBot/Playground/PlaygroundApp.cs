using System.Net;
using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.Infrastructure.Persistence.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GroupBuyBot.Playground;

/// <summary>How to start a playground: the mode, the demo and the browser test differ only in these.</summary>
public sealed record PlaygroundSettings
{
    /// <summary>Loopback port of the page and the emulator; 0 or taken: any free port.</summary>
    public int Port { get; init; }

    /// <summary>Folder of this run's SQLite files; emptied at start (the emulator starts empty too).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Null: SQLite in <see cref="DataDirectory"/>. Otherwise the PostgreSQL database of this run (its own, never the
    /// bot's: <see cref="PostgresDatabase.PlaygroundConnectionString"/>), dropped and created empty at start.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Title of the seeded group.</summary>
    public string GroupTitle { get; init; } = "阳光花园 Sunny Garden";

    /// <summary>Default chat language (zh/en); null keeps the configured one.</summary>
    public string? ChatLanguage { get; init; }

    /// <summary>No console logging (the demo prints its own transcript; tests keep their output clean).</summary>
    public bool Quiet { get; init; }

    /// <summary>Further configuration, applied last (tests speed up the live-list edits with it).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Registers services before the playground's defaults (which are only added when missing).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>
/// One Kestrel app on 127.0.0.1 that serves the emulated Telegram (Bot API and driver), the playground page and
/// its endpoints, and runs the real bot against it, on a clock that can be fast-forwarded.
/// </summary>
public sealed class PlaygroundApp : IAsyncDisposable
{
    public const string Token = "100000:PLAYGROUND-emulated-bot-token";
    public const string BotUsername = "GroupBuyBot";

    private readonly WebApplication _app;
    private readonly string? _postgres;

    private PlaygroundApp(WebApplication app, EmulatorState telegram, OffsetTimeProvider clock, Uri baseUrl, string? postgres)
    {
        _app = app;
        _postgres = postgres;
        Telegram = telegram;
        Clock = clock;
        BaseUrl = baseUrl;
    }

    /// <summary>http://127.0.0.1:PORT/ — the page, the Bot API and the driver.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The emulated Telegram's driver: what the page does over HTTP, in C#.</summary>
    public EmulatorState Telegram { get; }

    public OffsetTimeProvider Clock { get; }

    public IServiceProvider Services => _app.Services;

    public static PlaygroundApp Create(string[] args, PlaygroundSettings settings)
    {
        var port = LoopbackPort.Choose(settings.Port);
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        if (Directory.Exists(settings.DataDirectory)) Directory.Delete(settings.DataDirectory, recursive: true);

        var clock = new OffsetTimeProvider();
        var telegram = new EmulatorState(new BotApiEmulatorOptions
        {
            BotToken = Token,
            BotUsername = BotUsername,
            BotFirstName = BotUsername,
            TimeProvider = clock,
            OnAdvanceTime = by =>
            {
                clock.Advance(by);
                return Task.CompletedTask;
            },
        });
        PlaygroundGroup.Seed(telegram, settings.GroupTitle);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        var overrides = new Dictionary<string, string?>
        {
            ["GroupBuyBot:Telegram:BotToken"] = Token,
            ["GroupBuyBot:Telegram:ApiBaseUrl"] = baseUrl.ToString(),
            // Short polls so Ctrl+C is quick; a live list that follows taps within a second; admin changes
            // made on the page count almost at once.
            ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "2",
            ["GroupBuyBot:Telegram:ListEditIntervalMs"] = "1000",
            ["GroupBuyBot:Telegram:AdministratorCacheSeconds"] = "2",
            // Discovery reads the talk after 2 s of quiet rather than 3 minutes: the need board fills while you watch.
            ["GroupBuyBot:Discovery:BatchQuietMilliseconds"] = "2000",
            ["GroupBuyBot:Discovery:SharedCallWaitMilliseconds"] = "0", // with a model too: no wait for other chats' windows
            [$"{DatabaseOptions.Section}:DataDirectory"] = settings.DataDirectory,

            // Each run starts afresh: in a throwaway folder, or in a database of its own that StartAsync recreates.
            [$"{DatabaseOptions.Section}:Provider"] = settings.PostgresConnectionString is null
                ? nameof(DatabaseProviderKind.Sqlite) : nameof(DatabaseProviderKind.Postgres),
            [$"{DatabaseOptions.Section}:ConnectionString"] = settings.PostgresConnectionString ?? "",
        };
        if (settings.ChatLanguage is { } language) overrides["GroupBuyBot:Chats:Language"] = language;
        foreach (var (key, value) in settings.Overrides) overrides[key] = value;
        BotHost.AddBot(builder, overrides);

        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (settings.Quiet) builder.Logging.ClearProviders();

        settings.ConfigureServices?.Invoke(builder.Services);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.AddSingleton(telegram);
        builder.Services.AddSingleton(clock);
        builder.Services.AddHttpClient(nameof(global::Telegram.Bot.TelegramBotClient))
            .AddHttpMessageHandler(services => new ServerReadyHandler(services.GetRequiredService<IHostApplicationLifetime>()));

        var app = builder.Build();
        app.MapBotApiEmulator(telegram);
        app.MapPlayground(PlaygroundGroup.ChatId);
        return new PlaygroundApp(app, telegram, clock, baseUrl, settings.PostgresConnectionString);
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_postgres is not null) await PostgresDatabase.Recreate(_postgres, ct);
        await _app.StartAsync(ct);
    }

    /// <summary>After <see cref="StartAsync"/>: returns when the app is stopped (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Telegram.Dispose();
    }
}
