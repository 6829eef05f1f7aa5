using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Processes;
using Xunit.Abstractions;
using Emulator = GroupBuyBot.BotApiEmulator.BotApiEmulator;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>
/// The real bot as another process: <c>dotnet GroupBuyBot.dll</c> in bot mode (a well-formed token, long polling),
/// configured only by environment variables, against the Bot API emulator hosted in the test process on a free
/// 127.0.0.1 port, on a SQLite folder that survives restarts. The bot can be SIGKILLed and started again on the same
/// database; a start returns once the new process polls (it called getMe, then getUpdates).
/// </summary>
public sealed class ChildBotHarness : IAsyncDisposable
{
    public const long GroupId = -1001;

    /// <summary>Shaped like BotFather's, or the bot would refuse it (and without one it would open the playground).</summary>
    public const string Token = "123456:ABCdef-child-process-test-token";

    public static readonly EmulatedUser Alice = new(11, "Alice", Username: "alice"); // administrator, the organizer

    private readonly TempDirectory _data = new();
    private readonly ITestOutputHelper _output;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly List<ChildProcess> _processes = [];
    private readonly long _created = Stopwatch.GetTimestamp();
    private Func<BotCall, BotCallVerdict>? _hook;
    private Incarnation? _current;

    private ChildBotHarness(Emulator emulator, ITestOutputHelper output, IReadOnlyDictionary<string, string?> settings)
    {
        Emulator = emulator;
        _output = output;
        _settings = settings;
        emulator.State.InterceptBotCalls(Intercept);
    }

    public Emulator Emulator { get; }

    public EmulatorState Telegram => Emulator.State;

    /// <summary>The running (or last) bot process.</summary>
    public ChildProcess? Bot => _current?.Process;

    /// <summary>How many bot processes were started so far.</summary>
    public int Starts => _processes.Count;

    /// <summary>Seconds since the harness was created, for the test's own log lines.</summary>
    public double Elapsed => Stopwatch.GetElapsedTime(_created).TotalSeconds;

    /// <param name="settings">Extra configuration as environment variables (<c>GroupBuyBot__Telegram__…</c>), replacing the defaults.</param>
    public static async Task<ChildBotHarness> Start(ITestOutputHelper output, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var emulator = await Emulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyTestBot" });
        var harness = new ChildBotHarness(emulator, output, settings ?? new Dictionary<string, string?>());
        harness.Telegram.UpsertUser(Alice);
        harness.Telegram.CreateChat(new ChatSpec(GroupId, ChatKind.Supergroup, "Sunny Garden parents"));
        harness.Telegram.SetMemberStatus(GroupId, Alice.Id, MemberStatus.Administrator);
        harness.Log($"emulator on {emulator.BaseUrl}, data in {harness._data.Path}, bot {ChildProcess.FindBuiltApplication("GroupBuyBot")}");
        return harness;
    }

    /// <summary>
    /// The test's own look at every Bot API call (after the harness's): e.g. to kill the bot as a message is about to be
    /// accepted. Runs on the emulator's request thread; it may block it while it kills the bot.
    /// </summary>
    public void OnBotCall(Func<BotCall, BotCallVerdict>? hook) => Volatile.Write(ref _hook, hook);

    /// <summary>Starts a bot process on the database of the previous ones and waits until it polls.</summary>
    public async Task<ChildProcess> StartBot(TimeSpan? timeout = null)
    {
        if (_current is { Process.HasExited: false }) throw new InvalidOperationException("A bot process is already running.");
        var label = $"bot#{_processes.Count + 1}";
        var incarnation = new Incarnation();
        Volatile.Write(ref _current, incarnation); // before the start: its first calls must find it
        var started = Stopwatch.GetTimestamp();
        var process = ChildProcess.StartDotnet(ChildProcess.FindBuiltApplication("GroupBuyBot"), _data.Path, BotEnvironment(), label);
        incarnation.Process = process;
        _processes.Add(process);

        var limit = timeout ?? TimeSpan.FromSeconds(45);
        var first = await Task.WhenAny(incarnation.Polling.Task, process.Exited, Task.Delay(limit));
        if (first == incarnation.Polling.Task)
        {
            Log($"{label} (pid {process.Id}) polls, {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s after its start");
            return process;
        }

        var why = first == process.Exited ? $"exited with code {await process.Exited}" : $"did not poll within {limit.TotalSeconds:0} s";
        process.Kill();
        throw new InvalidOperationException($"{label} {why}. Its output:\n{string.Join('\n', process.Tail(60))}");
    }

