using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Model;
using GroupBuyBot.Core.Discovery.Proposals;
using GroupBuyBot.Infrastructure.Ai;
using GroupBuyBot.TestKit.FakeOpenAi;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>Every model call goes through one gateway: the chat's budget, token counting, cooldown, fallback, the token-limit field.</summary>
public class ModelGatewayTests
{
    private const string Ambiguous = "嗯…我考虑一下,可能要两份吧";
    private const string GoodNeeds = """{"needs":[{"summary":"Weekend kids' pottery class","interested":[101,102,103],"evidence":[1,2,3],"units":null,"member_units":[]}]}""";

    [Fact]
    public async Task Reply_and_proposal_calls_spend_their_chats_budget_not_only_the_global_one()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = request => request.ResponseFormatJson!.Contains("sign_up_reply", StringComparison.Ordinal)
            ? FakeAnswer.Json("""{"intent":"join","quantity":2}""")
            : request.ResponseFormatJson.Contains("group_buy_proposal", StringComparison.Ordinal)
                ? FakeAnswer.Json("""{"title":"陶艺课","min_units":3,"deadline_days":3}""")
                : FakeAnswer.Json(GoodNeeds);
        var model = new ModelPath(server, budget: new LlmBudgetOptions { CallsPerHourPerChat = 2 });
        var window = ModelPath.PotteryWindow();

        await model.Replies.Read(-1001, Ambiguous, CancellationToken.None);
        await model.Proposer.Propose(new ProposalRequest(-1001, "周末带娃做陶艺", 3), CancellationToken.None);
        var sameChat = await model.Discovery.Extract(-1001, window, CancellationToken.None);
        var otherChat = await model.Discovery.Extract(-2002, window, CancellationToken.None);

