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
/// (<see cref="PostgresServer"/>: local, durability off), dropped at the end.
/// </summary>
public sealed class BenchBot : IAsyncDisposable
{
    public const string Token = "123456:BENCH-token-for-the-emulator";
    public const long AdminId = 1;

    /// <summary>Prometheus' default is 15 s or a minute; more often here, so that scraping's cost cannot hide.</summary>
    public static readonly TimeSpan ScrapeEvery = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly CancellationTokenSource _stopScraping = new();
    private Task? _scraper;

    private BenchBot(Emulator emulator, Process process, StreamWriter log, string dataDirectory, int healthPort, TestDatabase? postgres)
    {
        Emulator = emulator;
        _process = process;
        _log = log;
        DataDirectory = dataDirectory;
        HealthPort = healthPort;
        Postgres = postgres;
    }

    /// <summary>The bot's PostgreSQL database; null on SQLite.</summary>
    public TestDatabase? Postgres { get; }

    /// <summary>The bot's <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> port.</summary>
    public int HealthPort { get; }

    /// <summary>The scrapes of <c>/metrics</c> so far.</summary>
    public MetricsScrapes Scrapes { get; } = new();

    /// <summary>The bot's SQLite files and its log (bot.log), deleted at the end.</summary>
    public string DataDirectory { get; }

    public Emulator Emulator { get; }
    public EmulatorState Telegram => Emulator.State;
    public int ProcessId => _process.Id;
    public string DatabasePath => Path.Combine(DataDirectory, SqliteDatabase.FileName);
    public string LogPath => Path.Combine(DataDirectory, "bot.log");

    /// <summary>The bot's own settings on top of the benchmark's (GroupBuyBot:Telegram:RequestTimeoutSeconds, …).</summary>
    /// <param name="postgres">On a new database of the test kit's PostgreSQL cluster instead of SQLite files.</param>
    public static async Task<BenchBot> Start(string botDll, bool postgres = false, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = postgres ? await (await PostgresServer.Get()).CreateDatabase() : null;
        var emulator = await Emulator.StartAsync(new BotApiEmulatorOptions { BotToken = Token, BotUsername = "GroupBuyBenchBot" });
        emulator.State.UpsertUser(new EmulatedUser(AdminId, "Organizer", Username: "organizer"));

        var dataDirectory = Path.Combine(Path.GetTempPath(), "groupbuybot-bench", Guid.NewGuid().ToString("N"));
        var healthPort = ClosedPort.Get();
        Directory.CreateDirectory(dataDirectory);
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

        var log = new StreamWriter(Path.Combine(dataDirectory, "bot.log")) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start()) throw new InvalidOperationException("dotnet did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bench = new BenchBot(emulator, process, log, dataDirectory, healthPort, database);

        // Up when it polls: getMe, deleteWebhook, then getUpdates.
        var waited = Stopwatch.StartNew();
        while (emulator.State.GetApiCalls("getUpdates").Count == 0)
        {
            if (process.HasExited) throw new InvalidOperationException($"The bot exited with {process.ExitCode} before polling:\n{bench.LogTail()}");
            if (waited.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"The bot did not poll within 90 s:\n{bench.LogTail()}");
            await Task.Delay(50);
        }

        bench._scraper = Task.Run(() => bench.Scrape(bench._stopScraping.Token));
        return bench;
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

    /// <summary>The bot's processor time (user + kernel) so far, from /proc/PID/stat.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The bot's peak resident set (VmHWM in /proc/PID/status), in MB.</summary>
    public double PeakWorkingSetMb() => StatusKb("VmHWM") / 1024.0;

    /// <summary>The bot's resident set now (VmRSS), in MB.</summary>
    public double WorkingSetMb() => StatusKb("VmRSS") / 1024.0;

    private long StatusKb(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var value = line[(field.Length + 1)..].Trim();
            return long.Parse(value[..value.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}.");
    }

    public bool HasExited => _process.HasExited;

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

        // The bot is ours: stopped by its process id. Its unsent outbox stays in a folder deleted below.
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
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
