using System.Text.Json;

namespace GroupBuyBot.Core.Learning;

/// <summary>
/// The labelled examples shipped inside Core (Learning/Data/*.jsonl, written by tools/make-training-examples.py from
/// the development sets only). Read once per process; the classifiers train on them at first use.
/// </summary>
public static class TrainingExamples
{
    public const string InterestFile = "interest-examples.jsonl";
    public const string ReplyIntentFile = "reply-intent-examples.jsonl";

    private static readonly Lazy<IReadOnlyList<LabelledText>> Interest = new(() => Load(InterestFile));
    private static readonly Lazy<IReadOnlyList<LabelledText>> ReplyIntent = new(() => Load(ReplyIntentFile));

    /// <summary>Chat messages labelled "interest" (the speaker wants the thing or joins) or "other".</summary>
    public static IReadOnlyList<LabelledText> InterestExamples => Interest.Value;

    /// <summary>Replies to an announcement labelled join, set, leave or none.</summary>
    public static IReadOnlyList<LabelledText> ReplyIntentExamples => ReplyIntent.Value;

    private static List<LabelledText> Load(string file)
    {
        var name = $"GroupBuyBot.Core.Learning.Data.{file}";
        using var stream = typeof(TrainingExamples).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from GroupBuyBot.Core.");
        using var reader = new StreamReader(stream);
        var examples = new List<LabelledText>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var row = JsonDocument.Parse(line);
            var root = row.RootElement;
            examples.Add(new LabelledText(
                root.GetProperty("set").GetString() ?? string.Empty,
                root.GetProperty("label").GetString() ?? string.Empty,
                root.GetProperty("text").GetString() ?? string.Empty));
        }

        return examples;
    }
}
