using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Benchmarks;

// dotnet run -c Release --project tests/GroupBuyBot.Benchmarks -- --out bench.json [--chats 1000] [--members 10] [--soak-chats 100]
//   [--corpus ../shared/eval/needs-dev.jsonl] [--bot path/to/GroupBuyBot.dll] [--trace load.nettrace [--trace-profile dotnet-sampled-thread-time|gc-verbose]]
//   [--provider sqlite|postgres [--instances N]]
// The bot runs as a child process (dotnet GroupBuyBot.dll); the emulator runs in this one.
var options = Arguments.Parse(args);
var figures = new Dictionary<string, double>();
var table = new List<(string Name, string Value, string Target, bool? Met)>();
var keyPrefix = ""; // the bot's figures on PostgreSQL are pg_updates_per_s, pg_join_p99_ms, …
var namePrefix = "";
void Add(string key, double value, string name, string shown, string target = "", bool? met = null)
{
    figures[keyPrefix + key] = Math.Round(value, 2);
    table.Add((namePrefix + name, shown, target, met));
}

var loadAtStart = LoadAverage();
Console.WriteLine($"GroupBuyBot benchmark: {Environment.ProcessorCount} cores, {options.Chats} chats × {options.Members} members, load average {loadAtStart}");

// Headline: the corpus with 30 chit-chat lines in each hour-long quiet gap before a conversation (needs are a small share of real traffic); also the
// corpus alone, the densest case.
var economy = await LlmEconomyScenario.Run(options.CorpusPath, chitChatPerConversation: 30);
var corpusOnly = await LlmEconomyScenario.Run(options.CorpusPath, chitChatPerConversation: 0);
Add("llm_calls_per_1000_messages", economy.CallsPer1000, "LLM calls / 1,000 messages (the bot's discovery round, with chit-chat)", $"{economy.CallsPer1000:0.0} ({economy.Calls} calls for {economy.WindowsRead} windows, {economy.Messages} messages)", "<= 10", economy.CallsPer1000 <= 10);
Add("llm_calls_per_1000_messages_corpus_only", corpusOnly.CallsPer1000, "LLM calls / 1,000 messages (corpus only, no chit-chat)", $"{corpusOnly.CallsPer1000:0.0} ({corpusOnly.Calls} calls for {corpusOnly.WindowsRead} windows, {corpusOnly.Messages} messages)");
Add("llm_calls_per_1000_messages_naive", 1000, "LLM calls / 1,000 messages (one per message)", "1000");
Add("llm_tokens_per_1000_messages", economy.TokensPer1000, "LLM prompt tokens / 1,000 messages (estimate)", $"{economy.TokensPer1000:0} vs {1000.0 * economy.NaiveTokens / economy.CorpusMessages:0} naive (corpus)");
Add("llm_need_conversations_sent", economy.NeedConversationsSent, "Conversations with a real need that reached the model", $"{economy.NeedConversationsSent} of {economy.NeedConversations} ({corpusOnly.NeedConversationsSent} corpus only)");
if (options.LlmOnly) goto report;