    /// <summary>SIGKILLs the bot (<c>kill -9</c>) and waits until the process is gone. Safe from the emulator's request thread.</summary>
    public void KillBot(string why)
    {
        var process = Volatile.Read(ref _current)?.Process ?? throw new InvalidOperationException("No bot process was started.");
        process.Kill();
        Log($"{process.Label} (pid {process.Id}) SIGKILLed {why} (exit code {process.Exited.Result})");
    }

    /// <summary>A line in the test's output (timestamped); never throws, even after the test ended.</summary>
    public void Log(string line)
    {
        try
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[test +{Elapsed:0.000}s] {line}"));
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }

    public async ValueTask DisposeAsync()
    {
        Emulator.State.InterceptBotCalls(null);
        foreach (var process in _processes)
        {
            process.Dispose(); // SIGKILL if still running: nothing outlives the test, pass or fail
        }

        foreach (var process in _processes)
        {
            Log($"--- last lines of {process.Label} (pid {process.Id}, exit code {(process.HasExited ? (await process.Exited).ToString(CultureInfo.InvariantCulture) : "?")}):");
            foreach (var line in process.Tail(25)) Log(line);
        }

        await Emulator.DisposeAsync();
        _data.Dispose();
    }

    private Dictionary<string, string?> BotEnvironment()
    {
        var settings = ChildEnvironment(Emulator.BaseUrl);
        settings["GroupBuyBot__Database__DataDirectory"] = _data.Path;
        foreach (var (name, value) in _settings) settings[name] = value;
        return settings;
    }

    /// <summary>
    /// A child bot's configuration, as environment variables: the test token, <paramref name="telegram"/> as the Bot API,
    /// short timeouts, no send limits to speak of, English, discovery and reminders off, one log line per entry.
    /// </summary>
    public static Dictionary<string, string?> ChildEnvironment(Uri telegram) => new()
    {
        ["GroupBuyBot__Telegram__BotToken"] = Token,
        ["GroupBuyBot__Telegram__ApiBaseUrl"] = telegram.ToString(),
        ["GroupBuyBot__Telegram__PollingTimeoutSeconds"] = "1",
        ["GroupBuyBot__Telegram__RequestTimeoutSeconds"] = "1", // a hung call is abandoned after 2 s
        ["GroupBuyBot__Telegram__ListEditIntervalMs"] = "150",
        ["GroupBuyBot__Telegram__PerChatMessagesPerSecond"] = "1000",
        ["GroupBuyBot__Telegram__PerChatBurst"] = "1000",
        ["GroupBuyBot__Telegram__PerGroupMessagesPerMinute"] = "100000",
        ["GroupBuyBot__Telegram__GlobalMessagesPerSecond"] = "1000",
        ["GroupBuyBot__Chats__Language"] = "en",
        ["GroupBuyBot__Chats__TimeZone"] = "Asia/Shanghai",
        ["GroupBuyBot__Discovery__EnabledByDefault"] = "false",
        ["GroupBuyBot__Scheduling__ReminderOffsets"] = "",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
    };

    private BotCallVerdict Intercept(BotCall call)
    {
        // Only one process runs at a time and a killed one makes no new calls, so getMe then getUpdates after a start
        // can only come from the new process: it has migrated the database, started its services and now polls.
        if (Volatile.Read(ref _current) is { } incarnation)
        {
            if (call.Method == "getMe") incarnation.CalledGetMe = true;
            else if (call.Method == "getUpdates" && incarnation.CalledGetMe) incarnation.Polling.TrySetResult();
        }

        return Volatile.Read(ref _hook)?.Invoke(call) ?? BotCallVerdict.Proceed;
    }

    private sealed class Incarnation
    {
        public ChildProcess? Process { get; set; }

        private volatile bool _calledGetMe;

        public bool CalledGetMe
        {
            get => _calledGetMe;
            set => _calledGetMe = value;
        }

        public TaskCompletionSource Polling { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
