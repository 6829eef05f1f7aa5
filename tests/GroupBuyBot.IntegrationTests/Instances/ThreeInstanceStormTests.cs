using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GroupBuyBot.BotApiEmulator;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.IntegrationTests.Faults;
using GroupBuyBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static GroupBuyBot.IntegrationTests.Faults.ChildBotHarness;

namespace GroupBuyBot.IntegrationTests.Instances;

/// <summary>
/// Three bot processes (the real host, <c>dotnet GroupBuyBot.dll</c>, polling) on one PostgreSQL database, the emulator
/// in the test process (each process reaches it through a relay of its own, so every call says which process made it).
/// 50 groups each with an open buy (13 of them with 10 places, so waiting lists form), 2,000 updates spread over them
/// (Join taps, <c>/join #n N</c>, <c>/leave</c>, <c>/buys</c>), five deadlines coming due during the run; the instance
/// that polls and sends is SIGKILLed halfway and a fresh one started at three quarters. What is expected follows from
/// each chat's update order alone (a model of the sign-up rules replays it), so nothing depends on timing: every
/// sign-up once, capacity and waiting lists exact, every command answered, each chat's answers in its updates' order,
/// each deadline closed once, and no group or second over the limits the bots and the emulator are given.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class ThreeInstanceStormTests(ITestOutputHelper output)
{
    private const int Groups = 50;
    private const int SignUpsPerGroup = 36; // with 2 /leave and 2 /buys: 40 updates a group, 2,000 in all
    private const int SmallCapacity = 10;

    /// <summary>
    /// The limits the bots are given and the emulator enforces (429 beyond, as Telegram counts: sliding windows at arrival):
    /// 2× Telegram's overall (so that 1,500 messages take well under a minute to send), 3× Telegram's per group (a group
    /// gets 40 updates in half a minute here, no real group does). With
    /// list edits at most every 2 s, a group is owed at most about 50 messages a minute here: the group limit never makes
    /// the bots merge answers, so each command's answer is the one replying to it.
    /// </summary>
    private const int PerGroupPerMinute = 60;

    private const int OverallPerSecond = 60;
    private const string DeadlineTitle = "Apples";
    private static readonly TimeSpan StormLength = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Seen = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_instances_with_one_killed_midway_apply_every_sign_up_once_in_each_chats_order_within_the_limits()
    {
        var seed = Seed();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        await using var bots = await BotInstances.Start(output, new FloodLimits { PerGroupPerMinute = PerGroupPerMinute, GlobalPerSecond = OverallPerSecond });
        bots.Log($"seed {seed} (replay with GROUPBUYBOT_STORM_SEED={seed})");
        var groups = CreateGroups(bots);
        var toasts = new ConcurrentQueue<(string? Host, string? QueryId, double At)>();
        var replies = new ConcurrentQueue<(string? Host, string? ChatId, int? ReplyTo, double At)>();
        bots.OnBotCall(call =>
        {
            if (call.Method == "answerCallbackQuery") toasts.Enqueue((call.Host, call.Parameter("callback_query_id"), clock.Elapsed.TotalSeconds));
            if (call.Method == "sendMessage" && call.ReplyToMessageId is not null) replies.Enqueue((call.Host, call.ChatId, call.ReplyToMessageId, clock.Elapsed.TotalSeconds));
        });

        var instances = Enumerable.Range(0, 3).Select(_ => bots.Launch(InstanceSettings())).ToList();
        var first = await Polling(bots, instances);
        bots.Log($"{first.Label} polls; opening the buys");

        // The deadlines first (one minute ahead: the earliest a deadline can be), then every group's buy for the storm.
        foreach (var group in groups.Where(g => g.Deadline is not null)) bots.Telegram.PostMessage(group.Id, Alice.Id, $"/newbuy {DeadlineTitle} | 20 | 2 | 1m");
        foreach (var group in groups)
        {
            bots.Telegram.PostMessage(group.Id, Alice.Id, $"/newbuy Oranges | 60 | 5 | 2d{(group.Capacity is { } c ? $" | {c}" : "")}");
        }

        foreach (var group in groups)
        {
            var list = await bots.Telegram.WaitForMessage(group.Id, m => ListSeen.IsList(m, group.Buy) && m.Buttons.Count > 0, Seen);
            group.ListMessageId = list.MessageId;
        }

        // Before the storm, the deadline buys get their sign-ups: two (it will form) or one (it will not).
        var deadlineJoins = groups.Where(g => g.Deadline is not null)
            .SelectMany(g => g.Deadline!.Joiners.Select(member => (Group: g, Posted: bots.Telegram.PostMessage(g.Id, member.Id, "/join #1")))).ToList();
        foreach (var (group, join) in deadlineJoins) await bots.Telegram.WaitForMessage(group.Id, m => m.IsFromBot && m.ReplyToMessageId == join.MessageId, Seen);

        foreach (var other in instances.Where(i => i != first)) await other.Said("Another instance is active", Seen);
        var setUp = clock.Elapsed;

        // The storm, paced over 30 s; the active instance is killed just after a poll halfway, a new one starts at 3/4.
        var storm = Storm(random, groups);
        var killAt = storm.Count / 2;
        var restartAt = storm.Count * 3 / 4;
        BotInstances.Instance? restarted = null;
        long killed = 0;
        var killedAt = 0.0; // on the test's clock, as the replies are
        var chunks = storm.Chunk(20).ToList();
        var pace = StormLength / chunks.Count;
        var posted = 0;
        var started = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            foreach (var e in chunk) Post(bots, e);
            posted += chunk.Length;
            if (killed == 0 && posted >= killAt)
            {
                await first.Called("getUpdates", Seen, since: Stopwatch.GetTimestamp());
                killed = first.Kill();
                killedAt = clock.Elapsed.TotalSeconds;
            }

            if (restarted is null && posted >= restartAt) restarted = bots.Launch(InstanceSettings());
            var due = pace * (posted / chunk.Length) - started.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due); // the members' schedule, not a wait for the bots
        }

        bots.Log($"storm of {storm.Count} updates posted in {started.Elapsed.TotalSeconds:0.0} s");
        var survivors = instances.Where(i => i != first).Append(restarted!).ToList();
        var takeOver = survivors.Select(i => bots.FirstArrival(i, "getUpdates", killed)).Where(at => at is not null).Min();
        await restarted!.Said("Another instance is active", Seen);

        // Everything answered, every deadline closed, nothing left in the inbox or the outbox; then the audit.
        var done = await Until(() => Outstanding(bots, groups, storm) is 0, TimeSpan.FromSeconds(60));
        await Until(() => Backlog(bots) is 0, TimeSpan.FromSeconds(20));
        await bots.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));
        var audit = await Audit(bots, groups, storm, toasts, survivors);
        var beforeKill = toasts.Where(t => t.At < killedAt).GroupBy(t => instances.FirstOrDefault(i => i.Host == t.Host)?.Label ?? t.Host).Select(g => $"{g.Key} {g.Count()}");
        audit.Figures.Add($"taps answered before the kill, by process: {string.Join(", ", beforeKill)}");
        foreach (var repeat in audit.Repeated)
        {
            // The documented crash window: Telegram accepted the answer from the killed process, which died before marking
            // it sent; the next sender sends it again. A chat's messages go one at a time, so at most one per chat. (What the
            // killed process wrote just before it died may reach the emulator through its relay a moment after the kill.)
            // Members saw two copies; the calls may be more, since a call refused with 429 is made again.
            var sends = replies.Where(r => r.ChatId == repeat.ChatId.ToString(CultureInfo.InvariantCulture) && r.ReplyTo == repeat.MessageId).ToList();
            var copies = string.Join(", ", sends.Select(r => $"{r.Host} at +{r.At:0.00}s"));
            audit.Figures.Add($"  sends answering message {repeat.MessageId} in {repeat.ChatId} ({repeat.Copies} seen): {copies}");
            // The killed process's calls (one, or more when 429 refused one) all come before its successor's.
            if (repeat.Copies != 2 || sends.Count < 2 || sends[0].Host != first.Host || sends.SkipWhile(r => r.Host == first.Host).Any(r => r.Host == first.Host)
                || sends.All(r => r.Host == first.Host))
            {
                audit.Problems.Add($"message {repeat.MessageId} in {repeat.ChatId} answered more than once, not by the killed process and then its successor: {copies}");
            }
        }

        if (audit.Repeated.GroupBy(r => r.ChatId).FirstOrDefault(c => c.Count() > 1) is { } twice) audit.Problems.Add($"chat {twice.Key}: {twice.Count()} answers repeated for one kill");

        audit.Figures.Insert(0, $"set up in {setUp.TotalSeconds:0.0} s; storm posted in {StormLength.TotalSeconds:0} s; "
            + $"{first.Label} killed at update {killAt}, polled again by another {(takeOver is { } t ? Stopwatch.GetElapsedTime(killed, t).TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture) : "never")} later; "
            + $"{restarted.Label} started at update {restartAt}; {(done ? "everything answered" : "not everything answered")} {clock.Elapsed.TotalSeconds:0.0} s after the start");
        var report = Report(audit);
        bots.Log(report);
        Assert.True(audit.Problems.Count == 0, report);
    }

    private static Dictionary<string, string?> InstanceSettings() => new()
    {
        ["GroupBuyBot__Telegram__ListEditIntervalMs"] = "2000",
        ["GroupBuyBot__Telegram__RequestTimeoutSeconds"] = "10", // a send answered late on a loaded machine is not sent again
        ["GroupBuyBot__Telegram__PerGroupMessagesPerMinute"] = PerGroupPerMinute.ToString(CultureInfo.InvariantCulture),
        ["GroupBuyBot__Telegram__GlobalMessagesPerSecond"] = OverallPerSecond.ToString(CultureInfo.InvariantCulture),
        ["GroupBuyBot__Health__Port"] = ClosedPort.Get().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// 50 groups, each with its own 38 members (named G07M12: group 7, member 12). Every fourth group's buy has 10
    /// places; groups 2, 12, 22, 32 and 42 also have a buy that closes at its deadline during the run (#1 there, the
    /// storm's buy is #2), with two sign-ups in three of them (formed) and one in two (not formed).
    /// </summary>
    private static List<Group> CreateGroups(BotInstances bots)
    {
        var groups = new List<Group>();
        for (var g = 0; g < Groups; g++)
        {
            var id = -100_000L - g;
            bots.Telegram.CreateChat(new ChatSpec(id, ChatKind.Supergroup, $"Block {g}"));
            bots.Telegram.SetMemberStatus(id, Alice.Id, MemberStatus.Administrator);
            var members = Enumerable.Range(0, SignUpsPerGroup + 2).Select(i => new EmulatedUser(100_000 + (g * 100) + i,
                string.Create(CultureInfo.InvariantCulture, $"G{g:00}M{i:00}"))).ToList();
            foreach (var member in members)
            {
                bots.Telegram.UpsertUser(member);
                bots.Telegram.SetMemberStatus(id, member.Id, MemberStatus.Member);
            }

            var deadline = g % 10 == 2 ? new DeadlineBuy(members.Skip(SignUpsPerGroup).Take(g < 30 ? 2 : 1).ToList()) : null;
            groups.Add(new Group(id, g, members.Take(SignUpsPerGroup).ToList(), g % 4 == 0 ? SmallCapacity : null, deadline));
        }

        return groups;
    }

    /// <summary>
    /// Each group's 40 updates in a seeded order (each member signs up once, by a Join tap (3 in 4) or by <c>/join #n N</c>; two
    /// of them leave later; <c>/buys</c> twice), the groups interleaved at random, each group's order kept.
    /// </summary>
    private static List<StormEvent> Storm(Random random, List<Group> groups)
    {
        var perGroup = new List<Queue<StormEvent>>();
        foreach (var group in groups)
        {
            var events = group.Members.OrderBy(_ => random.Next()).Select(m => random.Next(4) < 3
                ? new StormEvent(Act.Tap, group, m, 1)
                : new StormEvent(Act.Join, group, m, random.Next(1, 4))).ToList();
            var signUps = events.ToList();
            for (var i = 0; i < 2; i++)
            {
                var leaver = signUps[random.Next(i * 12, (i * 12) + 12)]; // two different members, among the first 24 to sign up
                events.Insert(random.Next(events.IndexOf(leaver) + 1, events.Count + 1), new StormEvent(Act.Leave, group, leaver.Who, 0));
            }

            for (var i = 0; i < 2; i++) events.Insert(random.Next(events.Count + 1), new StormEvent(Act.Buys, group, group.Members[0], 0));
            perGroup.Add(new Queue<StormEvent>(events));
        }

        var storm = new List<StormEvent>();
        while (perGroup.Any(q => q.Count > 0))
        {
            var left = perGroup.Where(q => q.Count > 0).ToList();
            storm.Add(left[random.Next(left.Count)].Dequeue());
        }

        return storm;
    }

    private static void Post(BotInstances bots, StormEvent e)
    {
        var telegram = bots.Telegram;
        var buy = e.Group.Buy;
        switch (e.Act)
        {
            case Act.Tap:
                var tap = telegram.TapButton(e.Group.Id, e.Group.ListMessageId, e.Who.Id, buttonText: "Join");
                (e.CallbackQueryId, e.UpdateId) = (tap.CallbackQueryId, tap.UpdateId);
                return;
            case Act.Join:
                Posted(e, telegram.PostMessage(e.Group.Id, e.Who.Id, string.Create(CultureInfo.InvariantCulture, $"/join #{buy} {e.Quantity}")));
                return;
            case Act.Leave:
                Posted(e, telegram.PostMessage(e.Group.Id, e.Who.Id, string.Create(CultureInfo.InvariantCulture, $"/leave #{buy}")));
                return;
            default:
                Posted(e, telegram.PostMessage(e.Group.Id, e.Who.Id, "/buys"));
                return;
        }

        static void Posted(StormEvent e, PostedMessage posted) => (e.MessageId, e.UpdateId) = (posted.MessageId, posted.UpdateId);
    }

    /// <summary>Commands not answered yet and deadline buys not summed up yet.</summary>
    private static int Outstanding(BotInstances bots, List<Group> groups, List<StormEvent> storm)
    {
        var count = 0;
        foreach (var group in groups)
        {
            var messages = bots.Telegram.GetMessages(group.Id).Where(m => m.IsFromBot).ToList();
            var answered = messages.Where(m => m.ReplyToMessageId is not null).Select(m => m.ReplyToMessageId!.Value).ToHashSet();
            count += storm.Count(e => e.Group == group && e.Act != Act.Tap && !answered.Contains(e.MessageId));
            if (group.Deadline is not null && !messages.Any(m => m.Text?.StartsWith($"Group buy #1 “{DeadlineTitle}” is closed", StringComparison.Ordinal) == true)) count++;
        }

        return count;
    }

    /// <summary>Rows in the inbox and the outbox.</summary>
    private static int Backlog(BotInstances bots)
    {
        using var db = bots.Store.CreateContext();
        return db.Inbox.Count() + db.Outbox.Count();
    }

    private static async Task<Audited> Audit(BotInstances bots, List<Group> groups, List<StormEvent> storm, ConcurrentQueue<(string? Host, string? QueryId, double At)> toasts,
        List<BotInstances.Instance> survivors)
    {
        var problems = new List<string>();
        var figures = new List<string>();
        await using var db = bots.Store.CreateContext();
        var buys = await db.GroupBuys.AsNoTracking().ToListAsync();
        var signUps = (await db.SignUps.AsNoTracking().ToListAsync()).ToLookup(s => s.GroupBuyId);
        var repeats = new List<string>();
        var repeated = new List<(long ChatId, int MessageId, int Copies)>();
        var wrongAnswers = new List<string>();
        var unanswered = new List<string>();
        var outOfOrder = new List<string>();
        var toastOrder = toasts.Where(t => t.QueryId is not null).Select(t => t.QueryId!).ToList();
        var toastIndex = new Dictionary<string, int>();
        for (var i = 0; i < toastOrder.Count; i++) toastIndex.TryAdd(toastOrder[i], i);
        var waitlisted = 0;

        foreach (var group in groups)
        {
            var events = storm.Where(e => e.Group == group).OrderBy(e => e.UpdateId).ToList();
            var model = new BuyModel(group.Capacity);
            foreach (var e in events) e.Expected = model.Apply(e);
            waitlisted += model.Waiting.Count;

            // The database: the storm's buy has exactly the model's sign-ups, each once, active and waiting in order.
            var buy = buys.Single(b => b.ChatId == group.Id && b.Number == group.Buy);
            var stored = signUps[buy.Id].Where(s => s.Status != SignUpStatus.Withdrawn).ToList();
            var twice = stored.GroupBy(s => s.UserId).Where(u => u.Count() > 1).Select(u => u.Key).ToList();
            if (twice.Count > 0) problems.Add($"group {group.Index}: members signed up more than once: {Tally.Some(twice)}");
            Same(problems, $"group {group.Index} active (database)", model.Active.Select(s => $"{s.Name}×{s.Quantity}").ToList(),
                stored.Where(s => s.Status == SignUpStatus.Active).OrderBy(s => s.QueuedAt).ThenBy(s => s.Id).Select(s => $"{s.DisplayName}×{s.Quantity}").ToList());
            Same(problems, $"group {group.Index} waiting list (database)", model.Waiting.Select(s => $"{s.Name}×{s.Quantity}").ToList(),
                stored.Where(s => s.Status == SignUpStatus.Waitlisted).OrderBy(s => s.QueuedAt).ThenBy(s => s.Id).Select(s => $"{s.DisplayName}×{s.Quantity}").ToList());
            if (group.Capacity is { } capacity && stored.Where(s => s.Status == SignUpStatus.Active).Sum(s => s.Quantity) > capacity) problems.Add($"group {group.Index}: over capacity");

            // What members see: the live list, and one answer to each command in the order of the commands.
            var list = ListSeen.Read(bots.Telegram.GetMessage(group.Id, group.ListMessageId)!, group.Buy);
            Same(problems, $"group {group.Index} active (list)", model.Active.Select(s => $"{s.Name}×{s.Quantity}").ToList(), list.Active.Select(a => $"{a.Name}×{a.Quantity}").ToList());
            Same(problems, $"group {group.Index} waiting list (list)", model.Waiting.Select(s => $"{s.Name}×{s.Quantity}").ToList(), list.Waitlist.Select(a => $"{a.Name}×{a.Quantity}").ToList());
            var messages = bots.Telegram.GetMessages(group.Id).Where(m => m.IsFromBot).OrderBy(m => m.MessageId).ToList();
            var commands = events.Where(e => e.Act != Act.Tap).ToDictionary(e => e.MessageId);
            var answers = messages.Where(m => m.ReplyToMessageId is { } to && commands.ContainsKey(to)).ToList();
            foreach (var command in commands.Values)
            {
                var mine = answers.Where(a => a.ReplyToMessageId == command.MessageId).ToList();
                if (mine.Count == 0) unanswered.Add($"group {group.Index}: {command}");
                if (mine.Count > 1)
                {
                    repeats.Add($"group {group.Index}: {command} ×{mine.Count}");
                    repeated.Add((group.Id, command.MessageId, mine.Count));
                }

                if (mine.Count > 0 && !mine[0].Text!.StartsWith(command.Expected!, StringComparison.Ordinal)) wrongAnswers.Add($"group {group.Index}: {command}: \"{mine[0].Text}\", expected \"{command.Expected}…\"");
            }

            var answeredOrder = answers.Select(a => commands[a.ReplyToMessageId!.Value].UpdateId).ToList();
            if (FirstDecrease(answeredOrder) is { } at) outOfOrder.Add($"group {group.Index}: answers to commands out of their updates' order at answer {at + 1} of {answeredOrder.Count}");
            var tapOrder = events.Where(e => e.Act == Act.Tap && toastIndex.ContainsKey(e.CallbackQueryId!)).OrderBy(e => toastIndex[e.CallbackQueryId!]).Select(e => e.UpdateId).ToList();
            if (FirstDecrease(tapOrder) is { } tapAt) outOfOrder.Add($"group {group.Index}: taps answered out of their updates' order at toast {tapAt + 1} of {tapOrder.Count}");
            foreach (var tap in events.Where(e => e.Act == Act.Tap))
            {
                if (bots.Telegram.GetCallbackAnswer(tap.CallbackQueryId!) is { Answered: true, Text: { } toast } && !toast.StartsWith(tap.Expected!, StringComparison.Ordinal))
                {
                    wrongAnswers.Add($"group {group.Index}: {tap}: toast \"{toast}\", expected \"{tap.Expected}…\"");
                }
            }

            if (group.Deadline is { } deadline) AuditDeadline(problems, bots, group, deadline, buys.Single(b => b.ChatId == group.Id && b.Number == 1), messages);
        }

        var commandCount = storm.Count(e => e.Act != Act.Tap);
        var taps = storm.Where(e => e.Act == Act.Tap).ToList();
        var tapsAnswered = taps.Count(t => bots.Telegram.GetCallbackAnswer(t.CallbackQueryId!) is { Answered: true });
        figures.Add($"{storm.Count} updates: {taps.Count} taps ({tapsAnswered} answered; a tap applied just before the kill keeps no toast), {commandCount} commands "
            + $"({commandCount - unanswered.Count} answered); {waitlisted} members left waiting in the small buys");
        if (unanswered.Count > 0) problems.Add($"commands never answered: {Tally.Some(unanswered)}");
        if (wrongAnswers.Count > 0) problems.Add($"answers that differ from the rules applied in update order: {Tally.Some(wrongAnswers, 6)}");
        if (outOfOrder.Count > 0) problems.Add($"chats whose answers are not in their updates' order: {Tally.Some(outOfOrder, 6)}");

        // The documented crash window: a message accepted by Telegram just before the kill, not yet marked sent, goes again once.
        figures.Add($"answers repeated (each chat at most once, for the one kill): {Tally.Some(repeats, 4)}");

        Limits(problems, figures, bots);
        Spread(figures, toasts, survivors, taps.Count);
        if (Backlog(bots) is var left and > 0) problems.Add($"{left} rows left in the inbox and outbox");
        return new Audited(problems, figures, repeated);
    }

    /// <summary>A deadline buy closed once: one summary, closed in the database and on its list, formed with two sign-ups.</summary>
    private static void AuditDeadline(List<string> problems, BotInstances bots, Group group, DeadlineBuy deadline, GroupBuy stored, List<EmulatedMessage> messages)
    {
        var formed = deadline.Joiners.Count >= 2;
        var summaries = messages.Count(m => m.Text?.StartsWith($"Group buy #1 “{DeadlineTitle}” is closed", StringComparison.Ordinal) == true);
        if (summaries != 1) problems.Add($"group {group.Index}: the deadline buy's closing summary was sent {summaries} times, not once");
        var expected = formed ? GroupBuyStatus.Formed : GroupBuyStatus.Failed;
        if (stored.Status != expected) problems.Add($"group {group.Index}: the deadline buy is {stored.Status} in the database, not {expected}");
        var list = bots.Telegram.GetMessages(group.Id).FirstOrDefault(m => ListSeen.IsList(m, 1));
        var closed = list is not null && ListSeen.Read(list, 1) is { HasJoinButton: false } seen && seen.StatusLine.StartsWith(formed ? "✅ Closed" : "❌ Closed", StringComparison.Ordinal);
        if (!closed)
        {
            problems.Add($"group {group.Index}: the deadline buy's list does not show it closed");
        }
    }

    /// <summary>
    /// Every send the emulator counted against Telegram's limits. Accepted: never over the limits (the emulator refuses the
    /// rest with 429, which the bots wait out and send again). Asked for (accepted or refused): per group at most the limit
    /// in any minute, and overall at most the limit on average over any 5 s. The emulator counts when a send arrives, in
    /// this process, and on a starved machine (load average 16–30 on 2 cores here) a stall here of half a second bunches
    /// sends the bots spaced evenly into one second (78 in a second from a bot keeping to 50: 21 refused, one run in five);
    /// over 5 s that evens out, while two senders at once (twice the rate) or the bursting budget of before (a full
    /// bucket and then the rate: 360 in 5 s) do not.
    /// </summary>
    private static void Limits(List<string> problems, List<string> figures, BotInstances bots)
    {
        var sends = bots.Telegram.GetApiCalls().Where(c => c.Method is "sendMessage" or "editMessageText" or "editMessageReplyMarkup" or "sendDocument" && c.ChatId is not null).ToList();
        var refused = sends.Count(c => c.StatusCode == 429);
        var accepted = sends.Where(c => c.StatusCode == 200).ToList();
        var asked = sends.Where(c => c.StatusCode is 200 or 429).ToList();
        int PerGroup(List<ApiCallRecord> calls) => calls.Where(c => c.ChatId!.StartsWith('-')).GroupBy(c => c.ChatId)
            .Select(g => MostWithin(g.Select(c => c.At).ToList(), TimeSpan.FromMinutes(1))).DefaultIfEmpty(0).Max();
        int Overall(List<ApiCallRecord> calls, int seconds) => MostWithin(calls.Select(c => c.At).ToList(), TimeSpan.FromSeconds(seconds));
        figures.Add($"sends accepted {accepted.Count}, refused with 429 {refused}; most in one group in a minute {PerGroup(accepted)} accepted, {PerGroup(asked)} asked (limit {PerGroupPerMinute}); "
            + $"most overall in a second {Overall(accepted, 1)} accepted, {Overall(asked, 1)} asked (limit {OverallPerSecond}), in 5 s {Overall(asked, 5)} asked (limit {5 * OverallPerSecond})");
        if (PerGroup(accepted) > PerGroupPerMinute || Overall(accepted, 1) > OverallPerSecond) problems.Add("the emulator accepted sends over its limits: the check itself is broken");
        if (PerGroup(asked) > PerGroupPerMinute) problems.Add($"the bots asked for {PerGroup(asked)} sends to one group in a minute (limit {PerGroupPerMinute})");
        if (Overall(asked, 5) > 5 * OverallPerSecond) problems.Add($"the bots asked for {Overall(asked, 5)} sends in 5 s (limit {5 * OverallPerSecond})");
    }

    /// <summary>Which process handled the taps: the toast is answered by the instance that applied the tap. Also each survivor's own count.</summary>
    private static void Spread(List<string> figures, ConcurrentQueue<(string? Host, string? QueryId, double At)> toasts, List<BotInstances.Instance> survivors, int taps)
    {
        var all = survivors[0].Siblings;
        var byHost = toasts.GroupBy(t => all.FirstOrDefault(i => i.Host == t.Host)?.Label ?? t.Host ?? "?").ToDictionary(g => g.Key, g => g.Count());
        figures.Add($"taps answered by each process (of {taps}): {string.Join(", ", byHost.OrderBy(h => h.Key).Select(h => $"{h.Key} {h.Value}"))}");
        var handled = survivors.Select(i => $"{i.Label} {HandledBy(i)}");
        figures.Add($"updates handled, from each surviving process's /metrics: {string.Join(", ", handled)}");
    }

    private static string HandledBy(BotInstances.Instance instance)
    {
        var port = instance.Settings["GroupBuyBot__Health__Port"];
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var text = http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")).GetAwaiter().GetResult();
            var total = text.Split('\n').Where(l => l.StartsWith("groupbuybot_updates_handled_total{", StringComparison.Ordinal))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            return total.ToString("0", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "?";
        }
    }

    private static int MostWithin(List<DateTimeOffset> times, TimeSpan window)
    {
        times.Sort();
        var most = 0;
        var from = 0;
        for (var i = 0; i < times.Count; i++)
        {
            while (times[i] - times[from] >= window) from++;
            most = Math.Max(most, i - from + 1);
        }

        return most;
    }

    private static int? FirstDecrease(List<int> order)
    {
        for (var i = 1; i < order.Count; i++)
        {
            if (order[i] < order[i - 1]) return i;
        }

        return null;
    }

    private static void Same(List<string> problems, string what, List<string> expected, List<string> seen)
    {
        if (expected.SequenceEqual(seen)) return;
        var at = 0;
        while (at < expected.Count && at < seen.Count && expected[at] == seen[at]) at++;
        problems.Add($"{what}: expected {expected.Count}, found {seen.Count}; first difference at place {at + 1}: expected {(at < expected.Count ? expected[at] : "nobody")}, found {(at < seen.Count ? seen[at] : "nobody")}");
    }

    private static async Task<BotInstances.Instance> Polling(BotInstances bots, List<BotInstances.Instance> instances)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Seen.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (instances.FirstOrDefault(i => i.Calls("getUpdates") > 0) is { } polling) return polling;
            if (instances.FirstOrDefault(i => i.Process.HasExited) is { } exited) throw new InvalidOperationException($"{exited.Label} exited:\n{string.Join('\n', exited.Process.Tail(40))}");
            if (Stopwatch.GetTimestamp() > until) throw new TimeoutException("No instance polled within a minute.");
            await Task.Delay(50);
        }
    }

    private static async Task<bool> Until(Func<bool> condition, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > until) return false;
            await Task.Delay(250);
        }

        return true;
    }

    private static string Report(Audited audit)
    {
        var text = new StringBuilder("Three instances, one killed midway\n");
        foreach (var figure in audit.Figures) text.Append("  ").Append(figure).Append('\n');
        text.Append(audit.Problems.Count == 0 ? "no problems\n" : $"{audit.Problems.Count} problem(s):\n");
        foreach (var problem in audit.Problems) text.Append(" - ").Append(problem).Append('\n');
        return text.ToString();
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("GROUPBUYBOT_STORM_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 11;

    private enum Act
    {
        Tap,
        Join,
        Leave,
        Buys,
    }

    /// <summary>A group of the storm: its members, its buy's capacity, the number of the storm's buy and its list message.</summary>
    private sealed record Group(long Id, int Index, List<EmulatedUser> Members, int? Capacity, DeadlineBuy? Deadline)
    {
        public int Buy => Deadline is null ? 1 : 2;

        public int ListMessageId { get; set; }
    }

    private sealed record DeadlineBuy(List<EmulatedUser> Joiners);

    private sealed record Audited(List<string> Problems, List<string> Figures, List<(long ChatId, int MessageId, int Copies)> Repeated);

    /// <summary>Something a member does; once posted, the update it became, and what the rules say it is answered.</summary>
    private sealed record StormEvent(Act Act, Group Group, EmulatedUser Who, int Quantity)
    {
        public int MessageId { get; set; }

        public int UpdateId { get; set; }

        public string? CallbackQueryId { get; set; }

        /// <summary>How the answer (or the toast) begins, by the sign-up rules applied in update order.</summary>
        public string? Expected { get; set; }

        public override string ToString() => Act switch
        {
            Act.Tap => $"tap by {Who.FirstName} (update {UpdateId})",
            Act.Join => $"/join {Quantity} by {Who.FirstName} (message {MessageId})",
            Act.Leave => $"/leave by {Who.FirstName} (message {MessageId})",
            _ => $"/buys (message {MessageId})",
        };
    }

    /// <summary>The sign-up rules of one buy without options (GroupBuy): strict queue, a newcomer waits while others wait, a leave promotes from the head while it fits.</summary>
    private sealed class BuyModel(int? capacity)
    {
        private readonly List<(string Name, int Quantity, int Order)> _active = [];
        private int _signedUp;

        /// <summary>Active members as the list and the database order them: by when they signed up.</summary>
        public List<(string Name, int Quantity)> Active => [.. _active.OrderBy(a => a.Order).Select(a => (a.Name, a.Quantity))];

        public List<(string Name, int Quantity, int Order)> Waiting { get; } = [];

        public string Apply(StormEvent e)
        {
            var name = e.Who.FirstName;
            switch (e.Act)
            {
                case Act.Tap or Act.Join:
                    var fits = capacity is not { } c || _active.Sum(a => a.Quantity) + e.Quantity <= c;
                    var order = _signedUp++;
                    if (fits && Waiting.Count == 0)
                    {
                        _active.Add((name, e.Quantity, order));
                        return e.Act == Act.Tap ? $"You're in: {e.Quantity} unit" : $"{name} signed up for {e.Quantity} unit";
                    }

                    Waiting.Add((name, e.Quantity, order));
                    return e.Act == Act.Tap ? $"Full — you're on the waiting list ({e.Quantity} unit" : $"{name}: the group buy is full; you are on the waiting list for {e.Quantity} unit";
                case Act.Leave:
                    _active.RemoveAll(a => a.Name == name);
                    Waiting.RemoveAll(a => a.Name == name);
                    while (Waiting.Count > 0 && (capacity is not { } cap || _active.Sum(a => a.Quantity) + Waiting[0].Quantity <= cap))
                    {
                        _active.Add(Waiting[0]); // promoted: in the order they queued, keeping their place by when they signed up
                        Waiting.RemoveAt(0);
                    }

                    return $"{name} withdrew.";
                default:
                    return "Open group buys:";
            }
        }
    }
}
