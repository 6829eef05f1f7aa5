namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>
/// The last cheap check before a window goes to an extractor (and, with a model, costs a call): someone
/// raised a want, and at least two distinct members either used a want/join cue or replied to a cue.
/// Looser than <see cref="NeedCues.IsWorthExtracting"/> on purpose: a model can read "sounds good, I'm
/// there" under a proposal, which no lexicon lists.
/// </summary>
public static class WindowGate
{
    public static bool IsWorthSending(IReadOnlyList<ChatMessage> window)
    {
        var raised = false;
        var cueMessages = new HashSet<long>();
        var interested = new HashSet<long>();
        foreach (var message in window)
        {
            var act = NeedCues.Classify(message.Text);
            raised |= act is NeedAct.Want or NeedAct.Solicit;
            var repliesToCue = message.ReplyToId is long parent && cueMessages.Contains(parent);
            if (act is NeedAct.Want or NeedAct.Solicit or NeedAct.Join || repliesToCue && act != NeedAct.Instruction)
            {
                cueMessages.Add(message.Id);
                interested.Add(message.FromId);
            }
        }

        return raised && interested.Count >= 2;
    }
}
