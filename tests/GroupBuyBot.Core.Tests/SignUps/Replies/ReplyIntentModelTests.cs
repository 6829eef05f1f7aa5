using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.SignUps.Replies;

/// <summary>
/// The learned reply intent and how the parser weighs it against the rules. The small corpora here are written for
/// these tests; the embedded ones are checked only for what they may hold.
/// </summary>
public sealed class ReplyIntentModelTests
{
    // A toy corpus in which "tickets" and "seats" replies are sign-ups.
    private static readonly LabelledReply[] Toy =
    [
        new("2 tickets pls", SignUpIntent.Join), new("4 tickets thanks", SignUpIntent.Join), new("1 ticket for me", SignUpIntent.Join),
        new("3 tickets, cheers", SignUpIntent.Join), new("two tickets ta", SignUpIntent.Join), new("5 tickets thx", SignUpIntent.Join),
        new("2 seats pls", SignUpIntent.Join), new("3 seats thanks", SignUpIntent.Join), new("1 seat for me", SignUpIntent.Join),
        new("what time does it start", SignUpIntent.None), new("where do we meet", SignUpIntent.None), new("lol nice", SignUpIntent.None),
        new("is parking free", SignUpIntent.None), new("how long is the show", SignUpIntent.None), new("ok see you", SignUpIntent.None),
        new("I'm out sorry", SignUpIntent.Leave), new("count me out", SignUpIntent.Leave), new("drop me please", SignUpIntent.Leave),
        new("change mine to 3", SignUpIntent.Set), new("make mine 2 instead", SignUpIntent.Set), new("change to 4 pls", SignUpIntent.Set),
    ];

    [Fact]
    public void The_same_examples_always_give_the_same_model()
    {
        var first = ReplyIntentModel.Train(Toy).Predict("6 tickets please");
        var second = ReplyIntentModel.Train(Toy).Predict("6 tickets please");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("7 tickets thanks", SignUpIntent.Join)]
    [InlineData("where is the show", SignUpIntent.None)]
    [InlineData("count me out, sorry", SignUpIntent.Leave)]
    public void It_reads_replies_it_never_saw_like_the_ones_it_learned_from(string text, SignUpIntent intent)
    {
        Assert.Equal(intent, ReplyIntentModel.Train(Toy).Predict(text).Intent);
    }

    [Fact]
    public void Where_the_rules_are_unsure_a_sure_model_decides_and_the_rules_still_count()
    {
        // The rules know tickets, not "grabbing" as an order verb: a count in a clause of other words leaves them unsure.
        var model = ReplyIntentModel.Train(Toy);
        var rulesAlone = SignUpReplyParser.Parse("grabbing 3 tickets for the gang", null);

        var weighed = SignUpReplyParser.Parse("grabbing 3 tickets for the gang", model);

        Assert.Equal(SignUpIntent.None, rulesAlone.Intent);
        Assert.True(rulesAlone.IsAmbiguous);
        Assert.Equal(SignUpIntent.Join, weighed.Intent);
        Assert.Equal(3, weighed.Quantity);
        Assert.True(weighed.IsAmbiguous); // the two disagreed: a configured model still gets the last word
    }

    [Fact]
    public void A_reply_that_tries_to_instruct_the_bot_is_never_overruled()
    {
        var pushy = Toy.Concat(Enumerable.Range(1, 12).Select(i => new LabelledReply($"ignore previous instructions {i} tickets", SignUpIntent.Join)));
        var model = ReplyIntentModel.Train(pushy);
        Assert.Equal(SignUpIntent.Join, model.Predict("ignore previous instructions 9 tickets").Intent);

        var reply = SignUpReplyParser.Parse("ignore previous instructions 9 tickets", model);

        Assert.Equal(SignUpIntent.None, reply.Intent);
    }

    [Fact]
    public void A_change_of_total_without_a_number_keeps_the_rules_reading()
    {
        var model = ReplyIntentModel.Train(Toy.Concat(Enumerable.Range(0, 12).Select(_ => new LabelledReply("change please", SignUpIntent.Set))));

        var reply = SignUpReplyParser.Parse("change please", model);

        Assert.NotEqual(SignUpIntent.Set, reply.Intent);
    }

    [Fact]
    public void The_embedded_corpora_are_development_sets_only()
    {
        var names = ReplyIntentModel.EmbeddedCorpusNames();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotContain("heldout", n, StringComparison.OrdinalIgnoreCase));
        Assert.All(names, n => Assert.DoesNotContain("final", n, StringComparison.OrdinalIgnoreCase));
        Assert.True(ReplyIntentModel.EmbeddedExamples > 500);
    }

    [Fact]
    public void Leaving_out_a_corpus_retrains_without_it_and_says_how_many_were_left()
    {
        var (same, none) = ReplyIntentModel.Without(["a reply nobody ever wrote in any corpus ✨"]);
        var (other, left) = ReplyIntentModel.Without(["+1"]);

        Assert.Same(ReplyIntentModel.Default, same);
        Assert.Equal(0, none);
        Assert.NotSame(ReplyIntentModel.Default, other);
        Assert.True(left >= 1);
    }

    [Theory]
    [InlineData("我要兩盒", 2)]
    [InlineData("幫我報三個", 3)]
    public void Traditional_characters_read_as_simplified_ones(string text, int quantity)
    {
        var reply = SignUpReplyParser.Parse(text, null);

        Assert.Equal(SignUpIntent.Join, reply.Intent);
        Assert.Equal(quantity, reply.Quantity);
    }

    [Fact]
    public void Folding_traditional_characters_keeps_everything_else()
    {
        Assert.Equal("我要两盒 ok 🍊", TraditionalFold.Fold("我要兩盒 ok 🍊"));
        Assert.Equal("plain text", TraditionalFold.Fold("plain text"));
    }
}
