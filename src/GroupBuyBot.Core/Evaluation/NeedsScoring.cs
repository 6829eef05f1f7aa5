namespace GroupBuyBot.Core.Evaluation;

/// <summary>Gold and predicted needs of one conversation, as sets of interested member ids.</summary>
public sealed record ConversationNeeds(
    string Id,
    IReadOnlyList<IReadOnlySet<long>> Gold,
    IReadOnlyList<IReadOnlySet<long>> Predicted);

/// <summary>
/// The needs metrics of /shared/eval/score.py: predictions with fewer than two members are
/// dropped, pairs are matched one-to-one greedily by Jaccard (highest first; ties go to the higher gold
/// then higher prediction index, as Python's reverse tuple sort orders them), matched when Jaccard >= 0.5.
/// </summary>
public static class NeedsScoring
{
    public const double MatchThreshold = 0.5;

    public static EvaluationReport Score(IReadOnlyList<ConversationNeeds> conversations)
    {
        int matched = 0, predictedCount = 0, goldCount = 0, tp = 0, fp = 0, fn = 0, negatives = 0, falseSuggestions = 0;
        foreach (var conversation in conversations)
        {
            var gold = conversation.Gold;
            var predicted = conversation.Predicted.Where(p => p.Count >= 2).ToList();
            predictedCount += predicted.Count;
            goldCount += gold.Count;
            if (gold.Count == 0)
            {
                negatives++;
                falseSuggestions += predicted.Count > 0 ? 1 : 0;
            }

            var pairs = new List<(double Jaccard, int Gold, int Predicted)>();
            for (var g = 0; g < gold.Count; g++)
            {
                for (var p = 0; p < predicted.Count; p++)
                {
                    pairs.Add((Jaccard(gold[g], predicted[p]), g, p));
                }
            }

            // Python sorts the (jaccard, gi, pi) tuples in reverse: ties go to the higher indices.
            pairs.Sort((a, b) => b.CompareTo(a));
            var usedGold = new HashSet<int>();
            var usedPredicted = new HashSet<int>();
            foreach (var (jaccard, g, p) in pairs)
            {
                if (jaccard < MatchThreshold || usedGold.Contains(g) || usedPredicted.Contains(p))
                {
                    continue;
                }

                usedGold.Add(g);
                usedPredicted.Add(p);
                matched++;
                tp += gold[g].Count(predicted[p].Contains);
                fp += predicted[p].Count(id => !gold[g].Contains(id));
                fn += gold[g].Count(id => !predicted[p].Contains(id));
            }

            fn += Enumerable.Range(0, gold.Count).Where(g => !usedGold.Contains(g)).Sum(g => gold[g].Count);
            fp += Enumerable.Range(0, predicted.Count).Where(p => !usedPredicted.Contains(p)).Sum(p => predicted[p].Count);
        }

        var precision = Ratio(matched, predictedCount);
        var recall = Ratio(matched, goldCount);
        var memberPrecision = Ratio(tp, tp + fp);
        var memberRecall = Ratio(tp, tp + fn);
        return new EvaluationReport(
        [
            ("conversations", conversations.Count),
            ("gold_needs", goldCount),
            ("predicted", predictedCount),
            ("matched", matched),
            ("false_suggestion_rate", Ratio(falseSuggestions, negatives)),
            ("need_precision", precision),
            ("need_recall", recall),
            ("member_f1", F1(memberPrecision, memberRecall)),
            ("need_f1", F1(precision, recall)),
        ]);
    }

    public static double Jaccard(IReadOnlySet<long> a, IReadOnlySet<long> b)
    {
        var union = new HashSet<long>(a);
        union.UnionWith(b);
        return union.Count == 0 ? 0.0 : (double)a.Count(b.Contains) / union.Count;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0.0 : (double)numerator / denominator;

    private static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}
