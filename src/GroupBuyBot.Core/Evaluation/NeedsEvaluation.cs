using System.Text;
using System.Text.Json;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Features.Discovery;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>
/// Scores need discovery on a needs corpus like score.py, two ways: <see cref="ReplayAsync"/> plays each conversation
/// through the bot's own discovery path (<see cref="DiscoveryRound"/>: windows, gate, reader, board, threshold) and
/// scores what the board holds at the end and, separately, what was suggested; <see cref="RunAsync"/> hands each whole
/// conversation to an extractor as one window.
/// </summary>
public static class NeedsEvaluation
{
    /// <summary>Chat ids of the replayed conversations: one fresh chat each, whatever chat the corpus names.</summary>
    public const long FirstReplayChatId = -4_000_000_000;

    /// <param name="board">The board <paramref name="round"/> writes to, read at the end of each conversation.</param>
    /// <param name="afterEach">Called after each conversation with what the replay did so far (for <c>--strict</c>).</param>
    public static async Task<ReplayEvaluation> ReplayAsync(string corpusPath, DiscoveryRound round, INeedBoardStore board, string? predictionsOut,
        Action<ReplayTotals>? afterEach, CancellationToken ct)
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(corpusPath, ct);
        var onBoard = new List<ConversationNeeds>();
        var suggested = new List<ConversationNeeds>();
        var totals = new ReplayTotals();
        var lines = new StringBuilder();
        for (var i = 0; i < cases.Count; i++)
        {
            var conversation = cases[i];
            var chatId = FirstReplayChatId - i;
            totals.Include(await DiscoveryReplay.Run(round, [.. conversation.Messages.Select(m => (chatId, m))], ct));
            var needs = await board.ChangeChat(chatId, list => list
                .Where(n => n.Status != BoardNeedStatus.Never && n.Members.Count >= 2)
                .Select(n => (n.Summary, Members: n.Members.Select(m => m.UserId).ToHashSet(), Evidence: n.EvidenceMessageIds.Order().ToList(), Suggested: n.SuggestedAt is not null))
                .ToList(), ct);
            onBoard.Add(new ConversationNeeds(conversation.Id, conversation.GoldNeeds, [.. needs.Select(n => (IReadOnlySet<long>)n.Members)]));
            suggested.Add(new ConversationNeeds(conversation.Id, conversation.GoldNeeds, [.. needs.Where(n => n.Suggested).Select(n => (IReadOnlySet<long>)n.Members)]));
            lines.Append(JsonSerializer.Serialize(new
            {
                id = conversation.Id,
                needs = needs.Select(n => new { summary = n.Summary, interested = n.Members.Order(), evidence = n.Evidence, suggested = n.Suggested }),
            })).Append('\n');
            afterEach?.Invoke(totals);
        }

        if (predictionsOut is not null)
        {
            await File.WriteAllTextAsync(predictionsOut, lines.ToString(), new UTF8Encoding(false), ct);
        }

        return new ReplayEvaluation(NeedsScoring.Score(onBoard), NeedsScoring.Score(suggested), totals);
    }

    public static async Task<EvaluationReport> RunAsync(string corpusPath, INeedExtractor extractor, string? predictionsOut, CancellationToken ct)
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(corpusPath, ct);
        var scored = new List<ConversationNeeds>();
        var lines = new StringBuilder();
        foreach (var conversation in cases)
        {
            var predicted = await extractor.ExtractAsync(conversation.Messages, ct);
            scored.Add(new ConversationNeeds(
                conversation.Id,
                conversation.GoldNeeds,
                predicted.Select(n => (IReadOnlySet<long>)n.Interested.ToHashSet()).ToList()));
            lines.Append(JsonSerializer.Serialize(new
            {
                id = conversation.Id,
                needs = predicted.Select(n => new { summary = n.Summary, interested = n.Interested, evidence = n.Evidence }),
            })).Append('\n');
        }

        if (predictionsOut is not null)
        {
            await File.WriteAllTextAsync(predictionsOut, lines.ToString(), new UTF8Encoding(false), ct);
        }

        return NeedsScoring.Score(scored);
    }
}

/// <summary>What <see cref="NeedsEvaluation.ReplayAsync"/> measured: the boards at the end, the suggestions, and what the rounds did.</summary>
public sealed record ReplayEvaluation(EvaluationReport Board, EvaluationReport Suggested, ReplayTotals Totals);
