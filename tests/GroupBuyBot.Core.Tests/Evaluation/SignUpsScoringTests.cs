using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.Evaluation;

public sealed class SignUpsScoringTests
{
    [Fact]
    public void Quantity_counts_only_gold_join_or_set_and_needs_the_intent_right()
    {
        var report = SignUpsScoring.Score(
        [
            new ScoredReply("+2", SignUpIntent.Join, 2, new SignUpReply(SignUpIntent.Join, 2, false)),
            new ScoredReply("改成2份", SignUpIntent.Set, 2, new SignUpReply(SignUpIntent.Join, 2, false)),
            new ScoredReply("谢谢", SignUpIntent.None, null, new SignUpReply(SignUpIntent.None, null, false)),
            new ScoredReply("-1", SignUpIntent.Leave, null, new SignUpReply(SignUpIntent.None, null, true)),
        ]);

        Assert.Equal(0.5, report.Get("intent_accuracy"));
        Assert.Equal(0.5, report.Get("quantity_accuracy"));
        Assert.Equal("intent_accuracy", report.Metrics[^1].Name);
    }
}