var botDll = BenchBot.FindBotDll(options.BotDll);
Console.WriteLine($"Bot process: dotnet {botDll}");
if (options.Postgres) (keyPrefix, namePrefix) = options.Instances > 1 ? ($"pg{options.Instances}_", $"PG ×{options.Instances} ") : ("pg_", "PG ");
await using (var bot = await BenchBot.Start(botDll, options.Postgres, instances: options.Instances))
{
    if (bot.Postgres is { } database) Console.WriteLine($"Database: PostgreSQL, {database.Name} on the test kit's throwaway cluster (fsync off), {bot.Instances} bot process(es)");
    Console.WriteLine($"Bot pid {bot.ProcessId}, log {bot.LogPath}");
    var chatter = (await GroupBuyBot.Core.Evaluation.EvaluationCorpus.ReadNeedsAsync(options.CorpusPath, CancellationToken.None))
        .SelectMany(c => c.Messages).Select(m => m.Text).ToList();
    var profiler = options.TracePath is { } tracePath ? new Profiler(tracePath, options.TraceProfile) : null;
    var load = await LoadScenario.Run(bot, options.Chats, options.Members, chatterPerMember: 1, chatter, profiler);
    Add("updates_per_s", load.UpdatesPerSecond, "Throughput: updates handled / s", $"{load.UpdatesPerSecond:0} ({load.Updates} updates in {load.Seconds:0.0} s)", ">= 5000", load.UpdatesPerSecond >= 5000);
    Add("updates_per_cpu_s", load.Updates / load.CpuSeconds, "Updates per CPU-second (bot process)", $"{load.Updates / load.CpuSeconds:0} ({load.CpuSeconds:0.0} CPU-s)");
    if (load.Jit is { } jit)
    {
        Add("load_jit_methods", jit.Methods, "Load: methods JIT-compiled meanwhile (bot process)", $"{jit.Methods:0} methods, {jit.Seconds:0.0} s in the compiler (its threads' elapsed time: more than their processor time on a busy machine)");
    }
    Add("lost", load.Lost, "Load: sign-ups lost", load.Lost.ToString(CultureInfo.InvariantCulture), "0", load.Lost == 0);
    Add("duplicated", load.Duplicated, "Load: sign-ups or answers duplicated", load.Duplicated.ToString(CultureInfo.InvariantCulture), "0", load.Duplicated == 0);
    Add("out_of_order", load.OutOfOrder, "Load: chats whose sign-ups are out of order", load.OutOfOrder.ToString(CultureInfo.InvariantCulture), "0", load.OutOfOrder == 0);
    if (bot.Instances > 1)
    {
        var handled = await bot.UpdatesHandledByEach();
        Add("handled_min_share", handled.Min(h => h ?? 0) / Math.Max(1, handled.Sum(h => h ?? 0)), "Load: updates handled by each process (so far, warm-up included)",
            string.Join(" / ", handled.Select(h => h is { } n ? n.ToString("0", CultureInfo.InvariantCulture) : "?")));
    }
    var peak = bot.PeakWorkingSetMb();
    Add("peak_working_set_mb", peak, $"Peak working set, {load.Chats} chats + {load.SignUps} sign-ups (bot process)", $"{peak:0} MB (now {bot.WorkingSetMb():0} MB)", "<= 150", peak <= 150);
    Add("emulator_peak_working_set_mb", PeakWorkingSetMb(), "Peak working set of the benchmark + emulator (not the bot)", $"{PeakWorkingSetMb():0} MB");
    if (options.LoadOnly)
    {
        ReportScrapes(bot);
        goto report;
    }

    // Past the list-edit interval of every chat touched by the load: no call for 3.5 s.
    await bot.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(3.5));
    var latencyTaps = Math.Min(200, load.Chats);
    var latency = await JoinLatencyScenario.Run(bot, latencyTaps, i => LoadScenario.ChatId(i), i => load.ListMessageIds[i]);
    Add("join_p50_ms", latency.P50Ms, "Join tap → list edit, p50", $"{latency.P50Ms:0.0} ms");
    Add("join_p99_ms", latency.P99Ms, "Join tap → list edit, p99", $"{latency.P99Ms:0.0} ms (max {latency.MaxMs:0.0})", "<= 10", latency.P99Ms <= 10);
    Add("join_answer_p50_ms", latency.AnswerP50Ms, "Join tap → tap answered, p50", $"{latency.AnswerP50Ms:0.0} ms");
    Add("join_answer_p99_ms", latency.AnswerP99Ms, "Join tap → tap answered, p99", $"{latency.AnswerP99Ms:0.0} ms");

    var storm = await JoinStormScenario.Run(bot, members: 1000, capacity: 100);
    var exact = storm is { Active: 100, Waitlisted: 900, Lost: 0, Duplicated: 0, ListShowsIt: true };
    Add("storm_active", storm.Active, "Join storm: active", storm.Active.ToString(CultureInfo.InvariantCulture), "100", storm.Active == 100);
    Add("storm_waitlisted", storm.Waitlisted, "Join storm: waitlisted", storm.Waitlisted.ToString(CultureInfo.InvariantCulture), "900", storm.Waitlisted == 900);
    Add("storm_lost", storm.Lost, "Join storm: lost", storm.Lost.ToString(CultureInfo.InvariantCulture), "0", storm.Lost == 0);
    Add("storm_duplicated", storm.Duplicated, "Join storm: duplicated", storm.Duplicated.ToString(CultureInfo.InvariantCulture), "0", storm.Duplicated == 0);
    Add("storm_seconds", storm.HandledSeconds, "Join storm: taps sent / all answered (seen)", $"{storm.TapSeconds:0.00} s / {storm.HandledSeconds:0.00} s", "list shows 100", exact);
    Add("storm_answered_s", storm.AnsweredSeconds, "Join storm: first tap → last answer (call log)", $"{storm.AnsweredSeconds:0.00} s", "<= 1.5", storm.AnsweredSeconds <= 1.5);

    // Last: the faults are switched off after it, but what they left (postponed rows) is not the other scenarios' business.
    var soakFaults = new GroupBuyBot.BotApiEmulator.Models.RandomFaults(ServerErrorRate: 0.05, TimeoutRate: 0.05, TooManyRequestsRate: 0.02, TimeoutMilliseconds: 15_000, RetryAfterSeconds: 1, Seed: 10);
    var soak = await SoakScenario.Run(bot, options.SoakChats, options.Members, soakFaults, patience: TimeSpan.FromMinutes(3));
    Add("soak_lost_confirmations", soak.Lost, $"Soak: /join with no reply ({soak.Joins} joins, {soak.Chats} chats)", soak.Lost == 0 ? $"0 (all answered after {soak.Seconds:0.0} s)" : $"{soak.Lost} (gave up after {soak.Seconds:0.0} s)", "0", soak.Lost == 0);
    Add("soak_duplicated_confirmations", soak.Duplicated, "Soak: /join answered twice", soak.Duplicated.ToString(CultureInfo.InvariantCulture));
    Add("soak_sign_ups", soak.SignUps, "Soak: sign-ups stored", $"{soak.SignUps} of {soak.Joins}", soak.Joins.ToString(CultureInfo.InvariantCulture), soak.SignUps == soak.Joins);
    Add("soak_seconds", soak.Seconds, "Soak: first /join → last reply (or gave up)", $"{soak.Seconds:0.0} s");
    Add("soak_faults", soak.Faults.ServerErrors + soak.Faults.Timeouts + soak.Faults.TooManyRequests, "Soak: sends hit (5xx / timeout / 429 of calls)",
        $"{soak.Faults.ServerErrors} / {soak.Faults.Timeouts} / {soak.Faults.TooManyRequests} of {soak.Faults.Calls}");
    Add("peak_working_set_mb_end", bot.PeakWorkingSetMb(), "Peak working set of the bot, whole run", $"{bot.PeakWorkingSetMb():0} MB");
    ReportScrapes(bot);
    var errors = bot.LogLinesContaining("fail:");
    if (errors > 0) Console.WriteLine($"The bot logged {errors} error lines; see {bot.LogPath} (kept only while the run lasts)");
}

