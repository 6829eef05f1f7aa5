using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Features.Discovery;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>
/// Plays chat traffic through the bot's own <see cref="DiscoveryRound"/> on a clock simulated from the messages'
/// times, as the discovery worker would have heard it: each message is heard at its time, and a round runs whenever
/// the worker's tick would have found something to do (a window falling due, a shared call's wait ending) and after
/// every message; the worker's maintenance (retention, idle needs) runs at most once a simulated minute. At the end
/// the chats fall quiet and every window still triggered is read. Hours of talk replay in milliseconds.
/// </summary>
public static class DiscoveryReplay
{
    private static readonly TimeSpan MaintenanceEvery = TimeSpan.FromMinutes(1);

    /// <param name="traffic">Messages with their chats, in any order: they are heard in order of time (ties kept as given).</param>
    public static async Task<ReplayTotals> Run(DiscoveryRound round, IReadOnlyList<(long ChatId, ChatMessage Message)> traffic, CancellationToken ct)
    {
        var totals = new ReplayTotals();
        if (traffic.Count == 0) return totals;

        var ordered = traffic.Select((t, i) => (t, i)).OrderBy(x => x.t.Message.At).ThenBy(x => x.i).Select(x => x.t).ToList();
        var now = ordered[0].Message.At;
        var lastMaintenance = now;

        async Task RunAt(DateTimeOffset at)
        {
            now = at;
            totals.Add(await round.Run(now, Ms(now), ct));
            if (now - lastMaintenance < MaintenanceEvery) return;
            lastMaintenance = now;
            await round.Maintain(now, ct);
        }

        async Task RunUntil(DateTimeOffset? until)
        {
            while (round.NextRunAtMs(Ms(now)) is { } next && (until is null || next < Ms(until.Value)))
            {
                await RunAt(DateTimeOffset.FromUnixTimeMilliseconds(next).ToOffset(now.Offset));
            }
        }

        foreach (var (chatId, message) in ordered)
        {
            await RunUntil(message.At);
            round.Hear(chatId, message, Ms(message.At));
            totals.Messages++;
            await RunAt(message.At > now ? message.At : now);
        }

        await RunUntil(null); // every chat falls quiet
        return totals;
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
}

/// <summary>Everything the rounds of a replay did, added up.</summary>
public sealed class ReplayTotals
{
    public int Messages { get; internal set; }

    /// <summary>Windows taken when due.</summary>
    public int Taken { get; private set; }

    /// <summary>Taken but not read: nothing new carried a cue.</summary>
    public int WithoutNewCue { get; private set; }

    /// <summary>Taken but not read: <see cref="Discovery.Windows.WindowGate"/> refused them.</summary>
    public int Refused { get; private set; }

    public int ReadByModel { get; private set; }

    public int ReadByFallback { get; private set; }

    public int ReadByEmbedded { get; private set; }

    public int ModelCalls { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>Messages (chat, id) that were in a window the model read.</summary>
    public HashSet<(long ChatId, long MessageId)> SeenByModel { get; } = [];

    /// <summary>Messages (chat, id) that were in a window anyone read.</summary>
    public HashSet<(long ChatId, long MessageId)> Read { get; } = [];

    public int Suggestions { get; private set; }

    public List<(long ChatId, Exception Error)> Failures { get; } = [];

    /// <summary>Adds another replay's totals to these.</summary>
    public void Include(ReplayTotals other)
    {
        Messages += other.Messages;
        Taken += other.Taken;
        WithoutNewCue += other.WithoutNewCue;
        Refused += other.Refused;
        ReadByModel += other.ReadByModel;
        ReadByFallback += other.ReadByFallback;
        ReadByEmbedded += other.ReadByEmbedded;
        ModelCalls += other.ModelCalls;
        Tokens += other.Tokens;
        Suggestions += other.Suggestions;
        SeenByModel.UnionWith(other.SeenByModel);
        Read.UnionWith(other.Read);
        Failures.AddRange(other.Failures);
    }

    public void Add(RoundReport round)
    {
        Taken += round.Taken;
        WithoutNewCue += round.WithoutNewCue;
        Refused += round.Refused;
        ModelCalls += round.ModelCalls;
        Tokens += round.Tokens;
        Suggestions += round.Suggested.Count;
        Failures.AddRange(round.Failures);
        foreach (var reading in round.Readings)
        {
            switch (reading.ReadBy)
            {
                case WindowReader.Model: ReadByModel++; break;
                case WindowReader.Fallback: ReadByFallback++; break;
                default: ReadByEmbedded++; break;
            }

            foreach (var message in reading.Window.Messages)
            {
                Read.Add((reading.Window.ChatId, message.Id));
                if (reading.ReadBy == WindowReader.Model) SeenByModel.Add((reading.Window.ChatId, message.Id));
            }
        }
    }
}
