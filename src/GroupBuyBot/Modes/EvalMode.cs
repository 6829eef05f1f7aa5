using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.SignUps.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.Modes;

/// <summary>
/// <c>eval needs FILE [--out P]</c> and <c>eval signups FILE [--out P]</c>: scores the configured extractor and
/// reply reader on a labelled corpus (format: ../shared/eval/README.md) and prints the metrics, headline last.
/// </summary>
public static class EvalMode
{
    public const string Usage = "usage: eval needs|signups FILE [--out PREDICTIONS.jsonl]";

    public static async Task<int> Run(string[] args, IHost host)
    {
        if (args.Length < 3 || args[1] is not ("needs" or "signups"))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var file = args[2];
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No such corpus file: {file}");
            return 2;
        }

        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex > 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        var services = host.Services;
        var report = args[1] == "needs"
            ? await NeedsEvaluation.RunAsync(file, services.GetRequiredService<INeedExtractor>(), output, CancellationToken.None)
            : await SignUpsEvaluation.RunAsync(file, services.GetRequiredService<ISignUpReplyReader>().Read, output, CancellationToken.None);
        Console.Write(report.Format());
        return 0;
    }
}
