using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GroupBuyBot.BotApiEmulator.Models;
using Xunit.Abstractions;
using static GroupBuyBot.IntegrationTests.Faults.ChildBotHarness;

namespace GroupBuyBot.IntegrationTests.Faults;

/// <summary>Tests that start bot processes run alone: they measure recovery in real time and must not share 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xUnit names a collection definition so")]
public sealed class CrashCollection
{
    public const string Name = "Crash (bot child processes)";
}

/// <summary>
/// The bot as a real process, SIGKILLed and restarted in the middle of a storm of sign-ups, or cut off from Telegram's
/// sends for a long outage: afterwards members must see every sign-up once and every confirmation the bot owed them.
/// The durable update pipeline (inbox, per-chat handling, outbox for every promised message) is what makes them pass;
/// before it they failed (see <c>docs/crash-tests.md</c> for the figures). The same storm without kills is the
/// control. Run them with <c>dotnet test tests/GroupBuyBot.IntegrationTests --filter Category=Crash</c>; set
/// <c>GROUPBUYBOT_CRASH_SEED</c> to replay a storm and its kill plan.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Crash")]
public sealed partial class CrashStormTests(ITestOutputHelper output)
{
    private const int Capacity = 100;
    private const int Tappers = 300;
    private const int Joiners = 60;
    private const string Summary2 = "Group buy #2 “Rice” is closed";

    [Fact]
    public Task A_storm_of_sign_ups_through_SIGKILLs_shows_every_member_once_and_every_confirmation() => Storm(withKills: true);

    /// <summary>
    /// The control: the same storm and the same checks with no kill pass on today's code, so the harness (child process,
    /// readiness, storm, audit) is known to work while the kill test waits for the pipeline.
    /// </summary>
    [Fact]
    public Task Without_kills_the_same_storm_shows_every_member_once_and_every_confirmation() => Storm(withKills: false);

    /// <summary>Kills the storm must have had to count (of the four planned).</summary>
    private const int MinimumKills = 2;

    private async Task Storm(bool withKills)
    {
        var seed = Seed();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        await using var harness = await ChildBotHarness.Start(output);
        harness.Log($"seed {seed} (replay with GROUPBUYBOT_CRASH_SEED={seed})");
        var members = Members(harness, Tappers);
        await harness.StartBot();

        // Two buys before the storm: #1 with 100 places (the taps), #2 without a limit (the /join commands).
        harness.Telegram.PostMessage(GroupId, Alice.Id, $"/newbuy Oranges | 60 | 20 | 2d | {Capacity}");
        var list1 = await harness.Telegram.WaitForMessage(GroupId, m => ListSeen.IsList(m, 1) && m.Buttons.Count > 0, TimeSpan.FromSeconds(20));
        harness.Telegram.PostMessage(GroupId, Alice.Id, "/newbuy Rice | 30 | 10 | 3d");
        await harness.Telegram.WaitForMessage(GroupId, m => ListSeen.IsList(m, 2) && m.Buttons.Count > 0, TimeSpan.FromSeconds(20));
        await harness.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(20));

        // The storm: 300 members tap Join on #1, 60 of them send /join #2, and the organizer opens #3 and closes #2 midway.
        var storm = StormEvents(random, members);
        var newBuy = storm.Single(e => e.Act == Act.NewBuy);
        var close = storm.Single(e => e.Act == Act.Close);
        var newBuyAnswer = NewBuyAnswer();
        var kills = !withKills ? new KillSwitch(harness, [], standing: null) : new KillSwitch(harness,
        [
            .. new[]
            {
                new KillStep("kill A (a reply about to be accepted)", KillSide.BeforeAccepted, NthSend: random.Next(2, 9)),
                new KillStep("kill B (any moment)", KillSide.BeforeAccepted, AfterMilliseconds: random.Next(150, 1500)),
                // Not at the closing summary: that one must come exactly once, so no kill may make it legitimately twice.
                new KillStep("kill C (a reply just accepted)", KillSide.AfterAccepted, NthSend: random.Next(2, 9),
                    Spare: call => call.Text?.StartsWith(Summary2, StringComparison.Ordinal) == true),
            }.OrderBy(_ => random.Next()),
        ], standing: new KillStep("kill D (as it answers the /newbuy of #3)", KillSide.BeforeAccepted, Matches: call => newBuyAnswer.IsMatch(call.Text ?? "")));
        harness.Log($"storm: {storm.Count} events (taps, /join #2, /newbuy at {storm.IndexOf(newBuy)}, /close #2 at {storm.IndexOf(close)})");

