using System.Text.Json;
using GroupBuyBot.Modes;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.FakeOpenAi;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.IntegrationTests.Ai;

/// <summary><c>eval needs|signups</c> with a model configured: it says who read what, and <c>--strict</c> fails on a fallback.</summary>
public class EvalModeTests
{
    private const string NoNeeds = """{"needs":[]}""";

    [Fact]
    public async Task With_the_model_answering_every_window_it_says_so_and_strict_passes()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Json(NoNeeds, promptTokens: 90, completionTokens: 10);
        using var data = new TempDirectory();
        using var host = Host(data, server.BaseUrl);

        var (code, output, error) = await Eval(host, "needs", NeedsCorpus(data, 3), "--strict");

        Assert.Equal(0, code);
        Assert.Contains("model: read 3 of 3 windows, the embedded fallback 0; 3 calls, 300 tokens", output);
        Assert.Contains("replay: 6 messages, 3 windows due, 3 read", output);
        Assert.Contains("suggested_need_f1=", output);
        Assert.EndsWith("need_f1=0.000\n", output); // the board's figure last: the model found nothing
        Assert.Equal("", error);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Whole_keeps_the_one_window_mode()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Json(NoNeeds, promptTokens: 90, completionTokens: 10);
        using var data = new TempDirectory();
        using var host = Host(data, server.BaseUrl);

        var (code, output, _) = await Eval(host, "needs", NeedsCorpus(data, 3), "--whole", "--strict");

        Assert.Equal(0, code);
        Assert.StartsWith("model: read 3 of 3 windows, the embedded fallback 0; 300 tokens\n", output);
        Assert.DoesNotContain("replay:", output);
    }

    [Fact]
    public async Task Strict_with_the_endpoint_down_exits_non_zero()
    {
        using var data = new TempDirectory();
        using var host = Host(data, new Uri($"http://127.0.0.1:{ClosedPort.Get()}/v1"));

        var (code, output, error) = await Eval(host, "needs", NeedsCorpus(data, 3), "--strict");

        Assert.Equal(EvalMode.FellBackExitCode, code);
        Assert.Contains("model: read 0 of 1 windows, the embedded fallback 1 (connection refused ×1)", output);
        Assert.Contains("--strict: stopped at the first fallback (connection refused ×1)", error);
    }

    [Fact]
    public async Task With_the_endpoint_down_it_says_so_instead_of_printing_the_fallbacks_figures_as_the_models()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var data = new TempDirectory();
        using var host = Host(data, new Uri($"http://127.0.0.1:{ClosedPort.Get()}/v1"));

        var (code, output, error) = await Eval(host, "needs", NeedsCorpus(data, 3));

        Assert.Equal(0, code); // not strict: the figures are printed, labelled
        Assert.Contains("model: read 0 of 3 windows, the embedded fallback 3 (connection refused ×3)", output);
        Assert.Contains("the model endpoint did not answer (connection refused ×3)", error);
    }

    [Fact]
    public async Task Strict_exits_non_zero_at_the_first_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Json(NoNeeds), FakeAnswer.Error(503), FakeAnswer.Error(503), FakeAnswer.Error(503));
        server.Responder = _ => FakeAnswer.Json(NoNeeds);
        using var data = new TempDirectory();
        using var host = Host(data, server.BaseUrl);

        var (code, output, error) = await Eval(host, "needs", NeedsCorpus(data, 4), "--strict");

        Assert.Equal(EvalMode.FellBackExitCode, code);
        Assert.Contains("model: read 1 of 2 windows, the embedded fallback 1 (HTTP 503 ×1)", output);
        Assert.Contains("--strict: stopped at the first fallback", error);
        Assert.Equal(4, server.Requests.Count); // one answer, then one window's three attempts; the last two windows were never sent
    }

    [Fact]
    public async Task One_failure_does_not_send_the_rest_of_the_corpus_to_the_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeAnswer.Error(401)); // permanent: the live bot would cool down for a minute
        server.Responder = _ => FakeAnswer.Json(NoNeeds);
        using var data = new TempDirectory();
        using var host = Host(data, server.BaseUrl);

        var (code, output, error) = await Eval(host, "needs", NeedsCorpus(data, 3));

        Assert.Equal(0, code);
        Assert.Contains("model: read 2 of 3 windows, the embedded fallback 1 (HTTP 401 ×1)", output);
        Assert.Contains("warning: 1 windows were read by the fallback", error);
    }

    [Fact]
    public async Task Sign_ups_report_the_ambiguous_replies_the_model_read()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Responder = _ => FakeAnswer.Json("""{"intent":"join","quantity":2}""");
        using var data = new TempDirectory();
        using var host = Host(data, server.BaseUrl);
        var corpus = Path.Combine(data.Path, "signups.jsonl");
        await File.WriteAllLinesAsync(corpus,
        [
            """{"text": "+1", "lang": "zh", "intent": "join", "quantity": 1}""",
            """{"text": "嗯…我考虑一下,可能要两份吧", "lang": "zh", "intent": "join", "quantity": 2}""",
        ]);

        var (code, output, _) = await Eval(host, "signups", corpus, "--strict");

        Assert.Equal(0, code);
        Assert.Contains("model: read 1 of 1 ambiguous replies, the local rules 0", output);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Without_a_model_it_says_the_embedded_extractor_read_everything()
    {
        using var data = new TempDirectory();
        using var host = BotHost.CreateBuilder([], new Dictionary<string, string?> { ["GroupBuyBot:Database:DataDirectory"] = data.Path }).Build();

        var (code, output, error) = await Eval(host, "needs", NeedsCorpus(data, 2), "--strict");

        Assert.Equal(0, code);
        Assert.StartsWith("model: none configured, the embedded extractor read every window", output);
        Assert.Equal("", error);
    }

    private static IHost Host(TempDirectory data, Uri llm) => BotHost.CreateBuilder([], new Dictionary<string, string?>
    {
        ["GroupBuyBot:Database:DataDirectory"] = data.Path,
        ["GroupBuyBot:Llm:BaseUrl"] = llm.ToString(),
        ["GroupBuyBot:Llm:Model"] = "fake-model",
        ["GroupBuyBot:Llm:ApiKey"] = "sk-test",
        ["GroupBuyBot:Llm:MaxRetries"] = "2",
        ["GroupBuyBot:Llm:RetryBaseDelayMilliseconds"] = "10",
        ["GroupBuyBot:Llm:TimeoutSeconds"] = "5",
    }).Build();

    private static async Task<(int Code, string Output, string Error)> Eval(IHost host, string kind, string corpus, params string[] flags)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EvalMode.Run(["eval", kind, corpus, .. flags], host, output, error);
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }

    private static string NeedsCorpus(TempDirectory data, int conversations)
    {
        var path = Path.Combine(data.Path, "needs.jsonl");
        var lines = Enumerable.Range(1, conversations).Select(i => JsonSerializer.Serialize(new
        {
            id = $"zh-{i}",
            lang = "zh",
            chat = new { id = -1000 - i, title = "群" },
            messages = new object[]
            {
                new { id = 1, from = new { id = 101, name = "王妈妈" }, at = "2026-11-04T20:10:00+08:00", text = "周末有没有人想带娃去做陶艺?", reply_to = (int?)null },
                new { id = 2, from = new { id = 102, name = "朵朵妈" }, at = "2026-11-04T20:11:00+08:00", text = "我家想去!", reply_to = (int?)1 },
            },
            needs = new[] { new { summary = "带娃做陶艺", interested = new[] { 101, 102 } } },
        }));
        File.WriteAllLines(path, lines);
        return path;
    }
}
