using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Tests.Evaluation;

public sealed class DevCorpusTargetTests
{
    [Fact]
    public async Task Sign_up_parser_meets_the_dev_targets()
    {
        var output = Path.GetTempFileName();
        try
        {
            var report = await SignUpsEvaluation.RunAsync(
                DevCorpus.File("signups-dev.jsonl"), (text, _) => Task.FromResult(SignUpReplyParser.Parse(text)), output, CancellationToken.None);

            Assert.True(report.Get("intent_accuracy") >= 0.92, report.Format());
            Assert.True(report.Get("quantity_accuracy") >= 0.92, report.Format());
            Assert.Equal((int)report.Get("n"), (await File.ReadAllLinesAsync(output)).Length);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Need_extractor_meets_the_dev_targets()
    {
        var report = await NeedsEvaluation.RunAsync(DevCorpus.File("needs-dev.jsonl"), new EmbeddedNeedExtractor(), null, CancellationToken.None);

        Assert.True(report.Get("need_f1") >= 0.75, report.Format());
        Assert.True(report.Get("false_suggestion_rate") <= 0.2, report.Format());
    }
}