        var posting = Task.Run(async () =>
        {
            foreach (var chunk in storm.Chunk(2))
            {
                foreach (var e in chunk) Post(harness, e, list1.MessageId);
                await Task.Delay(30); // members keep coming, whether or not the bot is up
            }

            harness.Log("storm posted");
        });
        await kills.Run(ct => NothingLeft(harness, posting, ct), TimeSpan.FromSeconds(120));
        await posting;

        // Let the last process catch up (it may take a retry interval or two), then stay quiet for a while.
        var settled = await Until(() => Audit(harness, storm, list1.MessageId, kills, liveTap: null).Problems.Count == 0, TimeSpan.FromSeconds(20));
        var quiet = await Quiet(harness, TimeSpan.FromSeconds(3));
        harness.Log(settled ? "everything arrived" : "gave up waiting for what is missing");

        // The new buy's list must be live, not just posted: a tap on it shows.
        var liveTap = await TapNewList(harness, members[0]);
        var audit = Audit(harness, storm, list1.MessageId, kills, liveTap);
        if (!quiet) audit.Problems.Add("the bot never went quiet for 3 s within 30 s: it kept calling Telegram");
        var report = Report($"Storm {(withKills ? "with" : "without")} kills, seed {seed} (replay: GROUPBUYBOT_CRASH_SEED={seed}), {clock.Elapsed.TotalSeconds:0.0} s", kills, audit);
        harness.Log(report);
        Assert.True(audit.Problems.Count == 0, report);
    }

    [Fact]
    public async Task After_sends_fail_for_a_long_outage_every_confirmation_arrives_once()
    {
        var outage = TimeSpan.FromSeconds(OutageSeconds());
        var clock = Stopwatch.StartNew();
        await using var harness = await ChildBotHarness.Start(output);
        var members = Members(harness, 16);
        await harness.StartBot();
        harness.Telegram.PostMessage(GroupId, Alice.Id, "/newbuy Oranges | 60 | 5 | 2d");
        var list1 = await harness.Telegram.WaitForMessage(GroupId, m => ListSeen.IsList(m, 1) && m.Buttons.Count > 0, TimeSpan.FromSeconds(20));
        await harness.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(20));

        // Every call but getUpdates fails, in four phases: 500s, 502s, connection resets, then calls that hang past the
        // bot's 2 s client timeout (the emulator drops what its client gave up on: a timeout, not a late delivery).
        var phase = (int)(outage.TotalMilliseconds / 4);
        harness.Telegram.InjectFault(new FaultSpec(FaultKind.InternalServerError, DurationMilliseconds: phase));
        harness.Telegram.InjectFault(new FaultSpec(FaultKind.BadGateway, StartAfterMilliseconds: phase, DurationMilliseconds: phase));
        harness.Telegram.InjectFault(new FaultSpec(FaultKind.ConnectionReset, StartAfterMilliseconds: 2 * phase, DurationMilliseconds: phase));
        harness.Telegram.InjectFault(new FaultSpec(FaultKind.Delay, DelayMilliseconds: 3000, StartAfterMilliseconds: 3 * phase, DurationMilliseconds: phase));
        var outageStarted = Stopwatch.StartNew();
        harness.Log($"outage of {outage.TotalSeconds:0} s: 500, 502, reset, timeout for {phase / 1000.0:0.0} s each");

        // Members act all through the outage: /join #1, taps on #1, a new buy #2 and /join #2, and #1 closed near the end.
        var plan = new List<(double At, StormEvent Event)>();
        for (var i = 0; i < 6; i++) plan.Add((0.04 + (i * 0.12), new StormEvent(Act.Join, members[i], 1 + (i % 3), Buy: 1)));
        for (var i = 0; i < 6; i++) plan.Add((0.08 + (i * 0.12), new StormEvent(Act.Tap, members[6 + i])));
        plan.Add((0.45, new StormEvent(Act.NewBuy, Alice)));
        plan.Add((0.62, new StormEvent(Act.Join, members[12], 1, Buy: 2)));
        plan.Add((0.78, new StormEvent(Act.Join, members[13], 2, Buy: 2)));
        plan.Add((0.9, new StormEvent(Act.Close, Alice) { Buy = 1 }));
        foreach (var (at, e) in plan.OrderBy(p => p.At))
        {
            var due = outage * at - outageStarted.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due); // the scenario's schedule, not a wait for the bot
            Post(harness, e, list1.MessageId);
        }

        var events = plan.OrderBy(p => p.At).Select(p => p.Event).ToList();
        var rest = outage - outageStarted.Elapsed;
        if (rest > TimeSpan.Zero) await Task.Delay(rest);
        harness.Log("outage over");
        var recovered = Stopwatch.StartNew();

        // A pipeline that backs off to at most ~10 s between retries has delivered everything within 15 s.
        var arrived = await Until(() => AuditOutage(harness, events, list1.MessageId).Problems.Count == 0, TimeSpan.FromSeconds(15));
        var recoverySeconds = recovered.Elapsed.TotalSeconds;
        var quiet = await Quiet(harness, TimeSpan.FromSeconds(2));
        var audit = AuditOutage(harness, events, list1.MessageId);
        if (!quiet) audit.Problems.Add("the bot never went quiet for 2 s within 30 s: it kept calling Telegram");
        // Which faults the bot's calls met depends on its back-off (a 10 s pause can skip a phase): a figure, not a check.
        var failed = harness.Telegram.GetApiCalls().Where(c => c.Method != "getUpdates" && c.StatusCode is 0 or >= 500)
            .GroupBy(c => c.StatusCode == 0 ? c.ErrorDescription ?? "dropped" : c.StatusCode.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        audit.Figures.Add($"calls the outage failed: {(failed.Count == 0 ? "none" : string.Join(", ", failed.OrderBy(f => f.Key).Select(f => $"{f.Key} ×{f.Value}")))}");
        audit.Figures.Add(arrived ? $"everything arrived {recoverySeconds:0.0} s after the outage" : "not everything arrived within 15 s of the outage's end");
        if (failed.Values.Sum() < 4) audit.Problems.Add("harness: the outage failed fewer than 4 of the bot's calls: it missed the bot's sends");

        var report = Report($"Outage of {outage.TotalSeconds:0} s, {clock.Elapsed.TotalSeconds:0.0} s", null, audit);
        harness.Log(report);
        Assert.True(audit.Problems.Count == 0, report);
    }

    private enum Act
    {
        Tap,
        Join,
        NewBuy,
        Close,
    }

    /// <summary>Something a member does, and once posted, the message or callback query it became.</summary>
    private sealed record StormEvent(Act Act, EmulatedUser Who, int Quantity = 0, int Buy = 2)
    {
        public int Buy { get; set; } = Buy;

        public int MessageId { get; set; }

        public int UpdateId { get; set; }

        public string? CallbackQueryId { get; set; }

        public string Name => Who.FirstName;

        public override string ToString() => Act switch
        {
            Act.Join => $"/join #{Buy} {Quantity} by {Name} (message {MessageId})",
            Act.Tap => $"tap by {Name}",
            _ => $"{Act} (message {MessageId})",
        };
    }

    private sealed record Audited(List<string> Problems, List<string> Figures);

    private static void Post(ChildBotHarness harness, StormEvent e, int list1MessageId)
    {
        switch (e.Act)
        {
            case Act.Tap:
                var tap = harness.Telegram.TapButton(GroupId, list1MessageId, e.Who.Id, buttonText: "Join");
                (e.CallbackQueryId, e.UpdateId) = (tap.CallbackQueryId, tap.UpdateId);
                return;
            case Act.Join:
                Posted(e, harness.Telegram.PostMessage(GroupId, e.Who.Id, $"/join #{e.Buy} {e.Quantity}"));
                return;
            case Act.NewBuy:
                Posted(e, harness.Telegram.PostMessage(GroupId, Alice.Id, "/newbuy Apples | 20 | 5 | 2d"));
                return;
            default:
                Posted(e, harness.Telegram.PostMessage(GroupId, Alice.Id, $"/close #{e.Buy}"));
                return;
        }

        static void Posted(StormEvent e, PostedMessage posted) => (e.MessageId, e.UpdateId) = (posted.MessageId, posted.UpdateId);
    }

    /// <summary>
    /// 300 taps on #1 in a seeded order, 60 /join #2 from a seeded 60 of the members, shuffled together; the organizer's
    /// /newbuy (it becomes #3) at 35% and /close #2 at 70%.
    /// </summary>
    private static List<StormEvent> StormEvents(Random random, IReadOnlyList<EmulatedUser> members)
    {
        var taps = members.OrderBy(_ => random.Next()).Select(m => new StormEvent(Act.Tap, m));
        var joins = members.OrderBy(_ => random.Next()).Take(Joiners).Select(m => new StormEvent(Act.Join, m, random.Next(1, 4)));
        var storm = taps.Concat(joins).OrderBy(_ => random.Next()).ToList();
        storm.Insert(storm.Count * 35 / 100, new StormEvent(Act.NewBuy, Alice, Buy: 3));
        storm.Insert(storm.Count * 70 / 100, new StormEvent(Act.Close, Alice));
        return storm;
    }

    /// <summary>
    /// Members named with two letters (Aa, Ab, … Lz): the list of 100 active and 200 waiting then fits one Telegram
    /// message, so the list shows every name and the test can check every one.
    /// </summary>
    private static List<EmulatedUser> Members(ChildBotHarness harness, int count)
    {
        var members = new List<EmulatedUser>();
        for (var i = 0; i < count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + (i / 26))}{(char)('a' + (i % 26))}");
            var member = harness.Telegram.UpsertUser(new EmulatedUser(1000 + i, name));
            harness.Telegram.SetMemberStatus(GroupId, member.Id, MemberStatus.Member);
            members.Add(member);
        }

        return members;
    }

    /// <summary>Completes once the storm is posted, every update was fetched and the bot made no call for 3 s.</summary>
    private static async Task NothingLeft(ChildBotHarness harness, Task posting, CancellationToken ct)
    {
        await posting.WaitAsync(ct);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await harness.Telegram.WaitUntilIdle(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));
                return;
            }
            catch (TimeoutException)
            {
                // still busy
            }
        }
    }

    /// <summary>Waits (at most 30 s) until every update is fetched and the bot made no call for <paramref name="period"/>.</summary>
    private static async Task<bool> Quiet(ChildBotHarness harness, TimeSpan period)
    {
        try
        {
            await harness.Telegram.WaitUntilIdle(TimeSpan.FromSeconds(30), period);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    private static async Task<bool> Until(Func<bool> condition, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > until) return false;
            await Task.Delay(200);
        }

        return true;
    }

    private static async Task<string?> TapNewList(ChildBotHarness harness, EmulatedUser member)
    {
        var list = harness.Telegram.GetMessages(GroupId).LastOrDefault(m => ListSeen.IsList(m, 3) && m.Buttons.Count > 0);
        if (list is null) return null;
        harness.Telegram.TapButton(GroupId, list.MessageId, member.Id, buttonText: "Join");
        var shown = await Until(() => harness.Telegram.GetMessage(GroupId, list.MessageId) is { } now
            && ListSeen.Read(now, 3).Active.Any(a => a.Name == member.FirstName), TimeSpan.FromSeconds(10));
        return shown ? member.FirstName : "";
    }

    /// <summary>What members see after the storm, against what they did.</summary>
    private static Audited Audit(ChildBotHarness harness, List<StormEvent> storm, int list1MessageId, KillSwitch kills, string? liveTap)
    {
        var problems = new List<string>();
        var figures = new List<string>();
        var duplicates = new List<string>();
        var messages = harness.Telegram.GetMessages(GroupId).Where(m => m.IsFromBot).ToList();
        var replies = messages.Where(m => m.ReplyToMessageId is not null).ToLookup(m => m.ReplyToMessageId!.Value);
        var close = storm.Single(e => e.Act == Act.Close);
        var newBuy = storm.Single(e => e.Act == Act.NewBuy);

        // #1: 300 taps, one place each: the first 100 handled are in, the next 200 wait, in the order of the taps.
        var taps = storm.Where(e => e.Act == Act.Tap).OrderBy(e => e.UpdateId).Select(e => e.Name).ToList();
        var lists1 = messages.Where(m => ListSeen.IsList(m, 1)).ToList();
        if (lists1.Count != 1 || lists1[0].MessageId != list1MessageId) problems.Add($"buy #1 has {lists1.Count} list messages, not its one live list");
        var seen1 = ListSeen.Read(harness.Telegram.GetMessage(GroupId, list1MessageId)!, 1);
        var shown1 = seen1.Active.Concat(seen1.Waitlist).Select(s => s.Name).ToList();
        var missing1 = taps.Except(shown1).ToList();
        var twice1 = shown1.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        figures.Add($"buy #1 list: {seen1.Active.Count} in + {seen1.Waitlist.Count} waiting (expected {Capacity} + {Tappers - Capacity}); "
            + $"taps missing {Tally.Some(missing1)}; shown twice {Tally.Some(twice1)}; {seen1.TotalLine}");
        if (seen1.Truncated) problems.Add("buy #1's list is cut ('…and N more'): the test's names no longer fit one message");
        if (missing1.Count > 0) problems.Add($"buy #1 lost sign-ups (tapped Join, not on the list): {Tally.Some(missing1)}");
        if (twice1.Count > 0) problems.Add($"buy #1 shows members more than once: {Tally.Some(twice1)}");
        Order(problems, "buy #1 active", taps.Take(Capacity).ToList(), seen1.Active.Select(a => a.Name).ToList());
        Order(problems, "buy #1 waiting list", taps.Skip(Capacity).ToList(), seen1.Waitlist.Select(a => a.Name).ToList());
        if (seen1.Active.Concat(seen1.Waitlist).Any(a => a.Quantity != 1)) problems.Add("buy #1: a tap counted more than one unit: " + string.Join(", ", seen1.Active.Concat(seen1.Waitlist).Where(a => a.Quantity != 1)));
        if (seen1.TotalLine != $"Total: {Capacity} units from {Capacity} members") problems.Add($"buy #1 total reads '{seen1.TotalLine}'");

        // #2: every /join #2 answered once; those before the /close are on its final list, those after are told it closed.
        var joins = storm.Where(e => e.Act == Act.Join).OrderBy(e => e.UpdateId).ToList();
        var lost = new List<string>();
        var wrong = new List<string>();
        foreach (var join in joins)
        {
            var answers = replies[join.MessageId].ToList();
            if (answers.Count == 0) lost.Add(join.ToString());
            if (answers.Count > 1) duplicates.Add($"reply to {join} ×{answers.Count}");
            var expected = join.UpdateId < close.UpdateId ? $"{join.Name} signed up for {join.Quantity} unit" : "Group buy #2 is no longer open.";
            if (answers.Count > 0 && !answers.All(a => a.Text?.StartsWith(expected, StringComparison.Ordinal) == true))
            {
                wrong.Add($"{join}: \"{answers[0].Text}\" (expected \"{expected}…\")");
            }
        }

        figures.Add($"/join #2 commands: {joins.Count}, answered {joins.Count - lost.Count}, lost {lost.Count}, answered more than once {duplicates.Count}");
        if (lost.Count > 0) problems.Add($"/join #2 commands never answered (confirmations lost): {Tally.Some(lost)}");
        if (wrong.Count > 0) problems.Add($"/join #2 answered wrongly: {Tally.Some(wrong, 5)}");

        var joined = joins.Where(j => j.UpdateId < close.UpdateId).ToList();
        var lists2 = messages.Where(m => ListSeen.IsList(m, 2)).ToList();
        if (lists2.Count != 1) problems.Add($"buy #2 has {lists2.Count} list messages, not its one live list");
        else
        {
            var seen2 = ListSeen.Read(lists2[0], 2);
            var expected2 = joined.Select(j => (j.Name, j.Quantity)).ToList();
            if (!seen2.Active.SequenceEqual(expected2))
            {
                problems.Add($"buy #2's final list differs from the {joined.Count} /join #2 handled before /close: missing {Tally.Some(expected2.Except(seen2.Active).ToList())}, "
                    + $"unexpected {Tally.Some(seen2.Active.Except(expected2).ToList())}");
            }

            var formed = joined.Sum(j => j.Quantity) >= 10;
            var status = formed ? "✅ Closed — formed (成团)" : "❌ Closed — not formed (流团), nobody is charged";
            if (seen2.StatusLine != status || seen2.HasJoinButton) problems.Add($"buy #2's list does not show it closed: '{seen2.StatusLine}'{(seen2.HasJoinButton ? ", Join still there" : "")}");
        }

        var summaries = messages.Where(m => m.Text?.StartsWith(Summary2, StringComparison.Ordinal) == true).ToList();
        figures.Add($"closing summary of #2: sent {summaries.Count} time(s)");
        if (summaries.Count != 1) problems.Add($"the closing summary of buy #2 was sent {summaries.Count} times, not exactly once");

        // #3, opened during the storm: its /newbuy answered, its live list posted (with buttons), and live.
        var newBuyAnswers = replies[newBuy.MessageId].ToList();
        var lists3 = messages.Where(m => ListSeen.IsList(m, 3)).ToList();
        figures.Add($"/newbuy of #3: {newBuyAnswers.Count} answer(s), {lists3.Count} list message(s){(liveTap is null ? "" : liveTap.Length > 0 ? ", a tap on it showed" : ", a tap on it did not show")}");
        if (newBuyAnswers.Count == 0) problems.Add("the /newbuy of #3 was never answered");
        if (newBuyAnswers.Count > 1) duplicates.Add($"answer to the /newbuy of #3 ×{newBuyAnswers.Count}");
        if (newBuyAnswers.Count > 0 && !newBuyAnswers[0].Text!.StartsWith("Group buy #3 is open", StringComparison.Ordinal)) problems.Add($"the /newbuy of #3 was answered \"{newBuyAnswers[0].Text}\"");
        if (!lists3.Any(m => m.Buttons.Count > 0)) problems.Add("buy #3 has no live list with buttons: members cannot join it");
        if (lists3.Count > 1) duplicates.Add($"list of #3 ×{lists3.Count}");
        if (liveTap == "") problems.Add("a tap on buy #3's list did not show on it: the list is not the live one");

        // The documented crash window: a message can come twice only when the process died between Telegram taking it
        // and the bot marking it sent, so at most one repeat per kill.
        var repeats = duplicates.Sum(d => int.Parse(d[(d.LastIndexOf('×') + 1)..], CultureInfo.InvariantCulture) - 1);
        figures.Add($"confirmations repeated: {repeats} for {kills.Done.Count} kills: {Tally.Some(duplicates, 6)}");
        if (repeats > kills.Done.Count) problems.Add($"{repeats} repeated confirmations for {kills.Done.Count} kills (at most one per kill): {Tally.Some(duplicates, 6)}");

        var unanswered = storm.Where(e => e.Act == Act.Tap && harness.Telegram.GetCallbackAnswer(e.CallbackQueryId!) is not { Answered: true }).ToList();
        figures.Add($"taps whose button was never answered (not asserted): {unanswered.Count}");
        // A step aimed at the process's n-th send cannot fire when that process has fewer sends left (a loaded machine
        // merges more replies per send): not the bot's fault, as long as the storm was still cut often enough.
        if (kills.NotDone.Count > 0) figures.Add($"planned kills that never happened (the bot went quiet first): {string.Join("; ", kills.NotDone)}");
        if (kills.NotDone.Count > 0 && kills.Done.Count < MinimumKills) problems.Add($"harness: only {kills.Done.Count} kills happened (at least {MinimumKills} needed): {string.Join("; ", kills.NotDone)} never fired");
        if (harness.Starts != kills.Done.Count + 1) problems.Add($"harness: {harness.Starts} bot processes for {kills.Done.Count} kills");
        return new Audited(problems, figures);
    }

    /// <summary>What members see after the outage: every command answered once, #2's list, #1 closed once with everyone on it.</summary>
    private static Audited AuditOutage(ChildBotHarness harness, List<StormEvent> events, int list1MessageId)
    {
        var problems = new List<string>();
        var figures = new List<string>();
        var messages = harness.Telegram.GetMessages(GroupId).Where(m => m.IsFromBot).ToList();
        var replies = messages.Where(m => m.ReplyToMessageId is not null).ToLookup(m => m.ReplyToMessageId!.Value);
        var lost = new List<string>();
        var twice = new List<string>();
        foreach (var join in events.Where(e => e.Act == Act.Join))
        {
            var answers = replies[join.MessageId].ToList();
            if (answers.Count == 0) lost.Add(join.ToString());
            else if (answers.Count > 1) twice.Add($"{join} ×{answers.Count}");
            else if (answers[0].Text?.StartsWith($"{join.Name} signed up for {join.Quantity} unit", StringComparison.Ordinal) != true) problems.Add($"{join} answered \"{answers[0].Text}\"");
        }

        var newBuy = events.Single(e => e.Act == Act.NewBuy);
        var newBuyAnswers = replies[newBuy.MessageId].Count();
        var lists2 = messages.Where(m => ListSeen.IsList(m, 2)).ToList();
        var summaries = messages.Count(m => m.Text?.StartsWith("Group buy #1 “Oranges” is closed", StringComparison.Ordinal) == true);
        figures.Add($"/join answered: {events.Count(e => e.Act == Act.Join) - lost.Count} of {events.Count(e => e.Act == Act.Join)}; /newbuy answers {newBuyAnswers}; lists of #2: {lists2.Count}; closing summaries of #1: {summaries}");
        if (lost.Count > 0) problems.Add($"/join commands never answered (confirmations lost): {Tally.Some(lost)}");
        if (twice.Count > 0) problems.Add($"/join commands answered more than once (no process died, so no excuse): {Tally.Some(twice)}");
        if (newBuyAnswers != 1) problems.Add($"the /newbuy during the outage was answered {newBuyAnswers} times, not once");
        if (lists2.Count != 1 || lists2[0].Buttons.Count == 0) problems.Add($"buy #2 (opened during the outage) has {lists2.Count} list messages, not one live list with buttons");
        if (summaries != 1) problems.Add($"the closing summary of buy #1 was sent {summaries} times, not exactly once");

        // #1's final list: everyone who joined it by command or button, in the order they did, and closed.
        var expected = events.Where(e => e.Act == Act.Tap || (e.Act == Act.Join && e.Buy == 1)).OrderBy(e => e.UpdateId)
            .Select(e => (e.Name, e.Act == Act.Tap ? 1 : e.Quantity)).ToList();
        var seen1 = ListSeen.Read(harness.Telegram.GetMessage(GroupId, list1MessageId)!, 1);
        figures.Add($"buy #1 list: {seen1.Active.Count} of {expected.Count} members, '{seen1.StatusLine}'");
        if (!seen1.Active.SequenceEqual(expected))
        {
            problems.Add($"buy #1's final list is not everyone who joined: missing {Tally.Some(expected.Except(seen1.Active).ToList())}, unexpected {Tally.Some(seen1.Active.Except(expected).ToList())}");
        }

        if (!seen1.StatusLine.StartsWith("✅ Closed", StringComparison.Ordinal) || seen1.HasJoinButton) problems.Add($"buy #1's list does not show it closed: '{seen1.StatusLine}'");
        var unanswered = events.Count(e => e.Act == Act.Tap && harness.Telegram.GetCallbackAnswer(e.CallbackQueryId!) is not { Answered: true });
        figures.Add($"taps whose button was never answered (not asserted: Telegram drops old queries): {unanswered}");
        return new Audited(problems, figures);
    }

    private static void Order(List<string> problems, string what, List<string> expected, List<string> shown)
    {
        if (expected.SequenceEqual(shown)) return;
        var at = 0;
        while (at < expected.Count && at < shown.Count && expected[at] == shown[at]) at++;
        problems.Add($"{what}: expected {expected.Count} in the order of their taps, shown {shown.Count}; first difference at place {at + 1}: "
            + $"expected {(at < expected.Count ? expected[at] : "nobody")}, shown {(at < shown.Count ? shown[at] : "nobody")}");
    }

    private static string Report(string title, KillSwitch? kills, Audited audit)
    {
        var text = new StringBuilder(title).Append('\n');
        if (kills is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"kills ({kills.Done.Count}):\n");
            foreach (var kill in kills.Done) text.Append(CultureInfo.InvariantCulture, $"  +{kill.Seconds:0.0}s pid {kill.Process}: {kill.Step.Name} at {kill.At}\n");
        }

        foreach (var figure in audit.Figures) text.Append("  ").Append(figure).Append('\n');
        text.Append(audit.Problems.Count == 0 ? "no problems\n" : $"{audit.Problems.Count} problem(s):\n");
        foreach (var problem in audit.Problems) text.Append(" - ").Append(problem).Append('\n');
        return text.ToString();
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("GROUPBUYBOT_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();

    /// <summary>40 s by default: longer than the bot's whole retry budget for one send today (8 attempts, ~23 s of back-off),
    /// and short enough for the test to stay under a minute. <c>GROUPBUYBOT_OUTAGE_SECONDS=60</c> runs the full minute.</summary>
    private static int OutageSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("GROUPBUYBOT_OUTAGE_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 8
            ? seconds
            : 40;

    /// <summary>The bot's first message about buy #3: the answer to its /newbuy or its list.</summary>
    [GeneratedRegex(@"Group buy #3\b")]
    private static partial Regex NewBuyAnswer();
}
