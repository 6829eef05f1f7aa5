using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GroupBuyBot.Benchmarks;

// dotnet run -c Release --project tests/GroupBuyBot.Benchmarks -- --out bench.json [--chats 1000] [--members 10] [--corpus ../shared/eval/needs-dev.jsonl]
var options = Arguments.Parse(args);
var figures = new Dictionary<string, double>();
var table = new List<(string Name, string Value, string Target, bool? Met)>();
void Add(string key, double value, string name, string shown, string target = "", bool? met = null)
{
    figures[key] = Math.Round(value, 2);
    table.Add((name, shown, target, met));
}

Console.WriteLine($"GroupBuyBot benchmark: {Environment.ProcessorCount} cores, {options.Chats} chats × {options.Members} members, load average {LoadAverage()}");

// Headline: the corpus with 30 chit-chat lines in each hour-long quiet gap before a conversation (needs are a small share of real traffic); also the
// corpus alone, the densest case.
var economy = await LlmEconomyScenario.Run(options.CorpusPath, chitChatPerConversation: 30);
var corpusOnly = await LlmEconomyScenario.Run(options.CorpusPath, chitChatPerConversation: 0);
Add("llm_calls_per_1000_messages", economy.CallsPer1000, "LLM calls / 1,000 messages (real windows + gate, with chit-chat)", $"{economy.CallsPer1000:0.0} ({economy.Calls} calls, {economy.Messages} messages)", "<= 20", economy.CallsPer1000 <= 20);
Add("llm_calls_per_1000_messages_corpus_only", corpusOnly.CallsPer1000, "LLM calls / 1,000 messages (corpus only, no chit-chat)", $"{corpusOnly.CallsPer1000:0.0} ({corpusOnly.Calls} calls, {corpusOnly.Messages} messages)");
Add("llm_calls_per_1000_messages_naive", 1000, "LLM calls / 1,000 messages (one per message)", "1000");
Add("llm_tokens_per_1000_messages", economy.TokensPer1000, "LLM prompt tokens / 1,000 messages (estimate)", $"{economy.TokensPer1000:0} vs {1000.0 * economy.NaiveTokens / economy.CorpusMessages:0} naive (corpus)");
Add("llm_need_conversations_sent", economy.NeedConversationsSent, "Conversations with a real need that reached the model", $"{economy.NeedConversationsSent} of {economy.NeedConversations} ({corpusOnly.NeedConversationsSent} corpus only)");
if (options.LlmOnly) goto report;

await using (var bot = await BenchBot.Start())
{
    var chatter = (await GroupBuyBot.Core.Evaluation.EvaluationCorpus.ReadNeedsAsync(options.CorpusPath, CancellationToken.None))
        .SelectMany(c => c.Messages).Select(m => m.Text).ToList();
    var load = await LoadScenario.Run(bot, options.Chats, options.Members, chatterPerMember: 1, chatter);
    Add("updates_per_s", load.UpdatesPerSecond, "Throughput: updates handled / s", $"{load.UpdatesPerSecond:0} ({load.Updates} updates in {load.Seconds:0.0} s)", ">= 2000", load.UpdatesPerSecond >= 2000);
    Add("updates_per_cpu_s", load.Updates / load.CpuSeconds, "Updates per CPU-second (bot + emulator)", $"{load.Updates / load.CpuSeconds:0} ({load.CpuSeconds:0.0} CPU-s)");
    var peak = PeakWorkingSetMb();
    Add("peak_working_set_mb", peak, $"Peak working set, {load.Chats} chats + {load.SignUps} sign-ups (bot + emulator)", $"{peak:0} MB", "<= 200", peak <= 200);

    await Task.Delay(TimeSpan.FromSeconds(3.5)); // past the list-edit interval of every chat touched by the load
    var latencyTaps = Math.Min(200, load.Chats);
    var latency = await JoinLatencyScenario.Run(bot, latencyTaps, i => LoadScenario.ChatId(i), i => load.ListMessageIds[i]);
    Add("join_p50_ms", latency.P50Ms, "Join tap → list edit, p50", $"{latency.P50Ms:0.0} ms");
    Add("join_p99_ms", latency.P99Ms, "Join tap → list edit, p99", $"{latency.P99Ms:0.0} ms (max {latency.MaxMs:0.0})", "<= 50", latency.P99Ms <= 50);

    var storm = await JoinStormScenario.Run(bot, members: 1000, capacity: 100);
    var exact = storm is { Active: 100, Waitlisted: 900, Lost: 0, Duplicated: 0, ListShowsIt: true };
    Add("storm_active", storm.Active, "Join storm: active", storm.Active.ToString(CultureInfo.InvariantCulture), "100", storm.Active == 100);
    Add("storm_waitlisted", storm.Waitlisted, "Join storm: waitlisted", storm.Waitlisted.ToString(CultureInfo.InvariantCulture), "900", storm.Waitlisted == 900);
    Add("storm_lost", storm.Lost, "Join storm: lost", storm.Lost.ToString(CultureInfo.InvariantCulture), "0", storm.Lost == 0);
    Add("storm_duplicated", storm.Duplicated, "Join storm: duplicated", storm.Duplicated.ToString(CultureInfo.InvariantCulture), "0", storm.Duplicated == 0);
    Add("storm_seconds", storm.HandledSeconds, "Join storm: taps sent / all answered", $"{storm.TapSeconds:0.00} s / {storm.HandledSeconds:0.0} s", "list shows 100", exact);
    Add("peak_working_set_mb_end", PeakWorkingSetMb(), "Peak working set, whole run", $"{PeakWorkingSetMb():0} MB");
}

report:
Console.WriteLine();
foreach (var (name, value, target, met) in table)
{
    var verdict = met switch { true => "ok", false => "MISSED", null => "" };
    Console.WriteLine($"{name,-62} {value,-40} {target,-14} {verdict}");
}

if (options.OutPath is { } outPath)
{
    await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"\nWrote {Path.GetFullPath(outPath)}");
}

return 0;

static double PeakWorkingSetMb()
{
    using var process = Process.GetCurrentProcess();
    return process.PeakWorkingSet64 / (1024.0 * 1024.0);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
