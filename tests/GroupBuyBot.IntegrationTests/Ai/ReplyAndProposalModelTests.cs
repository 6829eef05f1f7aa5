using GroupBuyBot.Core.Discovery.Proposals;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.TestKit.FakeOpenAi;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>The ReadSignUpReply and ProposeGroupBuy prompts through the real connector.</summary>
public class ReplyAndProposalModelTests
{
    [Fact]
    public async Task Clear_replies_never_reach_the_model_and_ambiguous_ones_do()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Json("""{"intent":"join","quantity":2}"""));
        var model = new ModelPath(server);

        Assert.Equal(new SignUpReply(SignUpIntent.Join, 1, false), await model.Replies.Read("+1", CancellationToken.None));
        Assert.Empty(server.Requests);

        const string ambiguous = "嗯…我考虑一下，可能要两份吧";
        Assert.True(SignUpReplyParser.Parse(ambiguous).IsAmbiguous);
        var read = await model.Replies.Read(ambiguous, CancellationToken.None);

        Assert.Equal(new SignUpReply(SignUpIntent.Join, 2, false), read);
        var request = Assert.Single(server.Requests);
        Assert.Contains("sign_up_reply", request.ResponseFormatJson);
        Assert.Contains(ambiguous, request.Messages[^1].Content);
    }

    [Theory]
    [InlineData("""{"intent":"set","quantity":0}""")]
    [InlineData("""{"intent":"join","quantity":5000}""")]
    [InlineData("""{"intent":"open_buy","quantity":1}""")]
    [InlineData("""not json""")]
    public async Task An_insane_or_unreadable_reading_keeps_the_local_guess(string answer)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Json(answer));
        var model = new ModelPath(server);
        const string ambiguous = "嗯…我考虑一下，可能要两份吧";

        Assert.Equal(SignUpReplyParser.Parse(ambiguous), await model.Replies.Read(ambiguous, CancellationToken.None));
    }

    [Fact]
    public async Task An_unavailable_model_keeps_the_local_guess()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Error(500);
        var model = new ModelPath(server, maxRetries: 1);
        const string ambiguous = "maybe 2? let me check with my wife";

        Assert.Equal(SignUpReplyParser.Parse(ambiguous), await model.Replies.Read(ambiguous, CancellationToken.None));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_good_proposal_is_used_and_a_bad_one_gives_the_embedded_draft()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(
            FakeAnswer.Json("""{"title":"周末亲子陶艺课","min_units":4,"deadline_days":5}"""),
            FakeAnswer.Json("""{"title":"","min_units":-3,"deadline_days":400}"""));
        var model = new ModelPath(server);

        var good = await model.Proposer.Propose(new ProposalRequest(-1001, "周末带娃做陶艺", 3), CancellationToken.None);
        var bad = await model.Proposer.Propose(new ProposalRequest(-1001, "周末带娃做陶艺", 3), CancellationToken.None);

        Assert.Equal(new("周末亲子陶艺课", 4, 5), good);
        Assert.Equal(new("周末带娃做陶艺", 3, 3), bad);
        Assert.Contains("NEED START", server.Requests[0].Messages[^1].Content);
    }

    [Fact]
    public async Task A_proposal_with_values_of_the_wrong_kind_gives_the_embedded_draft_instead_of_failing_the_tap()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Json("""{"title":["周末亲子陶艺课"],"min_units":"4","deadline_days":{"days":5}}"""));
        var model = new ModelPath(server);

        var draft = await model.Proposer.Propose(new ProposalRequest(-1001, "周末带娃做陶艺", 3), CancellationToken.None);

        Assert.Equal(new("周末带娃做陶艺", 3, 3), draft);
    }
}
