using GroupBuyBot.Core.Discovery;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.FakeOpenAi;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary>
/// Errors without an HTTP status (Semantic Kernel wraps them as HttpOperationException with no StatusCode) are the
/// network's, not the provider's verdict: retried like a 503, a bounded number of times, then the fallback.
/// </summary>
public class ConnectionRetryTests
{
    private const string GoodAnswer = """{"needs":[{"summary":"Weekend kids' pottery class","interested":[101,102,103],"evidence":[1,2,3],"units":null,"member_units":[]}]}""";

    [Fact]
    public async Task A_connection_reset_is_retried_and_the_answer_after_the_link_comes_back_is_used()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Json(GoodAnswer);
        await using var relay = TcpRelay.Start(server.BaseUrl);
        relay.Cut();
        _ = Task.Run(async () =>
        {
            var until = DateTime.UtcNow.AddSeconds(10);
            while (relay.Refused == 0 && DateTime.UtcNow < until) await Task.Delay(5);
            relay.Restore(); // the link comes back after the first attempt was reset
        });
        var model = new ModelPath(server, baseUrl: new Uri(relay.BaseUrl, "/v1"), maxRetries: 3);

        var needs = await model.Discovery.Extract(-1001, ModelPath.PotteryWindow(), CancellationToken.None);

        Assert.Equal("Weekend kids' pottery class", Assert.Single(needs).Summary); // the model's answer, not the embedded one
        Assert.True(relay.Refused >= 1);
        Assert.Single(server.Requests);
        Assert.Contains(model.Logs.Lines, line => line.Contains("connection", StringComparison.Ordinal) && line.Contains("retrying", StringComparison.Ordinal));
        Assert.Equal(1, model.Gateway.Usage.For("ExtractNeeds").Answered);
    }

    [Fact]
    public async Task A_link_that_stays_down_costs_a_bounded_number_of_attempts_then_the_embedded_extractor_reads_the_window()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var relay = TcpRelay.Start(server.BaseUrl);
        relay.Cut();
        var model = new ModelPath(server, baseUrl: new Uri(relay.BaseUrl, "/v1"), maxRetries: 2);
        var window = ModelPath.PotteryWindow();

        var needs = await model.Discovery.Extract(-1001, window, CancellationToken.None);

        Assert.Equal(3, relay.Refused); // one attempt and two retries, not one attempt treated as permanent
        Assert.Empty(server.Requests);
        Assert.Equivalent(EmbeddedNeedExtractor.Extract(window), needs);
        var usage = model.Gateway.Usage.For("ExtractNeeds");
        Assert.Equal((0, 1), (usage.Answered, usage.FellBack));
        Assert.Contains("connection", usage.DescribeReasons(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused_retried_then_the_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var closed = ClosedPort.Get();
        var model = new ModelPath(server, baseUrl: new Uri($"http://127.0.0.1:{closed}/v1"), maxRetries: 2);
        var window = ModelPath.PotteryWindow();

        var needs = await model.Discovery.Extract(-1001, window, CancellationToken.None);

        Assert.Equivalent(EmbeddedNeedExtractor.Extract(window), needs);
        Assert.Equal(2, model.Logs.Lines.Count(line => line.Contains("connection refused, retrying", StringComparison.Ordinal)));
        Assert.Equal("connection refused ×1", model.Gateway.Usage.For("ExtractNeeds").DescribeReasons());
    }

    [Fact]
    public async Task A_port_that_opens_again_between_retries_is_read_by_the_model()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Json(GoodAnswer);
        var port = ClosedPort.Get();
        var model = new ModelPath(server, baseUrl: new Uri($"http://127.0.0.1:{port}/v1"), maxRetries: 5);
        TcpRelay? relay = null;
        var opened = Task.Run(async () =>
        {
            var until = DateTime.UtcNow.AddSeconds(10);
            while (!model.Logs.Lines.Any(line => line.Contains("connection refused, retrying", StringComparison.Ordinal)))
            {
                if (DateTime.UtcNow > until) return; // never retried: the assertions below say so
                await Task.Delay(5);
            }

            relay = TcpRelay.Start(server.BaseUrl, port); // the provider is back, on the same port
        });

        try
        {
            var needs = await model.Discovery.Extract(-1001, ModelPath.PotteryWindow(), CancellationToken.None);

            Assert.Equal("Weekend kids' pottery class", Assert.Single(needs).Summary);
            Assert.Single(server.Requests);
        }
        finally
        {
            await opened;
            if (relay is not null) await relay.DisposeAsync();
        }
    }
}
