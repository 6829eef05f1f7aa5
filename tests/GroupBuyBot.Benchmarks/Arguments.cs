using System.Globalization;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Command line of the benchmark: <c>--out bench.json --chats 1000 --members 10 --soak-chats 100 --corpus path
/// --bot path/to/GroupBuyBot.dll --trace load.nettrace --trace-profile dotnet-sampled-thread-time [--llm-only | --load-only] [--provider sqlite|postgres [--instances N]]</c>.
/// </summary>
/// <param name="Postgres">The bot on a PostgreSQL database (the test kit's throwaway cluster) instead of its SQLite files.</param>
/// <param name="Instances">Bot processes on that one database (PostgreSQL only): one polls, all handle.</param>
public sealed record Arguments(string? OutPath, int Chats, int Members, int SoakChats, string CorpusPath, string? BotDll, string? TracePath, string TraceProfile, bool LlmOnly, bool LoadOnly,
    bool Postgres, int Instances)
{
    public static Arguments Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var chats = Number("--chats", 1000);
        var provider = Value("--provider") ?? "sqlite";
        if (provider is not ("sqlite" or "postgres")) throw new ArgumentException($"--provider is sqlite or postgres, not {provider}");
        var instances = Number("--instances", 1);
        if (instances < 1 || (instances > 1 && provider != "postgres")) throw new ArgumentException("--instances N (1 or more) needs --provider postgres: several processes share one database only there");
        return new Arguments(Value("--out"), chats, Number("--members", 10), Number("--soak-chats", Math.Min(100, chats)),
            Value("--corpus") ?? FindCorpus(), Value("--bot"), Value("--trace"), Value("--trace-profile") ?? "dotnet-sampled-thread-time", args.Contains("--llm-only"), args.Contains("--load-only"),
            provider == "postgres", instances);
    }

    /// <summary>The shared eval corpus, <c>../shared/eval/needs-dev.jsonl</c> from the repository or any folder above.</summary>
    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval", "needs-dev.jsonl");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("The eval corpus was not found; pass --corpus path/to/needs-dev.jsonl.");
    }
}
