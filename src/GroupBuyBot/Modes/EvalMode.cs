using System.Globalization;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.SignUps.Replies;
using GroupBuyBot.Infrastructure.Ai;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Modes;

/// <summary>
/// <c>eval needs FILE [--out P] [--strict] [--whole]</c> and <c>eval signups FILE [--out P] [--strict]</c>: scores the
/// configured discovery and reply reader on a labelled corpus (format: ../shared/eval/README.md) and prints the metrics,
/// headline last. <c>eval needs</c> replays each conversation through the bot's own discovery path
/// (<see cref="DiscoveryRound"/> on a clock simulated from the messages' times, the host's real need board on its
/// database) and scores the board at the end, and the suggestions apart; <c>--whole</c> hands each conversation to the
/// extractor as one window instead. With a model configured it first says how many windows (replies) the model read,
/// how many its fallback read and why (a fallback is never silent), the calls and the tokens. <c>--strict</c> stops at
/// the first fallback and exits 1.
/// </summary>
public static class EvalMode
{
    public const string Usage = "usage: eval needs|signups FILE [--out PREDICTIONS.jsonl] [--strict] [--whole]";

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

        if (needs && !args.Contains("--whole")) return await Replay(file, predictions, strict, services, gateway, output, error);

        EvaluationReport report;
        try
        {
            report = needs
                ? await NeedsEvaluation.RunAsync(file, Strict(services.GetRequiredService<INeedExtractor>(), gateway, function, strict), predictions, CancellationToken.None)
                : await SignUpsEvaluation.RunAsync(file, Strict(await ReplyReader(file, services, gateway, output), gateway, function, strict), predictions, CancellationToken.None);
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

    /// <summary>
    /// The configured reply reader; without a model, the local one with a reply-intent model that never learned from
    /// this corpus's replies (when it is one of the embedded corpora), so the figures are those of a set never seen.
    /// </summary>
    private static async Task<Func<string, CancellationToken, Task<SignUpReply>>> ReplyReader(string file, IServiceProvider services, ModelGateway? gateway, TextWriter output)
    {
        if (gateway is not null) return services.GetRequiredService<ISignUpReplyReader>().Read;

        var texts = (await EvaluationCorpus.ReadSignUpsAsync(file, CancellationToken.None)).Select(c => c.Text).ToHashSet(StringComparer.Ordinal);
        var (model, left) = ReplyIntentModel.Without(texts);
        if (left > 0) await output.WriteLineAsync($"reply-intent model: learned without the {left} embedded replies whose text is in this corpus");

        return new LocalSignUpReplyReader(model).Read;
    }

    /// <summary>The production path: each conversation in a fresh chat through <see cref="DiscoveryRound"/>, the board read at its end.</summary>
    private static async Task<int> Replay(string file, string? predictions, bool strict, IServiceProvider services, ModelGateway? gateway, TextWriter output, TextWriter error)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
        {
            await services.GetRequiredService<DatabaseProvider>().Migrate(db, CancellationToken.None);
        }

        var totals = new ReplayTotals();
        ReplayEvaluation result;
        try
        {
            result = await NeedsEvaluation.ReplayAsync(file, services.GetRequiredService<DiscoveryRound>(), services.GetRequiredService<INeedBoardStore>(), predictions, soFar =>
            {
                totals = soFar;
                if (strict && gateway is not null && soFar.ReadByFallback > 0) throw new FellBackException();
            }, CancellationToken.None);
        }
        catch (FellBackException)
        {
            await output.WriteAsync(DescribeReplay(totals, gateway));
            await error.WriteLineAsync($"--strict: stopped at the first fallback ({Reasons(gateway!)}): the model did not read everything.");
            return FellBackExitCode;
        }

        await output.WriteAsync(DescribeReplay(result.Totals, gateway));
        await output.WriteAsync(Prefixed(result.Suggested, "suggested_").Format());
        await output.WriteAsync(result.Board.Format());
        if (gateway is null || result.Totals.ReadByFallback == 0) return 0;

        await error.WriteLineAsync(result.Totals.ReadByModel == 0
            ? $"warning: the model endpoint did not answer ({Reasons(gateway)}): these figures are the fallback's alone."
            : $"warning: {result.Totals.ReadByFallback} windows were read by the fallback, not the model ({Reasons(gateway)}): the figures mix both.");
        return strict ? FellBackExitCode : 0;
    }

    private static string DescribeReplay(ReplayTotals totals, ModelGateway? gateway)
    {
        var read = totals.ReadByModel + totals.ReadByFallback + totals.ReadByEmbedded;
        var model = gateway is null
            ? "model: none configured, the embedded extractor read every window\n"
            : string.Create(CultureInfo.InvariantCulture, $"model: read {totals.ReadByModel} of {totals.ReadByModel + totals.ReadByFallback} windows, the embedded fallback {totals.ReadByFallback}")
              + (totals.ReadByFallback > 0 ? $" ({Reasons(gateway)})" : "")
              + string.Create(CultureInfo.InvariantCulture, $"; {totals.ModelCalls} calls, {totals.Tokens} tokens\n");
        return model + string.Create(CultureInfo.InvariantCulture,
            $"replay: {totals.Messages} messages, {totals.Taken} windows due, {read} read, {totals.WithoutNewCue} without a new cue, {totals.Refused} refused by the gate; {totals.Suggestions} suggestions\n");
    }

    // Why windows fell back, over both need prompts (a lone window's and a shared call's).
    private static string Reasons(ModelGateway gateway)
    {
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var function in new[] { SemanticKernelNeedExtractor.Function, SemanticKernelNeedExtractor.TogetherFunction })
        {
            foreach (var (reason, count) in gateway.Usage.For(function).Reasons) reasons[reason] = reasons.GetValueOrDefault(reason) + count;
        }

        return string.Join(", ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ×{r.Value}"));
    }

    private static EvaluationReport Prefixed(EvaluationReport report, string prefix) => new([.. report.Metrics.Select(m => (prefix + m.Name, m.Value))]);

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