        Assert.Equal(3, server.Requests.Count); // the reply, the proposal, and chat -2002's window
        Assert.Equivalent(EmbeddedNeedExtractor.Extract(window), sameChat);
        Assert.Equal("Weekend kids' pottery class", Assert.Single(otherChat).Summary);
        Assert.Contains(model.Logs.Lines, line => line.Contains("ExtractNeeds for chat -1001", StringComparison.Ordinal) && line.Contains("chat calls per hour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tokens_of_a_reply_count_against_the_chat_and_stop_its_next_calls()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Json("""{"intent":"join","quantity":2}""", promptTokens: 450, completionTokens: 100);
        var model = new ModelPath(server, budget: new LlmBudgetOptions { TokensPerDayPerChat = 500 });

        await model.Replies.Read(-1001, Ambiguous, CancellationToken.None);
        var second = await model.Replies.Read(-1001, Ambiguous, CancellationToken.None);
        await model.Replies.Read(-2002, Ambiguous, CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(Core.SignUps.Replies.SignUpReplyParser.Parse(Ambiguous), second); // the local guess
        var usage = model.Gateway.Usage.For(ModelSignUpReplyReader.Function);
        Assert.Equal((2, 1, 1100L), (usage.Answered, usage.FellBack, usage.Tokens));
        Assert.Equal("budget: chat tokens per day ×1", usage.DescribeReasons());
    }

    [Fact]
    public async Task A_server_that_reports_no_usage_is_still_counted_by_an_estimate()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Json(GoodNeeds) with { OmitUsage = true });
        var model = new ModelPath(server);

        var needs = await model.Discovery.Extract(-1001, ModelPath.PotteryWindow(), CancellationToken.None);

        Assert.Single(needs);
        var prompt = string.Concat(Assert.Single(server.Requests).Messages.Select(m => m.Content));
        // Roughly a token per four characters of this English prompt; never zero, never absurd.
        Assert.InRange(model.Budget.TotalTokens, prompt.Length / 8, prompt.Length);
    }

    [Fact]
    public async Task While_cooling_down_after_a_failure_no_call_is_made_and_no_budget_is_spent()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Error(401);
        var model = new ModelPath(server, cooldownSeconds: 60);

        await model.Discovery.Extract(-1001, ModelPath.PotteryWindow(), CancellationToken.None);
        await model.Replies.Read(-1001, Ambiguous, CancellationToken.None);

        Assert.Single(server.Requests); // a 401 is not retried; the cooldown then covers the reply too
        Assert.Equal(1, model.Budget.TotalCalls);
        Assert.Equal("HTTP 401 ×1", model.Gateway.Usage.For("ExtractNeeds").DescribeReasons());
        Assert.Equal("cooling down ×1", model.Gateway.Usage.For(ModelSignUpReplyReader.Function).DescribeReasons());
    }

    [Theory]
    [InlineData(TokenLimitParameter.Auto, true, true)] // a local server: both fields
    [InlineData(TokenLimitParameter.Both, true, true)]
    [InlineData(TokenLimitParameter.MaxTokens, true, false)]
    [InlineData(TokenLimitParameter.MaxCompletionTokens, false, true)]
    public async Task The_token_limit_goes_in_the_configured_field_for_every_prompt(TokenLimitParameter parameter, bool maxTokens, bool maxCompletionTokens)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(
            FakeAnswer.Json("""{"needs":[]}"""),
            FakeAnswer.Json("""{"intent":"join","quantity":2}"""),
            FakeAnswer.Json("""{"title":"陶艺课","min_units":3,"deadline_days":3}"""));
        var model = new ModelPath(server, tokenLimit: parameter);

        await model.Discovery.Extract(-1001, ModelPath.PotteryWindow(), CancellationToken.None);
        await model.Replies.Read(-1001, Ambiguous, CancellationToken.None);
        await model.Proposer.Propose(new ProposalRequest(-1001, "周末带娃做陶艺", 3), CancellationToken.None);

        var limits = new[] { 1200, 60, 200 }; // the prompts' config.json max_tokens
        Assert.Equal(3, server.Requests.Count);
        foreach (var (request, limit) in server.Requests.Zip(limits))
        {
            var body = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal(maxTokens ? limit : (int?)null, body.TryGetProperty("max_tokens", out var t) ? t.GetInt32() : null);
            Assert.Equal(maxCompletionTokens ? limit : (int?)null, body.TryGetProperty("max_completion_tokens", out var c) ? c.GetInt32() : null);
            Assert.True(body.TryGetProperty("response_format", out _)); // the rest of the settings still applies
            Assert.Equal(request == server.Requests[2] ? 0.2 : 0.0, body.GetProperty("temperature").GetDouble(), 3);
        }
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", TokenLimitParameter.Auto, TokenLimitParameter.MaxCompletionTokens)]
    [InlineData("https://contoso.openai.azure.com/openai/v1", TokenLimitParameter.Auto, TokenLimitParameter.MaxCompletionTokens)]
    [InlineData("http://localhost:11434/v1", TokenLimitParameter.Auto, TokenLimitParameter.Both)]
    [InlineData("https://api.deepseek.com/v1", TokenLimitParameter.Auto, TokenLimitParameter.Both)]
    [InlineData("https://api.openai.com/v1", TokenLimitParameter.MaxTokens, TokenLimitParameter.MaxTokens)]
    public void Auto_sends_max_tokens_too_except_to_openai_itself(string baseUrl, TokenLimitParameter configured, TokenLimitParameter effective)
    {
        Assert.Equal(effective, LlmClient.EffectiveTokenLimitParameter(new LlmOptions { BaseUrl = baseUrl, Model = "m", TokenLimitParameter = configured }));
    }

    [Fact]
    public async Task A_proposal_is_told_the_units_asked_for_and_falls_back_to_them_as_the_minimum()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Error(500);
        var model = new ModelPath(server, maxRetries: 0);

        var draft = await model.Proposer.Propose(new ProposalRequest(-1001, "妃子笑荔枝", 3, RequestedUnits: 7), CancellationToken.None);

        Assert.Equal(new GroupBuyProposal("妃子笑荔枝", 7, 3), draft);
        Assert.Contains("Units asked for: 7", Assert.Single(server.Requests).Messages[^1].Content);
    }
}
