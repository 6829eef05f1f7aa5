using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.Infrastructure.Persistence.Sqlite;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using Emulator = GroupBuyBot.BotApiEmulator.BotApiEmulator;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// The real bot as a child process (<c>dotnet GroupBuyBot.dll</c>, configured by environment variables as a deployment
/// would be) polling the loopback emulator, which runs here, in the benchmark's process. So the bot's processor time
/// and memory, read from <c>/proc/PID</c>, are its own. Rate limits are set high: the emulator is not Telegram, and the
/// bot is what is measured. Its health port is on and <c>/metrics</c> is scraped every <see cref="ScrapeEvery"/> as
/// Prometheus would, so the figures include what recording and serving the metrics cost. Its database is SQLite files in
/// its data folder, or (<c>--provider postgres</c>) a database of its own on the test kit's throwaway PostgreSQL cluster
/// (<see cref="PostgresServer"/>: local, durability off), dropped at the end. On PostgreSQL it may be several processes
/// on that one database (<c>--instances N</c>), each with its own health port: one polls and sends, all handle (the
/// chats' claims); the figures are then theirs together (processor time summed, memory of the largest).
/// </summary>
public sealed class BenchBot : IAsyncDisposable
{
    public const string Token = "123456:BENCH-token-for-the-emulator";
    public const long AdminId = 1;

    /// <summary>Prometheus' default is 15 s or a minute; more often here, so that scraping's cost cannot hide.</summary>
    public static readonly TimeSpan ScrapeEvery = TimeSpan.FromSeconds(5);

    private readonly List<Process> _processes;
    private readonly StreamWriter _log;
    private readonly CancellationTokenSource _stopScraping = new();
    private Task? _scraper;

    private BenchBot(Emulator emulator, List<Process> processes, StreamWriter log, string dataDirectory, IReadOnlyList<int> healthPorts, TestDatabase? postgres)
    {
        Emulator = emulator;
        _processes = processes;
        _log = log;
        DataDirectory = dataDirectory;
        HealthPorts = healthPorts;
        Postgres = postgres;
    }

    /// <summary>The bot's PostgreSQL database; null on SQLite.</summary>
    public TestDatabase? Postgres { get; }

    /// <summary>The first process's <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> port (the one scraped all along).</summary>
    public int HealthPort => HealthPorts[0];

    /// <summary>Each process's health port.</summary>
    public IReadOnlyList<int> HealthPorts { get; }

    /// <summary>The scrapes of the first process's <c>/metrics</c> so far.</summary>
    public MetricsScrapes Scrapes { get; } = new();

    /// <summary>The bot's SQLite files and its log (bot.log), deleted at the end.</summary>
    public string DataDirectory { get; }

    public Emulator Emulator { get; }
    public EmulatorState Telegram => Emulator.State;
    public int ProcessId => _processes[0].Id;

    public int Instances => _processes.Count;
    public string DatabasePath => Path.Combine(DataDirectory, SqliteDatabase.FileName);
    public string LogPath => Path.Combine(DataDirectory, "bot.log");

