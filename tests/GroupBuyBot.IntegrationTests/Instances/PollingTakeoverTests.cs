using System.Diagnostics;
using System.Globalization;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Faults;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static GroupBuyBot.IntegrationTests.Faults.ChildBotHarness;

namespace GroupBuyBot.IntegrationTests.Instances;

/// <summary>
/// Two bot processes on one PostgreSQL database: only the one holding the active instance's lease polls and sends;
/// when it is SIGKILLed (with joins in flight: in Telegram's queue, in its inbox, or handled and not yet confirmed)
/// the other takes over within 10 s, and every join, sent before or after the kill, is applied exactly once and answered.
/// </summary>
[Collection(CrashCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PollingTakeoverTests(ITestOutputHelper output)
{
    private const int JoinsSettled = 5;
    private const int JoinsInFlight = 5;
    private const int JoinsAfter = 10;
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Seen = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_instance_polls_and_when_it_dies_another_polls_within_10_s_and_no_join_is_lost()
    {
        await using var bots = await BotInstances.Start(output);
        var members = Enumerable.Range(0, JoinsSettled + JoinsInFlight + JoinsAfter)
            .Select(i => new EmulatedUser(100 + i, "M" + i.ToString("00", CultureInfo.InvariantCulture))).ToList();
        foreach (var member in members)
        {
            bots.Telegram.UpsertUser(member);
            bots.Telegram.SetMemberStatus(GroupId, member.Id, MemberStatus.Member);
        }

        var first = bots.Launch();
        await first.Called("getUpdates", Start);
        var second = bots.Launch();
        await second.Called("getMe", Start);
        await second.Said("Another instance is active", Start); // it is past its start, standing by

        bots.Telegram.PostMessage(GroupId, Alice.Id, "/newbuy Oranges | 60 | 5 | 2d");
        await bots.Telegram.WaitForMessage(GroupId, m => m.IsFromBot && m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true, Seen);
        var settled = members.Take(JoinsSettled).Select(m => bots.Telegram.PostMessage(GroupId, m.Id, "/join")).ToList();
        foreach (var join in settled) await Reply(bots, join);

        // Everything so far went through the first process: the second neither polled nor sent.
        Assert.Equal(0, second.Calls("getUpdates"));
        Assert.Equal(0, second.Calls("sendMessage") + second.Calls("editMessageText"));
        Assert.True(first.Calls("sendMessage") >= JoinsSettled + 1);

        var inFlight = members.Skip(JoinsSettled).Take(JoinsInFlight).Select(m => bots.Telegram.PostMessage(GroupId, m.Id, "/join")).ToList();
        await first.Called("getUpdates", Seen, since: Stopwatch.GetTimestamp()); // the next poll: it may fetch them, or not yet
        var killed = first.Kill();
        Assert.Equal(0, second.Calls("getUpdates"));
        var after = members.Skip(JoinsSettled + JoinsInFlight).Select(m => bots.Telegram.PostMessage(GroupId, m.Id, "/join")).ToList();
        var polled = await second.Called("getUpdates", TimeSpan.FromSeconds(30), since: killed);
        var takeOver = Stopwatch.GetElapsedTime(killed, polled);
        bots.Log($"{second.Label} polled {takeOver.TotalSeconds:0.00} s after {first.Label} was killed");
        Assert.True(takeOver < TimeSpan.FromSeconds(10), $"the second instance polled {takeOver.TotalSeconds:0.0} s after the kill");

        foreach (var join in inFlight.Concat(after)) await Reply(bots, join);
        await bots.Telegram.WaitForMessage(GroupId, m => m.IsFromBot && m.Text?.Contains($"from {members.Count} members", StringComparison.Ordinal) == true, Seen);

        // Applied exactly once each: one sign-up per member, one unit each, whichever process handled the join.
        await using var db = bots.Store.CreateContext();
        var signUps = await db.SignUps.AsNoTracking().ToListAsync();
        Assert.Equal(members.Select(m => m.Id).Order(), signUps.Select(s => s.UserId).Order());
        Assert.All(signUps, s => Assert.Equal(1, s.Quantity));
        Assert.Empty(await db.Inbox.AsNoTracking().ToListAsync());
        Assert.True(second.Calls("sendMessage") >= JoinsAfter); // the second process sends now
    }

    private static Task<EmulatedMessage> Reply(BotInstances bots, PostedMessage join) =>
        bots.Telegram.WaitForMessage(GroupId, m => m.IsFromBot && m.ReplyToMessageId == join.MessageId, Seen);
}
