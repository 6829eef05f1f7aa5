using System.Text;
using System.Text.Json;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>Runs a reply parser over a sign-ups corpus and scores it like score.py.</summary>
public static class SignUpsEvaluation
{
    public static async Task<EvaluationReport> RunAsync(
        string corpusPath,
        Func<string, CancellationToken, Task<SignUpReply>> parse,
        string? predictionsOut,
        CancellationToken ct)
    {
        var cases = await EvaluationCorpus.ReadSignUpsAsync(corpusPath, ct);
        var scored = new List<ScoredReply>();
        var lines = new StringBuilder();
        foreach (var reply in cases)
        {
            var predicted = await parse(reply.Text, ct);
            scored.Add(new ScoredReply(reply.Text, reply.Intent, reply.Quantity, predicted));
            lines.Append(JsonSerializer.Serialize(new
            {
                text = reply.Text,
                intent = EvaluationCorpus.IntentName(predicted.Intent),
                quantity = predicted.Intent is SignUpIntent.Join or SignUpIntent.Set ? predicted.Quantity : null,
                ambiguous = predicted.IsAmbiguous,
            })).Append('\n');
        }

        if (predictionsOut is not null)
        {
            await File.WriteAllTextAsync(predictionsOut, lines.ToString(), new UTF8Encoding(false), ct);
        }

        return SignUpsScoring.Score(scored);
    }
}
