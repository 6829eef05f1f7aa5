using GroupBuyBot.Core.Evaluation;

namespace GroupBuyBot.Core.Tests.Evaluation;

public sealed class NeedsScoringTests
{
    private static HashSet<long> Set(params long[] ids) => ids.ToHashSet();

    [Fact]
    public void Jaccard_of_half_overlap_matches_and_counts_members()
    {
        // {1,2,3} vs {2,3,4}: Jaccard 2/4 = 0.5, exactly the threshold.
        var report = NeedsScoring.Score([new ConversationNeeds("a", [Set(1, 2, 3)], [Set(2, 3, 4)])]);

        Assert.Equal(1, report.Get("matched"));
        Assert.Equal(1.0, report.Get("need_f1"), 6);
        Assert.Equal(2.0 / 3.0, report.Get("member_f1"), 6); // tp 2, fp 1, fn 1
    }

    [Fact]
    public void Below_half_overlap_does_not_match()
    {
        var report = NeedsScoring.Score([new ConversationNeeds("a", [Set(1, 2, 3)], [Set(3, 4, 5)])]);

        Assert.Equal(0, report.Get("matched"));
        Assert.Equal(0.0, report.Get("need_f1"));
    }

    [Fact]
    public void Greedy_matching_takes_the_best_pair_first_and_one_to_one()
    {
        // Prediction {1,2} fits gold A exactly and gold B at 0.67; it may only match once.
        var conversation = new ConversationNeeds("a", [Set(1, 2), Set(1, 2, 3)], [Set(1, 2)]);

        var report = NeedsScoring.Score([conversation]);

        Assert.Equal(1, report.Get("matched"));
        Assert.Equal(1.0, report.Get("need_precision"));
        Assert.Equal(0.5, report.Get("need_recall"));
    }

    [Fact]
    public void Single_member_predictions_are_ignored()
    {
        var report = NeedsScoring.Score([new ConversationNeeds("neg", [], [Set(7)])]);

        Assert.Equal(0, report.Get("predicted"));
        Assert.Equal(0.0, report.Get("false_suggestion_rate"));
    }

    [Fact]
    public void False_suggestion_rate_counts_negative_conversations_with_any_prediction()
    {
        var report = NeedsScoring.Score(
        [
            new ConversationNeeds("neg1", [], [Set(1, 2)]),
            new ConversationNeeds("neg2", [], []),
            new ConversationNeeds("pos", [Set(5, 6)], [Set(5, 6)]),
        ]);

        Assert.Equal(0.5, report.Get("false_suggestion_rate"));
        Assert.Equal(0.5, report.Get("need_precision"));
        Assert.Equal("need_f1", report.Metrics[^1].Name);
    }
}
