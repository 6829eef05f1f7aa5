using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Discovery;

/// <summary>
/// One pass of need discovery over every chat, as the discovery worker runs it on each tick and the eval and the
/// benchmark replay it on a simulated clock: takes the windows that are due (held a while so several chats share a
/// model call), skips those whose new messages carry no cue or that <see cref="WindowGate"/> refuses, has the rest
/// read (<see cref="INeedReader"/>: the model with its fallback, or the embedded extractor), merges each chat's
/// needs into its board and marks the needs that reached the threshold as suggested, their suggestion stored with
/// the change. The caller gives the time twice: the wall clock for the board, a monotonic millisecond clock for the
/// windows.
/// </summary>
public sealed class DiscoveryRound(
    ConversationWindows windows,
    INeedReader reader,
    INeedBoardStore board,
    IChatStore chats,
    DiscoveryOptions options)
{
    /// <summary>A chat message for discovery, heard at <paramref name="nowMs"/>.</summary>
    public void Hear(long chatId, ChatMessage message, long nowMs) => windows.Add(chatId, message, nowMs);

    public async Task<RoundReport> Run(DateTimeOffset now, long nowMs, CancellationToken ct)
    {
        if (!IsTimeToRead(nowMs)) return RoundReport.Nothing;

        var taken = windows.TakeDue(nowMs);
        var worth = new List<DueWindow>();
        var settings = new Dictionary<long, Chats.ChatSettings>();
        int withoutNewCue = 0, refused = 0;
        foreach (var due in taken)
        {
            if (!due.HasNewCue)
            {
                withoutNewCue++;
                continue;
            }

            // The board's live needs are topics the window may join (their first messages may be gone from memory).
            // Replies to their messages gone from memory still reach them through the reply links (ids only).
            // Wants nobody had joined are topics too, for the embedded extractor (kept in memory: ids and summary).
            var live = await board.ChangeChat(due.ChatId, LiveNeed.Of, ct);
            var threaded = windows.Threaded(due.ChatId, due.Messages, [.. live, .. windows.Raised(due.ChatId, due.Messages, live)]);
            var window = due with { Live = [.. threaded.Where(n => !n.Raised)], Raised = [.. threaded.Where(n => n.Raised)] };
            // The gate is never stricter than the local rules: a window they (free, no model call) find a need in is
            // read, so an offer with its terms and the sign-ups under it ("£65 each if 4+" ← "put me down") reach the board.
            var local = WindowGate.IsWorthSending(window.Messages, [.. window.Live, .. window.Raised])
                ? default((IReadOnlyList<ExtractedNeed> Needs, IReadOnlyList<LiveNeed> Raised)?)
                : EmbeddedNeedExtractor.Read(window.Messages, window.Live, window.Raised);
            if (local is { Needs.Count: 0 } refusal)
            {
                // Not worth a reading, but a want nobody joined yet is noted by the local rules (free, no model call).
                refused++;
                windows.Remember(window.ChatId, refusal.Raised, [], window.Messages.Select(m => m.Id), now, window.Take);
                if (DeclinesALiveNeed(window))
                {
                    // A no on its own, hours after the sign-up, is still a withdrawal from the board (no reading needed).
                    await board.ChangeChat(window.ChatId, list => { NeedBoard.RemoveWithdrawn(list, window.Messages); return 0; }, ct);
                }
            }
            else
            {
                var chat = await chats.Get(window.ChatId, ct);
                if (!options.IsOnIn(chat)) continue; // turned off while the window waited
                settings[window.ChatId] = chat;
                worth.Add(window);
            }
        }

        if (worth.Count == 0) return new RoundReport(taken.Count, withoutNewCue, refused, [], 0, 0, [], []);

        var readings = await reader.Read(worth, ct);
        var suggested = new List<BoardNeed>();
        var failures = new List<(long ChatId, Exception Error)>();
        foreach (var reading in readings.Windows)
        {
            try
            {
                windows.Remember(reading.Window.ChatId, reading.Raised, reading.Needs.SelectMany(n => n.Evidence), reading.Window.Messages.Select(m => m.Id), now, reading.Window.Take);
                suggested.AddRange(await Merge(settings[reading.Window.ChatId], reading, now, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures.Add((reading.Window.ChatId, e)); // one chat's board failing loses nothing of the others
            }
        }

        return new RoundReport(taken.Count, withoutNewCue, refused, readings.Windows, readings.ModelCalls, readings.Tokens, suggested, failures);
    }

    /// <summary>
    /// When <see cref="Run"/> will next have something to do, on the windows' clock (at or after <paramref name="nowMs"/>);
    /// null when no window is triggered. The worker ticks instead; a replay jumps from one such time to the next.
    /// </summary>
    public long? NextRunAtMs(long nowMs)
    {
        var due = windows.DueTimes();
        return due.Count == 0 ? null : Math.Max(nowMs, ReadAtMs(due));
    }

    /// <summary>The worker's maintenance: raw text past its retention leaves memory, idle needs leave the boards.</summary>
    public async Task<int> Maintain(DateTimeOffset now, CancellationToken ct)
    {
        windows.Prune(now);
        return await board.DeleteIdle(now - options.NeedIdle, ct);
    }

    /// <summary>The needs a reading found, without the members who asked to be forgotten meanwhile and their messages.</summary>
    private static IReadOnlyList<ExtractedNeed> Without(IReadOnlyList<ExtractedNeed> needs, IReadOnlySet<long> forgotten, IReadOnlyList<ChatMessage> messages)
    {
        if (forgotten.Count == 0) return needs;
        var theirs = messages.Where(m => forgotten.Contains(m.FromId)).Select(m => m.Id).ToHashSet();
        return [.. needs.Select(need =>
        {
            var units = need.MemberUnits?.Where(u => !forgotten.Contains(u.Key)).ToDictionary();
            return need with
            {
                Interested = [.. need.Interested.Where(id => !forgotten.Contains(id))],
                Evidence = [.. need.Evidence.Where(id => !theirs.Contains(id))],
                MemberUnits = units,
                Units = units is null ? need.Units : units.Count == 0 ? null : units.Values.Sum(),
            };
        }).Where(need => need.Interested.Count > 0)];
    }

    private static bool DeclinesALiveNeed(DueWindow window) =>
        window.Messages.Any(m => window.Live.Any(n => n.Members.Contains(m.FromId)) && NeedCues.Classify(m.Text) == NeedAct.Decline);

    private bool IsTimeToRead(long nowMs)
    {
        var due = windows.DueTimes();
        return due.Count > 0 && ReadAtMs(due) <= nowMs;
    }

    // Due windows are read together: once the first of them has waited the shared-call period, as soon as there are
    // enough of them for a full call, or at once when one must be read (full, or its oldest unread text near the end
    // of its retention).
    private long ReadAtMs(IReadOnlyList<(long DueAtMs, long ReadByMs)> due)
    {
        var perCall = Math.Max(1, options.WindowsPerCall);
        var at = due[0].DueAtMs + Math.Max(0, options.SharedCallWaitMilliseconds);
        if (due.Count >= perCall) at = Math.Min(at, due[perCall - 1].DueAtMs);
        return Math.Min(at, due.Min(d => d.ReadByMs));
    }

    private Task<List<BoardNeed>> Merge(Chats.ChatSettings chat, WindowReading reading, DateTimeOffset now, CancellationToken ct) =>
        board.ChangeChatAndSay(chat, list =>
        {
            // Asked here, inside the board's change: a /forgetme that came while the window was read is not undone by it.
            var forgotten = windows.ForgottenSince(chat.ChatId, reading.Window.Take);
            NeedBoard.Merge(list, chat.ChatId, reading.Window.Messages, Without(reading.Needs, forgotten, reading.Window.Messages), now);
            NeedBoard.DropJokes(list, reading.Jokes);
            var toSuggest = list.Where(n => NeedBoard.IsReadyToSuggest(n, options.SuggestionThreshold)).ToList();
            foreach (var need in toSuggest)
            {
                // Suggested once: the suggestion is stored with this change and posted from the outbox.
                need.Status = BoardNeedStatus.Suggested;
                need.SuggestedAt = now;
            }

            return toSuggest;
        }, toSuggest => toSuggest.Select(need => new Outcome
        {
            Reply = NeedSuggestionText.Render(need, chat.Language),
            Buttons = SuggestionButtons.Specs(need.Id, chat.Language),
        }), ct);
}

/// <summary>
/// What one <see cref="DiscoveryRound.Run"/> did: windows taken, those skipped (no new cue, refused by the gate), the
/// readings of the others, model calls and tokens, the needs suggested, and chats whose board could not be changed.
/// </summary>
public sealed record RoundReport(
    int Taken,
    int WithoutNewCue,
    int Refused,
    IReadOnlyList<WindowReading> Readings,
    int ModelCalls,
    long Tokens,
    IReadOnlyList<BoardNeed> Suggested,
    IReadOnlyList<(long ChatId, Exception Error)> Failures)
{
    public static readonly RoundReport Nothing = new(0, 0, 0, [], 0, 0, [], []);
}
