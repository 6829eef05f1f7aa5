using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Emulator = GroupBuyBot.BotApiEmulator.BotApiEmulator;

namespace GroupBuyBot.IntegrationTests.Telegram;

/// <summary>
/// The real worker host with the real TelegramBotClient, talking to the loopback Bot API emulator, on a real
/// SQLite file, or on a database of its own on the test run's PostgreSQL server. Tests speak as members through the
/// emulator's driver and read what members see.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const long GroupId = -1001;
    public const string Token = "123456:TEST-token-for-the-emulator";

    // How long a wait for the bot's message may last before the test fails. A ceiling, not a timing check: the wait
    // returns as soon as the message is there. 10 s failed a test once on a 2-core machine at load average 30 (a cold
    // bot's first announcement); nothing here asserts speed.
    private const int WaitSeconds = 30;

    public static readonly EmulatedUser Alice = new(11, "Alice", Username: "alice");   // administrator
    public static readonly EmulatedUser Bob = new(12, "Bob", Username: "bob");
    public static readonly EmulatedUser Carol = new(13, "Carol", Username: "carol");
    public static readonly EmulatedUser Dave = new(14, "Dave", Username: "dave");
    public static readonly EmulatedUser Erin = new(15, "Erin", Username: "erin");
    public static readonly EmulatedUser Frank = new(16, "Frank", Username: "frank");
    public static readonly EmulatedUser Grace = new(17, "Grace", Username: "grace");

    private readonly TempDirectory _data = new();
    private readonly string _language;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly CapturedLogs? _logs;
    private IHost? _host;
    private bool _systemClock;

    private BotHarness(Emulator emulator, string language, IReadOnlyDictionary<string, string?>? settings, CapturedLogs? logs, TestDatabase? postgres)
    {
        Emulator = emulator;
        _language = language;
        _settings = settings ?? new Dictionary<string, string?>();
        _logs = logs;
        Postgres = postgres;
        var options = new DatabaseOptions { DataDirectory = _data.Path };
        if (postgres is not null) (options.Provider, options.ConnectionString) = (DatabaseProviderKind.Postgres, postgres.ConnectionString);
        Database = DatabaseProvider.For(options);
    }

    public Emulator Emulator { get; }
    public EmulatorState Telegram => Emulator.State;
    public FakeTimeProvider Time { get; } = Clock.Fake();

    /// <summary>The running bot's services, e.g. to reach an entry point a test drives directly.</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>The folder of the bot's SQLite files.</summary>
    public string DataDirectory => _data.Path;

    /// <summary>The bot's database provider, as the bot is configured: <see cref="DatabaseProvider.CreateContext"/> reads what it stored.</summary>
    public DatabaseProvider Database { get; }

    /// <summary>The test's own PostgreSQL database, when the bot runs on PostgreSQL.</summary>
    public TestDatabase? Postgres { get; }

    /// <param name="settings">Extra configuration, e.g. <c>GroupBuyBot:Scheduling:ReminderOffsets</c>.</param>
    /// <param name="logs">Receives every log line of the bot, at Trace level and in all categories.</param>
    /// <param name="route">Given the emulator's address, the address the bot should use (e.g. a relay in front of it).</param>
    /// <param name="database">SQLite (a file in a temporary folder) or PostgreSQL (a new database on the run's server).</param>
    /// <param name="routeDatabase">PostgreSQL: given the test database's connection string, the one the bot should use (e.g. through a relay).</param>
    /// <param name="systemClock">
    /// The bot on real time instead of <see cref="Time"/>. For tests that cut the database off: Quartz waits out its
    /// retry interval after a failed database call on the bot's clock, and a fake clock that never moves would hold
    /// its shutdown for ever.
    /// </param>
    public static async Task<BotHarness> Start(string language = "en", IReadOnlyDictionary<string, string?>? settings = null, CapturedLogs? logs = null,
        Func<Uri, Uri>? route = null, DatabaseProviderKind database = DatabaseProviderKind.Sqlite, Func<string, string>? routeDatabase = null,
        bool systemClock = false)
    {
        var postgres = database == DatabaseProviderKind.Postgres ? await (await PostgresServer.Get()).CreateDatabase() : null;
        var emulator = await Emulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyTestBot" });
        var withRoute = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (route is not null) withRoute["GroupBuyBot:Telegram:ApiBaseUrl"] = route(emulator.BaseUrl).ToString();
        if (postgres is not null && routeDatabase is not null) withRoute["GroupBuyBot:Database:ConnectionString"] = routeDatabase(postgres.ConnectionString);
        var harness = new BotHarness(emulator, language, withRoute, logs, postgres) { _systemClock = systemClock };
        foreach (var user in new[] { Alice, Bob, Carol, Dave, Erin, Frank, Grace }) harness.Telegram.UpsertUser(user);
        harness.Telegram.CreateChat(new ChatSpec(GroupId, ChatKind.Supergroup, "Sunny Garden parents"));
        harness.Telegram.SetMemberStatus(GroupId, Alice.Id, MemberStatus.Administrator);
        foreach (var user in new[] { Bob, Carol, Dave, Erin, Frank, Grace }) harness.Telegram.SetMemberStatus(GroupId, user.Id, MemberStatus.Member);
        await harness.StartBot();
        return harness;
    }

    /// <summary>Starts the worker (again), on the same database.</summary>
    public async Task StartBot()
    {
        var builder = BotHost.CreateBuilder([], Settings());
        builder.Logging.ClearProviders();
        if (_logs is not null)
        {
            // A rule for this provider wins over the bot's quieter category filters: it sees everything.
            builder.Logging.AddProvider(_logs);
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }

        if (!_systemClock) builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        _host = builder.Build();
        await _host.StartAsync();
    }

    /// <summary>The bot's configuration in this harness (a second instance on the same database starts from it).</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["GroupBuyBot:Telegram:BotToken"] = Token,
            ["GroupBuyBot:Telegram:ApiBaseUrl"] = Emulator.BaseUrl.ToString(),
            ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "1",
            ["GroupBuyBot:Telegram:RequestTimeoutSeconds"] = "2", // a hung call is abandoned after 3 s: fault tests stay short
            ["GroupBuyBot:Telegram:ListEditIntervalMs"] = "150",
            ["GroupBuyBot:Telegram:PerChatMessagesPerSecond"] = "1000",
            ["GroupBuyBot:Telegram:PerChatBurst"] = "1000",
            ["GroupBuyBot:Telegram:PerGroupMessagesPerMinute"] = "100000",
            ["GroupBuyBot:Telegram:GlobalMessagesPerSecond"] = "1000",
            ["GroupBuyBot:Database:DataDirectory"] = _data.Path,
            ["GroupBuyBot:Database:Provider"] = Database.Kind.ToString(),
            ["GroupBuyBot:Database:ConnectionString"] = Postgres?.ConnectionString ?? "",
            ["GroupBuyBot:Chats:Language"] = _language,
            ["GroupBuyBot:Chats:TimeZone"] = "Asia/Shanghai",

            // Discovery reads a window once the chat has been quiet this long: short, so stories run fast.
            ["GroupBuyBot:Discovery:BatchQuietMilliseconds"] = "300",
            ["GroupBuyBot:Discovery:SharedCallWaitMilliseconds"] = "0", // with a model too: no wait for other chats' windows
        };
        foreach (var (key, value) in _settings) settings[key] = value; // a test's setting replaces the default
        return settings;
    }

    /// <summary>
    /// PostgreSQL: waits until the bot's clustered scheduler has checked in once (its row in <c>qrtz_scheduler_state</c>).
    /// A test that cuts the database off must wait for it: Quartz 4.7's scheduler whose first check-in failed throws
    /// a NullReferenceException when it is shut down (ClusterManager.Shutdown).
    /// </summary>
    public async Task WaitForSchedulerCheckIn()
    {
        var postgres = Postgres ?? throw new InvalidOperationException("Only a clustered scheduler (PostgreSQL) checks in.");
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString))
            {
                await connection.OpenAsync();
                await using var count = new Npgsql.NpgsqlCommand(
                    "SELECT CASE WHEN to_regclass('qrtz_scheduler_state') IS NULL THEN 0 ELSE (SELECT count(*) FROM qrtz_scheduler_state) END", connection);
                if (Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0) return;
            }

            if (DateTime.UtcNow > until) throw new TimeoutException("The bot's scheduler did not check in.");
            await Task.Delay(100);
        }
    }

    public async Task StopBot()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
    }

    public PostedMessage Say(EmulatedUser user, string text, int? replyTo = null) => Telegram.PostMessage(GroupId, user.Id, text, replyTo);

    /// <summary>Waits for a bot message in the group that satisfies <paramref name="predicate"/>.</summary>
    public Task<EmulatedMessage> BotMessage(Func<EmulatedMessage, bool> predicate, int timeoutSeconds = WaitSeconds) =>
        Telegram.WaitForMessage(GroupId, m => m.IsFromBot && predicate(m), TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>Waits for the bot's reply to a given message.</summary>
    public Task<EmulatedMessage> ReplyTo(PostedMessage message, int timeoutSeconds = WaitSeconds) =>
        BotMessage(m => m.ReplyToMessageId == message.MessageId, timeoutSeconds);

    /// <summary>The live list of buy #<paramref name="number"/>, once its text satisfies <paramref name="predicate"/>.</summary>
    public Task<EmulatedMessage> List(int number, Func<string, bool>? predicate = null, int timeoutSeconds = WaitSeconds) =>
        BotMessage(m => m.Text is { } text && IsList(text, number) && (predicate?.Invoke(text) ?? true), timeoutSeconds);

    public EmulatedMessage CurrentList(int number) =>
        Telegram.GetMessages(GroupId).Last(m => m.IsFromBot && m.Text is { } text && IsList(text, number));

    /// <summary>Waits for a private message from the bot to <paramref name="user"/>.</summary>
    public Task<EmulatedMessage> PrivateMessage(EmulatedUser user, Func<EmulatedMessage, bool> predicate, int timeoutSeconds = WaitSeconds) =>
        Telegram.WaitForMessage(user.Id, m => m.IsFromBot && predicate(m), TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>The bot's messages in the private chat with <paramref name="user"/> so far.</summary>
    public IReadOnlyList<EmulatedMessage> PrivateMessages(EmulatedUser user) =>
        Telegram.GetChats().Any(c => c.Id == user.Id) ? [.. Telegram.GetMessages(user.Id).Where(m => m.IsFromBot)] : [];

    /// <summary>The user opens a private chat with the bot and presses Start (optionally with a deep-link payload).</summary>
    public async Task<EmulatedMessage> StartPrivateChat(EmulatedUser user, string? payload = null)
    {
        var started = Telegram.StartBot(user.Id, payload);
        return await Telegram.WaitForMessage(user.Id, m => m.IsFromBot && m.MessageId > started.MessageId, TimeSpan.FromSeconds(WaitSeconds));
    }

    /// <summary>Bot messages in the group whose text contains <paramref name="text"/>.</summary>
    public IReadOnlyList<EmulatedMessage> GroupMessagesContaining(string text) =>
        [.. Telegram.GetMessages(GroupId).Where(m => m.IsFromBot && m.Text?.Contains(text, StringComparison.Ordinal) == true)];

    public TappedButton Tap(EmulatedUser user, EmulatedMessage message, string buttonText) =>
        Telegram.TapButton(GroupId, message.MessageId, user.Id, buttonText: buttonText);

    /// <summary>
    /// Moves the bot's clock a minute at a time (its periodic sweeps run every minute), waiting a moment after each, until
    /// <paramref name="done"/>; false when it is not, after <paramref name="maxMinutes"/> minutes of the bot's time.
    /// </summary>
    public async Task<bool> AdvanceMinutesUntil(Func<bool> done, int maxMinutes = 30)
    {
        for (var minute = 0; minute < maxMinutes; minute++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            for (var wait = 0; wait < 10; wait++)
            {
                if (done()) return true;
                await Task.Delay(50);
            }
        }

        return done();
    }

    /// <summary>Waits until the bot answered a button tap, and returns what the member saw.</summary>
    public async Task<string?> Answer(TappedButton tap, int timeoutSeconds = WaitSeconds)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            if (Telegram.GetCallbackAnswer(tap.CallbackQueryId) is { Answered: true } answer) return answer.Text;
            await Task.Delay(20);
        }

        throw new TimeoutException($"The tap {tap.CallbackQueryId} was not answered.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopBot();
        await Emulator.DisposeAsync();
        Database.ClearPools();
        if (Postgres is not null) await Postgres.DisposeAsync();
        _data.Dispose();
    }

    private static bool IsList(string text, int number) =>
        text.StartsWith("🛒", StringComparison.Ordinal) && (text.Contains($"#{number}:", StringComparison.Ordinal) || text.Contains($"#{number}：", StringComparison.Ordinal));
}
