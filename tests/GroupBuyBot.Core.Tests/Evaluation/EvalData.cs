namespace GroupBuyBot.Core.Tests.Evaluation;

/// <summary>The development sets by name (dev, dev2, dev3, dev4, dev4-streams, dev5, dev5-streams, dev6, dev6-streams, dev7, dev7-streams, dev8, dev9, dev10, dev10-streams, dev11, dev11-streams, dev12, dev12-streams, dev13, dev13-streams), wherever they are kept.</summary>
internal static class EvalData
{
    public static string Needs(string set) => set switch
    {
        "dev" => DevCorpus.File("needs-dev.jsonl"),
        "dev2" => InRepository("needs-extra.jsonl"),
        "dev3" => InRepository("needs-blind.jsonl"),
        "dev4-streams" => InRepository("needs-streams-dev4.jsonl"),
        "dev5-streams" => InRepository("needs-streams-dev5.jsonl"),
        "dev6-streams" => InRepository("needs-streams-dev6.jsonl"),
        "dev7-streams" => InRepository("needs-streams-dev7.jsonl"),
        "dev10-streams" => InRepository("needs-streams-dev10.jsonl"),
        "dev11-streams" => InRepository("needs-streams-dev11.jsonl"),
        "dev12-streams" => InRepository("needs-streams-dev12.jsonl"),
        "dev13-streams" => InRepository("needs-streams-dev13.jsonl"),
        _ => InRepository($"needs-{set}.jsonl"),
    };

    public static string SignUps(string set) => set switch
    {
        "dev" => DevCorpus.File("signups-dev.jsonl"),
        "dev2" => InRepository("signups-extra.jsonl"),
        "dev3" => InRepository("signups-blind.jsonl"),
        _ => InRepository($"signups-{set}.jsonl"),
    };

    private static string InRepository(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "eval-data");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(candidate, name);
            }
        }

        throw new InvalidOperationException($"No 'tests/eval-data' folder above {AppContext.BaseDirectory}.");
    }
}
