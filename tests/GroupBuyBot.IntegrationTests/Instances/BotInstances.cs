using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.IntegrationTests.Faults;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Postgres;
using GroupBuyBot.TestKit.Processes;
using Xunit.Abstractions;
using static GroupBuyBot.IntegrationTests.Faults.ChildBotHarness;
using Emulator = GroupBuyBot.BotApiEmulator.BotApiEmulator;

namespace GroupBuyBot.IntegrationTests.Instances;

/// <summary>
/// Several bot processes (the real host, <c>dotnet GroupBuyBot.dll</c> in polling mode) on one PostgreSQL database of
/// the run's server, with the Bot API emulator in the test process. Each process reaches the emulator through a relay
/// of its own, so the Host header of every call (<see cref="ApiCallRecord.Host"/>, <see cref="BotCall.Host"/>) tells
/// which process made it.
/// </summary>
public sealed class BotInstances : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ITestOutputHelper _output;
    private readonly List<Instance> _instances = [];
    private readonly ConcurrentQueue<(string? Host, string Method, long At)> _arrivals = new();
    private readonly long _created = Stopwatch.GetTimestamp();
    private Action<BotCall>? _observer;

    private BotInstances(Emulator emulator, TestDatabase database, ITestOutputHelper output)
    {
        Emulator = emulator;
        Database = database;
        _output = output;
        emulator.State.InterceptBotCalls(call =>
        {
            _arrivals.Enqueue((call.Host, call.Method, Stopwatch.GetTimestamp()));
            Volatile.Read(ref _observer)?.Invoke(call);
            return BotCallVerdict.Proceed;
        });
    }

    public Emulator Emulator { get; }

    public EmulatorState Telegram => Emulator.State;

    public TestDatabase Database { get; }

    /// <summary>The provider as the bots use it, to read what they stored.</summary>
    public DatabaseProvider Store => DatabaseProvider.For(new DatabaseOptions { Provider = DatabaseProviderKind.Postgres, ConnectionString = Database.ConnectionString });

    /// <param name="floodLimits">Telegram's limits as the emulator enforces them (429 beyond); none by default.</param>
    public static async Task<BotInstances> Start(ITestOutputHelper output, FloodLimits? floodLimits = null)
    {
        var database = await (await PostgresServer.Get()).CreateDatabase();
        var emulator = await Emulator.StartAsync(new BotApiEmulatorOptions
        {
            BotToken = Token,
            BotUsername = "GroupBuyTestBot",
            EnforceFloodLimits = floodLimits is not null,
            FloodLimits = floodLimits ?? new FloodLimits(),
        });
        emulator.State.UpsertUser(Alice);
        emulator.State.CreateChat(new ChatSpec(GroupId, ChatKind.Supergroup, "Sunny Garden parents"));
        emulator.State.SetMemberStatus(GroupId, Alice.Id, MemberStatus.Administrator);
        return new BotInstances(emulator, database, output);
    }

    /// <summary>Starts one more bot process on the shared database.</summary>
    /// <param name="settings">More environment for it (e.g. webhook mode on a port of its own).</param>
    public Instance Launch(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var label = $"bot#{(_instances.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        var relay = TcpRelay.Start(Emulator.BaseUrl);
        var environment = InstanceEnvironment(relay.BaseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        var process = ChildProcess.StartDotnet(ChildProcess.FindBuiltApplication("GroupBuyBot"), _folder.Path, environment, label);
        var instance = new Instance(this, label, process, relay, settings ?? new Dictionary<string, string?>());
        _instances.Add(instance);
        Log($"{label} (pid {process.Id}) started, calling Telegram as {instance.Host}");
        return instance;
    }

    /// <summary>Sees every Bot API call of every process as it arrives, on the emulator's request thread (it must not block).</summary>
    public void OnBotCall(Action<BotCall>? observer) => Volatile.Write(ref _observer, observer);

    /// <summary>When (on the test's stopwatch) the first <paramref name="method"/> call of <paramref name="instance"/> arrived after <paramref name="since"/>.</summary>
    public long? FirstArrival(Instance instance, string method, long since = 0) =>
        _arrivals.Where(a => a.Host == instance.Host && a.Method == method && a.At >= since).Select(a => (long?)a.At).FirstOrDefault();

    public void Log(string line)
    {
        try
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[test +{Stopwatch.GetElapsedTime(_created).TotalSeconds:0.000}s] {line}"));
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }

    public async ValueTask DisposeAsync()
    {
        Telegram.InterceptBotCalls(null);
        foreach (var instance in _instances) instance.Process.Dispose(); // SIGKILL if still running
        foreach (var instance in _instances)
        {
            Log($"--- last lines of {instance.Label}:");
            foreach (var line in instance.Process.Tail(25)) Log(line);
            await instance.Relay.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        Store.ClearPools();
        await Database.DisposeAsync();
        _folder.Dispose();
    }

    private Dictionary<string, string?> InstanceEnvironment(Uri telegram)
    {
        var settings = ChildEnvironment(telegram);
        settings["GroupBuyBot__Database__Provider"] = "Postgres";
        settings["GroupBuyBot__Database__ConnectionString"] = Database.ConnectionString;
        return settings;
    }

    /// <summary>One bot process and the relay it calls Telegram through.</summary>
    public sealed class Instance(BotInstances instances, string label, ChildProcess process, TcpRelay relay, IReadOnlyDictionary<string, string?> settings)
    {
        public string Label { get; } = label;

        /// <summary>Every process started on the database, this one included.</summary>
        public IReadOnlyList<Instance> Siblings => instances._instances;

        /// <summary>The environment it was given beyond every instance's own.</summary>
        public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

        public ChildProcess Process { get; } = process;

        public TcpRelay Relay { get; } = relay;

        /// <summary>The Host header of this process's calls.</summary>
        public string Host { get; } = relay.BaseUrl.Authority;

        public int Calls(string method) => instances.Telegram.GetApiCalls(method).Count(c => c.Host == Host);

        /// <summary>Waits until this process calls <paramref name="method"/> (after <paramref name="since"/>, on the test's stopwatch); returns when the call arrived.</summary>
        public Task<long> Called(string method, TimeSpan timeout, long since = 0) =>
            Until(() => instances.FirstArrival(this, method, since), $"{Label} to call {method}", timeout);

        /// <summary>Waits until this process writes a line containing <paramref name="text"/>.</summary>
        public Task<long> Said(string text, TimeSpan timeout) =>
            Until(() => Process.Output.Any(l => l.Contains(text, StringComparison.Ordinal)) ? Stopwatch.GetTimestamp() : null, $"{Label} to say \"{text}\"", timeout);

        /// <summary>SIGKILL, and waits until the process is gone.</summary>
        public long Kill()
        {
            Process.Kill();
            var at = Stopwatch.GetTimestamp();
            instances.Log($"{Label} (pid {Process.Id}) SIGKILLed");
            return at;
        }

        private async Task<long> Until(Func<long?> found, string what, TimeSpan timeout)
        {
            var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (true)
            {
                if (found() is { } at) return at;
                if (Process.HasExited) throw new InvalidOperationException($"{Label} exited waiting for {what}:\n{string.Join('\n', Process.Tail(40))}");
                if (Stopwatch.GetTimestamp() > until) throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}:\n{string.Join('\n', Process.Tail(40))}");
                await Task.Delay(50);
            }
        }
    }
}
