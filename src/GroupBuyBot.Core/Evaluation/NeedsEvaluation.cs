using System.Text;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>Runs a need extractor over a needs corpus and scores it like score.py.</summary>
public static class NeedsEvaluation
{
    public static async Task<EvaluationReport> RunAsync(string corpusPath, INeedExtractor extractor, string? predictionsOut, CancellationToken ct)
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(corpusPath, ct);
        var scored = new List<ConversationNeeds>();
        var lines = new StringBuilder();
        foreach (var conversation in cases)
        {
            var predicted = await extractor.ExtractAsync(conversation.Messages, ct);
            scored.Add(new ConversationNeeds(
                conversation.Id,
                conversation.GoldNeeds,
                predicted.Select(n => (IReadOnlySet<long>)n.Interested.ToHashSet()).ToList()));
            lines.Append(JsonSerializer.Serialize(new
            {
                id = conversation.Id,
                needs = predicted.Select(n => new { summary = n.Summary, interested = n.Interested, evidence = n.Evidence }),
            })).Append('\n');
        }

        if (predictionsOut is not null)
        {
            await File.WriteAllTextAsync(predictionsOut, lines.ToString(), new UTF8Encoding(false), ct);
        }

        return NeedsScoring.Score(scored);
    }
}
