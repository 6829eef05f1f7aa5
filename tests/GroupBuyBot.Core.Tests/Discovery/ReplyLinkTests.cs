using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Windows;

namespace GroupBuyBot.Core.Tests.Discovery;

/// <summary>
/// Reply links (ids only) outlive the raw text: a late reply to the organiser's answer, or to a question about the
/// offer, reaches the live need through the replies between them, though none of those was evidence and all their text
/// is gone.
/// </summary>
public class ReplyLinkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static ChatMessage M(long id, long from, string text, long? replyTo = null, int minutes = 0) =>
        DiscoveryChat.Message(T0, id, from, text, replyTo, minutes);

    private static readonly LiveNeed Tuner = new(3, "a piano tuner", [201, 202], [13, 14]);

    [Fact]
    public void The_window_keeps_which_message_each_reply_answered_after_their_text_is_pruned()
    {
        var options = new DiscoveryOptions { RawTextRetentionMinutes = 180, NeedIdleHours = 72 };
        var window = new ConversationWindow(options);
        window.Add(M(13, 201, "Does anyone know a piano tuner?"), 0);
        window.Add(M(16, 206, "My cousin is a piano teacher, I'll ask her", replyTo: 13, minutes: 9), 0);
        window.Add(M(23, 206, "She says Mr Lim, $120 per piano", replyTo: 16, minutes: 400), 0);

        window.Prune(T0.AddMinutes(600));

        Assert.Equal(0, window.Count);
        Assert.Equal([16, 13], window.RepliedChain(23));
        window.Prune(T0.AddHours(80)); // past the board's idle time: the links go too
        Assert.Empty(window.RepliedChain(23));
    }

    [Fact]
    public void A_member_who_asked_to_be_forgotten_leaves_no_reply_links()
    {
        var window = new ConversationWindow(new DiscoveryOptions());
        window.Add(M(16, 206, "My cousin is a piano teacher", replyTo: 13), 0);
        window.Add(M(23, 207, "Thanks!", replyTo: 16), 0);

        window.Prune(T0, forgetUserId: 206);

        Assert.Empty(window.RepliedChain(16));
        Assert.Equal([16], window.RepliedChain(23)); // the other member's own reply stays; it names only an id
    }

    [Fact]
    public void Threaded_gives_a_live_need_the_pruned_replies_that_lead_to_its_messages_and_nothing_of_unrelated_chains()
    {
        var chains = new Dictionary<long, long[]> { [35] = [24, 23, 16, 13], [36] = [30, 29], [37] = [35, 24, 23, 16, 13] };
        var window = new[]
        {
            M(35, 207, "Eh the piano man, can he do mine also?", replyTo: 24, minutes: 900),
            M(36, 208, "ok", replyTo: 30, minutes: 901),
            M(37, 202, "Sure, I'll ask him", replyTo: 35, minutes: 902),
        };

        var live = LiveNeed.Threaded([Tuner], window, (id, _) => chains.GetValueOrDefault(id, []));

        Assert.Equal([16, 23, 24], live[0].Thread); // 35 is in the window; 13 is evidence already
        Assert.True(live[0].IsNamedBy(window[0]));
        Assert.False(live[0].IsNamedBy(window[1]));
    }

    [Fact]
    public void A_late_reply_to_the_answer_about_the_offer_joins_the_live_need()
    {
        var window = new[] { M(35, 207, "Eh can he do mine also? My old Yamaha long time never tune already", replyTo: 24, minutes: 900) };
        var threaded = Tuner with { Thread = [16, 23, 24] };

        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window, [threaded]));

        Assert.Equal(3, need.LiveNeedId);
        Assert.Equal([207], need.Interested);
        Assert.Empty(EmbeddedNeedExtractor.Extract(window, [Tuner])); // by evidence alone the reply reaches nothing
    }

    [Fact]
    public async Task Through_the_bots_round_a_reply_down_a_long_thread_reaches_the_need_hours_later()
    {
        const long chat = -1005;
        var board = await DiscoveryChat.Replay(
            chat,
            M(13, 201, "Hi neighbours! Does anyone know a piano tuner? Ours sounds dreadful"),
            M(14, 202, "Omg same! My daughter's piano is out of tune too, if one tuner does two units it's cheaper", replyTo: 13, minutes: 3),
            M(16, 206, "My cousin is a piano teacher, I'll ask her for a contact", replyTo: 13, minutes: 9),
            // Seven hours later, text of 13–16 gone: the answer, a thank-you, and a neighbour asking in under the answer.
            M(23, 206, "My cousin says Mr Lim, $120 per piano, $100 each if 2 or more in one block", replyTo: 16, minutes: 420),
            M(24, 202, "Great! I'll WhatsApp him", replyTo: 23, minutes: 440),
            M(35, 207, "Eh can he do mine also? My old Yamaha long time never tune already", replyTo: 24, minutes: 1080));

        var need = Assert.Single(board.Of(chat));
        Assert.Equal([201, 202, 207], need.Members.Select(m => m.UserId));
    }

    [Fact]
    public void A_reply_to_the_question_that_raised_a_need_before_anyone_joined_belongs_to_the_need_that_started_there()
    {
        // 4 asked (no evidence: nobody had joined yet), 5 agreed, 6 offered and 7 joined: the board keeps 6 and 7.
        var chains = new Dictionary<long, long[]> { [6] = [5, 4], [7] = [6, 5, 4], [49] = [4], [50] = [40], [17] = [] };
        var sat = new LiveNeed(1, "a tutor in Ridgefield who does small groups", [203, 204], [6, 7]);
        var symphony = new LiveNeed(2, "the SF Symphony student night", [208, 201], [17, 18]);
        var window = new[]
        {
            M(49, 211, "Just catching up. Olivia is a junior too, we'd love to join the group", replyTo: 4, minutes: 1500),
            M(50, 212, "lol same", replyTo: 40, minutes: 1501),
        };

        var live = LiveNeed.Threaded([sat, symphony], window, (id, _) => chains.GetValueOrDefault(id, []));

        Assert.Equal([4], live[0].Thread);
        Assert.Empty(live[1].Thread);
        var need = Assert.Single(EmbeddedNeedExtractor.Extract(window, live));
        Assert.Equal(1, need.LiveNeedId);
        Assert.Equal([211], need.Interested);
    }

    [Fact]
    public void A_root_two_needs_started_from_is_given_to_neither()
    {
        var chains = new Dictionary<long, long[]> { [6] = [1], [8] = [1], [20] = [1] };
        var a = new LiveNeed(1, "a", [1, 2], [6]);
        var b = new LiveNeed(2, "b", [3, 4], [8]);
        var window = new[] { M(20, 5, "我也要", replyTo: 1, minutes: 600) };

        var live = LiveNeed.Threaded([a, b], window, (id, _) => chains.GetValueOrDefault(id, []));

        Assert.All(live, n => Assert.Empty(n.Thread));
    }

    [Fact]
    public void The_gate_lets_a_join_through_that_reaches_a_live_need_through_replies_inside_the_window()
    {
        var window = new[]
        {
            M(46, 204, "Quick update: Diego got a free program, so we'll drop out of the tutor group. Sorry!", replyTo: 6, minutes: 1400),
            M(48, 203, "So that leaves Hannah and Anika... need 2 more for the tutor to run it", replyTo: 46, minutes: 1408),
            M(55, 213, "my son Ben needs help too, count us in", replyTo: 48, minutes: 1570),
        };
        var sat = new LiveNeed(1, "a tutor in Ridgefield", [203, 204], [6, 7]);

        Assert.True(sat.IsReachedBy(window[2], window));
        Assert.True(WindowGate.IsWorthSending(window, [sat]));
        Assert.False(WindowGate.IsWorthSending(window, [sat with { Evidence = [99] }]));
    }
}
