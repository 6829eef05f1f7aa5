namespace GroupBuyBot.Core.Discovery.Windows;

/// <summary>
/// The last cheap check before a window goes to an extractor (and, with a model, costs a call): someone
/// raised a want, and at least two distinct members either used a want/join cue or replied to a cue.
/// Looser than <see cref="NeedCues.IsWorthExtracting"/> on purpose: a model can read "sounds good, I'm
/// there" under a proposal, which no lexicon lists.
/// </summary>
public static class WindowGate
{
    public static bool IsWorthSending(IReadOnlyList<ChatMessage> window) => IsWorthSending(window, []);

    /// <summary>
    /// With the chat's <paramref name="live"/> needs: also worth it when a member joins one of them by the board's own
    /// record (a join replying to one of its messages, directly or through replies in the window, or naming its summary's
    /// content), want or not in the window.
    /// </summary>
    public static bool IsWorthSending(IReadOnlyList<ChatMessage> window, IReadOnlyList<LiveNeed> live)
    {
        if (live.Count > 0 && window.Any(m => NeedCues.Classify(m.Text) == NeedAct.Join && live.Any(n => n.IsReachedBy(m, window)))) return true;

        var raised = false;
        var cueMessages = new HashSet<long>();
        var interested = new HashSet<long>();
        foreach (var message in window)
        {
            var act = NeedCues.Classify(message.Text);
            if (act is NeedAct.Other or NeedAct.Question or NeedAct.Join && NeedCues.OffersGroupTerms(message)) act = NeedAct.Solicit;
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
