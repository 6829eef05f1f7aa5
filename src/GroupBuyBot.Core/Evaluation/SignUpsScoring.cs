using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>A gold reply and the parser's reading of it.</summary>
public sealed record ScoredReply(string Text, SignUpIntent GoldIntent, int? GoldQuantity, SignUpReply Predicted);

/// <summary>
/// The sign-up metrics of /shared/eval/score.py: intent accuracy over all lines; quantity accuracy
/// over gold join/set lines, where a line counts only if intent and quantity both match.
/// </summary>
public static class SignUpsScoring
{
    public static EvaluationReport Score(IReadOnlyList<ScoredReply> replies)
    {
        var intentCorrect = replies.Count(r => r.GoldIntent == r.Predicted.Intent);
        var withQuantity = replies.Where(r => r.GoldIntent is SignUpIntent.Join or SignUpIntent.Set).ToList();
        var quantityCorrect = withQuantity.Count(r => r.GoldIntent == r.Predicted.Intent && r.GoldQuantity == r.Predicted.Quantity);
        var ambiguous = replies.Count(r => r.Predicted.IsAmbiguous);
        return new EvaluationReport(
        [
            ("n", replies.Count),
            ("ambiguous_share", replies.Count == 0 ? 0.0 : (double)ambiguous / replies.Count),
            ("quantity_accuracy", withQuantity.Count == 0 ? 0.0 : (double)quantityCorrect / withQuantity.Count),
            ("intent_accuracy", replies.Count == 0 ? 0.0 : (double)intentCorrect / replies.Count),
        ]);
    }
}