    /// <summary>The bot's own settings on top of the benchmark's (GroupBuyBot:Telegram:RequestTimeoutSeconds, …).</summary>
    /// <param name="postgres">On a new database of the test kit's PostgreSQL cluster instead of SQLite files.</param>
    /// <param name="instances">Bot processes on that database (more than one only on PostgreSQL).</param>
    public static async Task<BenchBot> Start(string botDll, bool postgres = false, IReadOnlyDictionary<string, string>? settings = null, int instances = 1)
    {
        var database = postgres ? await (await PostgresServer.Get()).CreateDatabase() : null;
        var emulator = await Emulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyBenchBot" });
        emulator.State.UpsertUser(new EmulatedUser(AdminId, "Organizer", Username: "organizer"));

        var dataDirectory = Path.Combine(Path.GetTempPath(), "groupbuybot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var log = new StreamWriter(Path.Combine(dataDirectory, "bot.log")) { AutoFlush = true };
        var healthPorts = Enumerable.Range(0, instances).Select(_ => ClosedPort.Get()).ToList();
        var processes = healthPorts.Select(port => StartProcess(botDll, emulator, dataDirectory, database, port, settings, log)).ToList();
        var bench = new BenchBot(emulator, processes, log, dataDirectory, healthPorts, database);

        // Up when one polls (getMe, deleteWebhook, then getUpdates) and every one answers /healthz (its host has started).
        var waited = Stopwatch.StartNew();
        while (emulator.State.GetApiCalls("getUpdates").Count == 0 || !await bench.AllHealthy())
        {
            if (bench.HasExited) throw new InvalidOperationException($"A bot process exited before polling:\n{bench.LogTail()}");
            if (waited.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"The bot did not poll within 90 s:\n{bench.LogTail()}");
            await Task.Delay(50);
        }

        bench._scraper = Task.Run(() => bench.Scrape(bench._stopScraping.Token));
        return bench;
    }

    private async Task<bool> AllHealthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var port in HealthPorts)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/healthz"));
                if (!response.IsSuccessStatusCode) return false;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Each process's <c>groupbuybot_updates_handled_total</c> now (null where it did not answer).</summary>
    public async Task<IReadOnlyList<double?>> UpdatesHandledByEach()
    {
        var handled = new List<double?>();
        foreach (var port in HealthPorts)
        {
            var metrics = await Metrics(port);
            handled.Add(metrics is { } m && m.Has("groupbuybot_updates_handled_total") ? m.Value("groupbuybot_updates_handled_total") : null);
        }

        return handled;
    }

    /// <summary>
    /// The runtime's JIT counters of the first process now (its <c>System.Runtime</c> meter): the processor time spent
    /// compiling and the methods compiled so far; null where they are not exported.
    /// </summary>
    public async Task<(double Seconds, double Methods)?> JitSoFar()
    {
        var metrics = await Metrics(HealthPort);
        const string Time = "dotnet_jit_compilation_time_seconds_total", Methods = "dotnet_jit_compiled_methods_total";
        return metrics is { } m && m.Has(Time) && m.Has(Methods) ? (m.Value(Time), m.Value(Methods)) : null;
    }

