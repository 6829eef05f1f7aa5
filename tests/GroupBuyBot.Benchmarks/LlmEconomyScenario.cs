using GroupBuyBot.Core.Evaluation;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// Replays the eval conversations in time order, as chat traffic, through <see cref="DiscoveryWindowPolicy"/>, and
/// counts model calls against calling the model once per message. Also checks the economy does not come from
/// skipping conversations that hold a real shared need.
/// </summary>
public static class LlmEconomyScenario
{
    public sealed record Result(int Messages, int Conversations, int Calls, long Tokens, long NaiveTokens, int NeedConversations, int NeedConversationsSent)
    {
        public double CallsPer1000 => 1000.0 * Calls / Messages;
        public double TokensPer1000 => 1000.0 * Tokens / Messages;
    }

    public static async Task<Result> Run(string corpusPath)
    {
        var cases = await EvaluationCorpus.ReadNeedsAsync(corpusPath, CancellationToken.None);
        var policy = new DiscoveryWindowPolicy();
        var traffic = cases.SelectMany((c, index) => c.Messages.Select(m => (Chat: (long)index, Message: m))).OrderBy(t => t.Message.At).ToList();
        foreach (var (chat, message) in traffic) policy.Add(chat, message);
        policy.Flush();

        // Naive: every message goes to the model with the same earlier context.
        long naiveTokens = 0;
        foreach (var c in cases)
        {
            for (var i = 0; i < c.Messages.Count; i++)
            {
                naiveTokens += DiscoveryWindowPolicy.PromptTokens(c.Messages.Skip(Math.Max(0, i - DiscoveryWindowPolicy.ContextMessages)).Take(Math.Min(i, DiscoveryWindowPolicy.ContextMessages) + 1));
            }
        }

        var needChats = cases.Select((c, index) => (c, index)).Where(x => x.c.GoldNeeds.Count > 0).Select(x => (long)x.index).ToList();
        return new Result(traffic.Count, cases.Count, policy.Calls, policy.EstimatedTokens, naiveTokens, needChats.Count, needChats.Count(policy.ChatsSent.Contains));
    }
}
