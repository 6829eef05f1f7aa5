using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GroupBuyBot.BotApiEmulator.Models;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static GroupBuyBot.IntegrationTests.Faults.ChildBotHarness;

namespace GroupBuyBot.IntegrationTests.Instances;

/// <summary>
/// Two bot processes in webhook mode on one PostgreSQL database, the emulator delivering updates to them in turn as a
/// load balancer would: each chat is handled by one of them at a time (its claim), so every chat's updates are
/// handled in order whichever instance received them, and every sign-up is applied once.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class WebhookInstancesTests(ITestOutputHelper output)
{
    private const string Secret = "webhook-secret-0123456789";
    private const int Groups = 3;
    private const int JoinsPerGroup = 15;
    private const int Capacity = 10;
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Seen = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Updates_spread_over_two_webhook_instances_are_handled_in_each_chats_order_and_applied_once()
    {
        await using var bots = await BotInstances.Start(output);
        var groups = Enumerable.Range(0, Groups).Select(g => GroupId - 10 - g).ToList();
        var members = Enumerable.Range(0, JoinsPerGroup).Select(i => new EmulatedUser(200 + i, "M" + i.ToString("00", CultureInfo.InvariantCulture))).ToList();
        foreach (var member in members) bots.Telegram.UpsertUser(member);
        foreach (var group in groups)
        {
            bots.Telegram.CreateChat(new ChatSpec(group, ChatKind.Supergroup, $"Block {-group}"));
            bots.Telegram.SetMemberStatus(group, Alice.Id, MemberStatus.Administrator);
            foreach (var member in members) bots.Telegram.SetMemberStatus(group, member.Id, MemberStatus.Member);
        }

        var ports = new[] { FreePort(), FreePort() };
        var instances = ports.Select(port => bots.Launch(new Dictionary<string, string?>
        {
            ["GroupBuyBot__Telegram__Webhook__Enabled"] = "true",
            ["GroupBuyBot__Telegram__Webhook__Url"] = "https://bot.example.org/telegram/webhook",
            ["GroupBuyBot__Telegram__Webhook__SecretToken"] = Secret,
            ["GroupBuyBot__Telegram__Webhook__ListenPort"] = port.ToString(CultureInfo.InvariantCulture),

            // Nothing here hangs: the crash tests' 1 s lets a cold getChatAdministrators time out on a loaded machine,
            // and the organizer's /newbuy is then refused (administrators unknown), as it should be, failing this test.
            ["GroupBuyBot__Telegram__RequestTimeoutSeconds"] = "10",
        })).ToList();
        foreach (var port in ports) await Listening(port);
        bots.Telegram.DeliverByWebhook([.. ports.Select(p => new Uri($"http://127.0.0.1:{p}/telegram/webhook"))], Secret);

        // Each group opens a buy of 10 places; then 15 members join in each, the updates alternating between instances.
        foreach (var group in groups) bots.Telegram.PostMessage(group, Alice.Id, $"/newbuy Oranges | 60 | 5 | 2d | {Capacity}");
        foreach (var group in groups) await bots.Telegram.WaitForMessage(group, m => m.IsFromBot && m.Text?.StartsWith("🛒", StringComparison.Ordinal) == true, Seen);
        var joins = groups.ToDictionary(g => g, g => members.Select(m => bots.Telegram.PostMessage(g, m.Id, "/join")).ToList());

        foreach (var (group, posted) in joins)
        {
            foreach (var join in posted) await bots.Telegram.WaitForMessage(group, m => m.IsFromBot && m.ReplyToMessageId == join.MessageId, Seen);

            // One answer per join, in the order the members wrote: the first 10 in, the other 5 waiting, in turn.
            var answers = bots.Telegram.GetMessages(group).Where(m => m.IsFromBot && posted.Any(j => j.MessageId == m.ReplyToMessageId)).OrderBy(m => m.MessageId).ToList();
            Assert.Equal(posted.Select(j => j.MessageId), answers.Select(a => a.ReplyToMessageId!.Value));
            Assert.All(answers.Take(Capacity), a => Assert.Contains("signed up", a.Text));
            Assert.All(answers.Skip(Capacity), a => Assert.Contains("waiting list", a.Text));
        }

        await using var db = bots.Store.CreateContext();
        var signUps = await db.SignUps.AsNoTracking().ToListAsync();
        Assert.Equal(Groups * JoinsPerGroup, signUps.Count);
        Assert.All(signUps.GroupBy(s => s.GroupBuyId), buy => Assert.Equal(Capacity, buy.Count(s => s.Status == Core.GroupBuys.SignUpStatus.Active)));
        Assert.Empty(await db.Inbox.AsNoTracking().ToListAsync());

        // The load balancer spread the updates over both instances.
        Assert.Equal(2, bots.Telegram.WebhookDeliveries.Count);
        Assert.All(bots.Telegram.WebhookDeliveries.Values, delivered => Assert.True(delivered >= 10, $"an instance got only {delivered} updates"));
        Assert.All(instances, instance => Assert.False(instance.Process.HasExited));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Listening(int port)
    {
        var until = DateTime.UtcNow + Start;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }
    }
}