    private static async Task<PrometheusText?> Metrics(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics"));
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? PrometheusText.Parse(text, response.Content.Headers.ContentType?.ToString()) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException)
        {
            return null;
        }
    }

    private static Process StartProcess(string botDll, Emulator emulator, string dataDirectory, TestDatabase? database, int healthPort, IReadOnlyDictionary<string, string>? settings, StreamWriter log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The data folder as working directory: no appsettings.json of a developer's is picked up by accident.
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(botDll);
        var environment = new Dictionary<string, string>
        {
            ["GroupBuyBot:Telegram:BotToken"] = Token,
            ["GroupBuyBot:Telegram:ApiBaseUrl"] = emulator.BaseUrl.ToString(),
            ["GroupBuyBot:Telegram:PollingTimeoutSeconds"] = "10",
            ["GroupBuyBot:Telegram:PerChatMessagesPerSecond"] = "100000",
            ["GroupBuyBot:Telegram:PerChatBurst"] = "100000",
            ["GroupBuyBot:Telegram:PerGroupMessagesPerMinute"] = "10000000",
            ["GroupBuyBot:Telegram:GlobalMessagesPerSecond"] = "100000",
            ["GroupBuyBot:Database:DataDirectory"] = dataDirectory,
            ["GroupBuyBot:Database:Provider"] = database is null ? "Sqlite" : "Postgres",
            ["GroupBuyBot:Database:ConnectionString"] = database?.ConnectionString ?? "",
            ["GroupBuyBot:Health:Port"] = healthPort.ToString(CultureInfo.InvariantCulture),
            ["GroupBuyBot:Chats:Language"] = "en",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start()) throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Scrapes <c>/metrics</c> as Prometheus would until the end, checking each answer as Prometheus' text format.</summary>
    private async Task Scrape(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HealthPort.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(10) };
        while (!ct.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode) Scrapes.Served(PrometheusText.Parse(text, response.Content.Headers.ContentType?.ToString()), Stopwatch.GetElapsedTime(started));
                else Scrapes.NotServed();
            }
            catch (Exception e) when (e is HttpRequestException or FormatException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                Scrapes.Failed(e.Message);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(ScrapeEvery, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    /// <summary>The bot's processor time (user + kernel) so far, from /proc/PID/stat: every process's, summed.</summary>
    public TimeSpan CpuTime()
    {
        var total = TimeSpan.Zero;
        foreach (var process in _processes)
        {
            process.Refresh();
            total += process.TotalProcessorTime;
        }

        return total;
    }

    /// <summary>The bot's peak resident set (VmHWM in /proc/PID/status), in MB: the largest process's.</summary>
    public double PeakWorkingSetMb() => _processes.Max(p => StatusKb(p, "VmHWM")) / 1024.0;

    /// <summary>The bot's resident set now (VmRSS), in MB: the largest process's.</summary>
    public double WorkingSetMb() => _processes.Max(p => StatusKb(p, "VmRSS")) / 1024.0;

    private static long StatusKb(Process process, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var value = line[(field.Length + 1)..].Trim();
            return long.Parse(value[..value.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"/proc/{process.Id}/status has no {field}.");
    }

    public bool HasExited => _processes.Any(p => p.HasExited);

    /// <summary>The last lines the bot logged (warnings and errors).</summary>
    public string LogTail(int lines = 30)
    {
        lock (_log) _log.Flush();
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>Lines of the bot's log that contain <paramref name="text"/>.</summary>
    public int LogLinesContaining(string text)
    {
        lock (_log) _log.Flush();
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line) if (line.Contains(text, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>Lines of the bot's log that mention <paramref name="text"/>, with the line after each (the message of a simple-console entry).</summary>
    public IReadOnlyList<string> LogLines(string text)
    {
        lock (_log) _log.Flush();
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        string? previous = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                var header = previous is not null && (previous.StartsWith("warn", StringComparison.Ordinal) || previous.StartsWith("fail", StringComparison.Ordinal));
                lines.Add(header ? previous + " " + line.Trim() : line.Trim());
            }

            previous = line;
        }

        return lines;
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

    /// <summary>
    /// The bot's database while the bot runs (SQLite read-only: WAL readers do not block it). Queries that run on both
    /// quote the tables and columns as EF Core named them (<c>"SignUps"."Status"</c>) and name parameters <c>@name</c>.
    /// </summary>
    public DbConnection OpenDatabase()
    {
        DbConnection connection = Postgres is { } postgres
            ? new NpgsqlConnection(postgres.ConnectionString)
            : new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopScraping.CancelAsync();
        if (_scraper is not null) await _scraper;
        _stopScraping.Dispose();

        // The bot's processes are ours: stopped by their process ids. The unsent outbox stays in a folder deleted below.
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        await Emulator.DisposeAsync();
        lock (_log) _log.Dispose();
        SqliteConnection.ClearAllPools();
        if (Postgres is not null) await Postgres.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp cleaner gets it later.
        }
    }

    /// <summary>
    /// GroupBuyBot.dll to run: <paramref name="explicitPath"/>, else the bot's own build output of the same
    /// configuration as this benchmark (src/GroupBuyBot/bin/CONFIG/net10.0, built with it as a project reference).
    /// </summary>
    public static string FindBotDll(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException("No bot at " + explicitPath);
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "GroupBuyBot", "bin", configuration, "net10.0", "GroupBuyBot.dll");
            if (File.Exists(candidate)) return candidate;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "GroupBuyBot.dll");
        return File.Exists(beside) ? beside : throw new FileNotFoundException("GroupBuyBot.dll was not found; pass --bot path/to/GroupBuyBot.dll.");
    }
}
