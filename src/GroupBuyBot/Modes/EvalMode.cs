using System.Globalization;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Infrastructure.Ai;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Modes;

/// <summary>
/// <c>eval needs FILE [--out P] [--strict]</c> and <c>eval signups FILE [--out P] [--strict]</c>: scores the configured
/// extractor and reply reader on a labelled corpus (format: ../shared/eval/README.md) and prints the metrics, headline
/// last. With a model configured it first says how many windows (replies) the model read and how many its fallback
/// read, and why; a fallback is never silent. <c>--strict</c> stops at the first fallback and exits 1.
/// </summary>
public static class EvalMode
{
    public const string Usage = "usage: eval needs|signups FILE [--out PREDICTIONS.jsonl] [--strict]";

    /// <summary>The exit code of <c>--strict</c> when anything was read by a fallback instead of the model.</summary>
    public const int FellBackExitCode = 1;

    public static async Task<int> Run(string[] args, IHost host, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length < 3 || args[1] is not ("needs" or "signups"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var file = args[2];
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No such corpus file: {file}");
            return 2;
        }

        var outIndex = Array.IndexOf(args, "--out");
        var predictions = outIndex > 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
        var strict = args.Contains("--strict");
        var services = host.Services;
        var gateway = services.GetService<ModelGateway>();
        var needs = args[1] == "needs";
        var function = needs ? SemanticKernelNeedExtractor.Function : ModelSignUpReplyReader.Function;
        if (gateway is not null)
        {
            // The live bot rests the model for a while after a failure; an evaluation asks it about every window, or
            // one failure would hand the rest of the corpus to the fallback (and the figures would be the fallback's).
            services.GetRequiredService<IOptions<LlmOptions>>().Value.CooldownSeconds = 0;
        }

        EvaluationReport report;
        try
        {
            report = needs
                ? await NeedsEvaluation.RunAsync(file, Strict(services.GetRequiredService<INeedExtractor>(), gateway, function, strict), predictions, CancellationToken.None)
                : await SignUpsEvaluation.RunAsync(file, Strict(services.GetRequiredService<ISignUpReplyReader>().Read, gateway, function, strict), predictions, CancellationToken.None);
        }
        catch (FellBackException)
        {
            await output.WriteAsync(Describe(gateway!, function, needs));
            await error.WriteLineAsync($"--strict: stopped at the first fallback ({gateway!.Usage.For(function).DescribeReasons()}): the model did not read everything.");
            return FellBackExitCode;
        }

        if (gateway is null)
        {
            await output.WriteLineAsync(needs ? "model: none configured, the embedded extractor read every window" : "model: none configured, the local rules read every reply");
        }
        else
        {
            await output.WriteAsync(Describe(gateway, function, needs));
        }

        await output.WriteAsync(report.Format());
        var usage = gateway?.Usage.For(function);
        if (usage is not { FellBack: > 0 }) return 0;

        var what = needs ? "windows" : "replies";
        await error.WriteLineAsync(usage.Answered == 0
            ? $"warning: the model endpoint did not answer ({usage.DescribeReasons()}): these figures are the fallback's alone."
            : $"warning: {usage.FellBack} {what} were read by the fallback, not the model ({usage.DescribeReasons()}): the figures mix both.");
        return strict ? FellBackExitCode : 0;
    }

    private static string Describe(ModelGateway gateway, string function, bool needs)
    {
        var usage = gateway.Usage.For(function);
        var total = usage.Answered + usage.FellBack;
        var fallback = needs ? "the embedded fallback" : "the local rules";
        var what = needs ? "windows" : "ambiguous replies";
        var line = string.Create(CultureInfo.InvariantCulture, $"model: read {usage.Answered} of {total} {what}, {fallback} {usage.FellBack}");
        if (usage.FellBack > 0) line += $" ({usage.DescribeReasons()})";
        return line + string.Create(CultureInfo.InvariantCulture, $"; {usage.Tokens} tokens\n");
    }

    private static INeedExtractor Strict(INeedExtractor extractor, ModelGateway? gateway, string function, bool strict) =>
        strict && gateway is not null ? new StrictExtractor(extractor, gateway, function) : extractor;

    private static Func<string, CancellationToken, Task<SignUpReply>> Strict(Func<string, CancellationToken, Task<SignUpReply>> read, ModelGateway? gateway, string function, bool strict)
    {
        if (!strict || gateway is null) return read;
        return async (text, ct) =>
        {
            var reply = await read(text, ct);
            if (gateway.Usage.For(function).FellBack > 0) throw new FellBackException();
            return reply;
        };
    }

    private sealed class StrictExtractor(INeedExtractor inner, ModelGateway gateway, string function) : INeedExtractor
    {
        public async Task<IReadOnlyList<ExtractedNeed>> ExtractAsync(IReadOnlyList<ChatMessage> window, CancellationToken ct)
        {
            var needs = await inner.ExtractAsync(window, ct);
            if (gateway.Usage.For(function).FellBack > 0) throw new FellBackException();
            return needs;
        }
    }

    private sealed class FellBackException : Exception;
}
