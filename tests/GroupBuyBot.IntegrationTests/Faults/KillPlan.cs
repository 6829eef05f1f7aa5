using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>Which side of Telegram accepting a message a kill lands on.</summary>
public enum KillSide
{
    /// <summary>The bot dies as it sends: Telegram never gets the message (whatever the bot committed before is all there is).</summary>
    BeforeAccepted,

    /// <summary>Telegram has the message, the bot dies before hearing so: the documented window for one duplicate.</summary>
    AfterAccepted,
}

/// <summary>
/// One SIGKILL: at the bot's <see cref="NthSend"/>-th sendMessage since it started polling, at the first sendMessage
/// <see cref="Matches"/> accepts, or <see cref="AfterMilliseconds"/> after it started polling (an arbitrary moment: in a
/// database transaction, between two calls, anywhere). Sends <see cref="Spare"/> accepts are neither counted nor hit.
/// </summary>
public sealed record KillStep(string Name, KillSide Side, int? NthSend = null, int? AfterMilliseconds = null, Func<BotCall, bool>? Matches = null,
    Func<BotCall, bool>? Spare = null)
{
    public override string ToString() =>
        NthSend is { } n ? $"{Name}: at the process's send #{n}, {Side}"
        : AfterMilliseconds is { } ms ? $"{Name}: {ms} ms after the process polls"
        : $"{Name}: at the first matching send, {Side}";
}

/// <summary>A kill that happened: which step, at which call, when.</summary>
public sealed record KillDone(KillStep Step, string At, double Seconds, int Process);

/// <summary>
/// Carries out a seeded plan of SIGKILLs on a <see cref="ChildBotHarness"/>'s bot, restarting it on the same database
/// after each. <c>Steps</c> run one per process, in order; a <c>standing</c> step (e.g. "as it answers the /newbuy") is
/// armed in every process until it fires. Kills at a send happen inside the emulator's request, before it is handled,
/// and the request's fate (handled or not) is then decided with the bot already dead.
/// </summary>
public sealed class KillSwitch(ChildBotHarness harness, IReadOnlyList<KillStep> steps, KillStep? standing)
{
    private readonly List<KillDone> _done = [];

    public IReadOnlyList<KillDone> Done => _done;

    /// <summary>Steps that never fired because the bot went quiet first.</summary>
    public List<KillStep> NotDone { get; } = [];

    /// <summary>
    /// Runs the plan; returns when every step fired or when <paramref name="nothingLeft"/> completes first (no more
    /// work can make a step fire; it is cancelled when a kill came first). The bot is running on return.
    /// </summary>
    public async Task Run(Func<CancellationToken, Task> nothingLeft, TimeSpan limit)
    {
        var pending = new Queue<KillStep>(steps);
        var standingStep = standing;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (pending.Count > 0 || standingStep is not null)
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"The kill plan did not finish within {limit.TotalSeconds:0} s.");
            var step = pending.Count > 0 ? pending.Peek() : null;
            var fired = await OneProcess(step, standingStep, nothingLeft);
            if (fired is null)
            {
                NotDone.AddRange(pending);
                if (standingStep is not null) NotDone.Add(standingStep);
                return;
            }

            if (fired == step) pending.Dequeue();
            else standingStep = null;
            await harness.StartBot();
        }
    }

    /// <summary>Arms the steps for the running process; returns the one that killed it, or null when nothing was left to do.</summary>
    private async Task<KillStep?> OneProcess(KillStep? step, KillStep? standingStep, Func<CancellationToken, Task> nothingLeft)
    {
        var claimed = 0;
        var sends = 0;
        var killed = new TaskCompletionSource<KillStep>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = harness.Bot!;

        bool Claim(KillStep which, string at)
        {
            if (Interlocked.CompareExchange(ref claimed, 1, 0) != 0) return false;
            harness.KillBot($"by {which.Name} at {at}");
            lock (_done) _done.Add(new KillDone(which, at, harness.Elapsed, process.Id));
            killed.TrySetResult(which);
            return true;
        }

        harness.OnBotCall(call =>
        {
            if (call.Method != "sendMessage" || Volatile.Read(ref claimed) != 0 || step?.Spare?.Invoke(call) == true) return BotCallVerdict.Proceed;
            var n = Interlocked.Increment(ref sends);
            var which = standingStep?.Matches?.Invoke(call) == true ? standingStep
                : step is { NthSend: { } target } && n == target ? step
                : step?.Matches?.Invoke(call) == true ? step
                : null;
            if (which is null || !Claim(which, string.Create(CultureInfo.InvariantCulture, $"send #{n} ({Describe(call)}), {which.Side}"))) return BotCallVerdict.Proceed;
            return which.Side == KillSide.BeforeAccepted ? BotCallVerdict.ResetBeforeHandling : BotCallVerdict.ResetAfterHandling;
        });

        try
        {
            using var stop = new CancellationTokenSource();
            var timed = step?.AfterMilliseconds is { } ms ? Task.Delay(ms, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
            var quiet = nothingLeft(stop.Token);
            var first = await Task.WhenAny(killed.Task, timed, quiet);
            await stop.CancelAsync();
            if (first == timed && step is not null) Claim(step, $"{step.AfterMilliseconds} ms after polling");
            if (first == quiet && !killed.Task.IsCompleted) return null;
            return await killed.Task;
        }
        finally
        {
            harness.OnBotCall(null);
        }
    }

    private static string Describe(BotCall call)
    {
        var text = call.Text is { } t ? t.Split('\n')[0] : "";
        if (text.Length > 60) text = text[..60] + "…";
        return $"chat {call.ChatId}, reply to {call.ReplyToMessageId?.ToString(CultureInfo.InvariantCulture) ?? "-"}: \"{text}\"";
    }
}