report:
Console.WriteLine();
var loadAtEnd = LoadAverage();
Console.WriteLine($"Load average at the start {loadAtStart}, at the end {loadAtEnd}");
figures["load_average_1m_start"] = OneMinute(loadAtStart);
figures["load_average_1m_end"] = OneMinute(loadAtEnd);
foreach (var (name, value, target, met) in table)
{
    var verdict = met switch { true => "ok", false => "MISSED", null => "" };
    Console.WriteLine($"{name,-62} {value,-44} {target,-14} {verdict}");
}

if (options.OutPath is { } outPath)
{
    await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"\nWrote {Path.GetFullPath(outPath)}");
}

return 0;

// The bot served /metrics all along (BenchBot scrapes it): how that went, and one counter read against what the run sent.
void ReportScrapes(BenchBot bot)
{
    var scrapes = bot.Scrapes;
    var shown = scrapes.Count == 0 && scrapes.NotServedCount > 0
        ? $"not served by this bot ({scrapes.NotServedCount} tries)"
        : $"{scrapes.Count} valid, {scrapes.FailedCount} failed{(scrapes.LastFailure is { } why ? $" ({why})" : "")}, median {scrapes.Median.TotalMilliseconds:0.0} ms, slowest {scrapes.Slowest.TotalMilliseconds:0} ms";
    Add("metrics_scrapes", scrapes.Count, $"Metrics: /metrics scraped every {BenchBot.ScrapeEvery.TotalSeconds:0} s", shown, "0 failed", scrapes.FailedCount == 0);
    Add("metrics_scrape_p50_ms", scrapes.Median.TotalMilliseconds, "Metrics: a scrape, median", $"{scrapes.Median.TotalMilliseconds:0.0} ms");
    Add("metrics_scrape_max_ms", scrapes.Slowest.TotalMilliseconds, "Metrics: slowest scrape (usually the first)", $"{scrapes.Slowest.TotalMilliseconds:0} ms");
    if (scrapes.Last is { } last)
    {
        Add("metrics_updates_handled", last.Value("groupbuybot_updates_handled_total"), "Metrics: updates handled, at the last scrape",
            $"{last.Value("groupbuybot_updates_handled_total"):0} ({last.Value("groupbuybot_updates_handled_total", ("outcome", "failed")):0} failed)");
    }
}

static double PeakWorkingSetMb()
{
    using var process = Process.GetCurrentProcess();
    return process.PeakWorkingSet64 / (1024.0 * 1024.0);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static double OneMinute(string loadAverage) => double.TryParse(loadAverage.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : -1;
