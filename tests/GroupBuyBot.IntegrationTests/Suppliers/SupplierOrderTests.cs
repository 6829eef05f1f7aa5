using System.Text;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Suppliers;

/// <summary>Suppliers join by invite link, get the order of a formed buy by DM and answer it from Telegram.</summary>
public class SupplierOrderTests
{
    /// <summary>SQLite here; the same stories on PostgreSQL in <see cref="SupplierOrderTestsOnPostgres"/>.</summary>
    protected virtual DatabaseProviderKind Database => DatabaseProviderKind.Sqlite;

    private static readonly EmulatedUser Farm = new(31, "Fresh Farm", Username: "freshfarm");

    [Fact]
    public async Task An_invited_supplier_gets_the_order_at_the_tier_price_and_accepting_reaches_the_group()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Telegram.UpsertUser(Farm);
        await RegisterSupplier(bot);

        bot.Say(Alice, "/newbuy Oranges | 60 | 3 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/edit tiers 4:50"));
        await bot.ReplyTo(bot.Say(Alice, "/edit note pickup at gate 2"));
        var choose = await bot.ReplyTo(bot.Say(Alice, "/supplier set"));
        Assert.Equal("Fresh Farm", choose.Buttons.Single().Single().Text);
        Assert.Equal("Only organizers (chat admins and members they appoint) can do that.", await bot.Answer(bot.Tap(Bob, choose, "Fresh Farm")));
        Assert.Contains("Fresh Farm is the supplier of group buy #1", await bot.Answer(bot.Tap(Alice, choose, "Fresh Farm")));

        await bot.ReplyTo(bot.Say(Bob, "/join 3 no seeds"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1"));
        bot.Time.Advance(TimeSpan.FromDays(1));

        var order = await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.Contains("Order for Fresh Farm: group buy #1 “Oranges”", order.Text);
        Assert.Contains("• Bob ×3 — no seeds", order.Text);
        Assert.Contains("• Carol ×1", order.Text);
        Assert.Contains("Total: 4 units at ¥50 = ¥200", order.Text);
        Assert.Contains("Delivery / pickup: pickup at gate 2", order.Text);
        Assert.Contains("Organizer: @alice", order.Text);

        // A stranger can't answer the supplier's order; the supplier can.
        var tap = bot.Telegram.TapButton(Farm.Id, order.MessageId, Farm.Id, buttonText: "✅ Accept");
        Assert.Equal("Accepted. The group is told.", await bot.Answer(tap));
        await bot.BotMessage(m => m.Text == "✅ Fresh Farm accepted the order of group buy #1 “Oranges”.");
    }

    [Fact]
    public async Task A_supplier_who_blocked_the_bot_is_surfaced_to_the_organizer_and_gets_the_order_after_starting_it()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Telegram.UpsertUser(Farm);
        await RegisterSupplier(bot);
        bot.Telegram.BlockBot(Farm.Id);

        bot.Say(Alice, "/newbuy Rice | 40 | 1 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Alice, "/supplier set 1"));
        await bot.ReplyTo(bot.Say(Bob, "/join 2"));
        await bot.ReplyTo(bot.Say(Alice, "/close"));

        var surfaced = await bot.BotMessage(m => m.Text!.Contains("could not send the order of #1", StringComparison.Ordinal));
        Assert.Contains("https://t.me/GroupBuyTestBot?start=orders", surfaced.Text);
        Assert.Contains("tg://user?id=11", surfaced.RawText); // the organizer is mentioned

        await bot.StartPrivateChat(Farm, "orders");
        var order = await bot.PrivateMessage(Farm, m => m.Text!.StartsWith("📦", StringComparison.Ordinal));
        Assert.Contains("Total: 2 units at ¥40 = ¥80", order.Text);
        await bot.BotMessage(m => m.Text == "The order of group buy #1 has now reached Fresh Farm.");

        // Declining and proposing a date reach the group too.
        Assert.Equal("Write the date you propose.", await bot.Answer(bot.Telegram.TapButton(Farm.Id, order.MessageId, Farm.Id, buttonText: "📅 Propose another date")));
        await bot.PrivateMessage(Farm, m => m.Text!.Contains("Which date do you propose", StringComparison.Ordinal));
        bot.Telegram.PostMessage(Farm.Id, Farm.Id, "Saturday morning");
        await bot.BotMessage(m => m.Text!.Contains("proposes another date for the order of group buy #1 “Rice”: Saturday morning", StringComparison.Ordinal));
        await bot.Answer(bot.Telegram.TapButton(Farm.Id, order.MessageId, Farm.Id, buttonText: "❌ Decline"));
        await bot.BotMessage(m => m.Text!.StartsWith("❌ Fresh Farm declined the order of group buy #1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invite_works_once()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Telegram.UpsertUser(Farm);
        var link = await RegisterSupplier(bot);
        var again = await bot.StartPrivateChat(Grace, link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
        Assert.Contains("not valid", again.Text);
        var list = await bot.ReplyTo(bot.Say(Bob, "/supplier list"));
        Assert.Contains("1. Fresh Farm (@freshfarm) (not rated yet)", list.Text);
        Assert.DoesNotContain("Grace", list.Text);
    }

    [Fact]
    public async Task Export_sends_the_organizer_a_csv_with_a_bom_the_columns_and_formulas_neutralised()
    {
        await using var bot = await BotHarness.Start(database: Database);
        bot.Say(Alice, "/newbuy 脐橙 | 60 | 2 | 1d");
        await bot.List(1);
        await bot.ReplyTo(bot.Say(Bob, "/join 2 =HYPERLINK(\"http://evil\",\"x\")"));
        await bot.ReplyTo(bot.Say(Carol, "/join 1 大号, please"));

        var refused = await bot.ReplyTo(bot.Say(Alice, "/export"));
        Assert.Contains("can't message you privately", refused.Text);

        await bot.StartPrivateChat(Alice);
        var sent = await bot.ReplyTo(bot.Say(Alice, "/export"));
        Assert.Contains("sent you the sign-ups of #1", sent.Text);
        var file = bot.Telegram.GetDocuments(Alice.Id).Single();
        Assert.Equal("groupbuy-1.csv", file.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content[..3]);

        var lines = Encoding.UTF8.GetString(file.Content[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("#,member,username,quantity,status,note,unit_price,amount,signed_up_at_utc,option,pickup,group", lines[0]);
        Assert.Equal("1,Bob,bob,2,active,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",60,120", WithoutTime(lines[1]));
        Assert.Equal("2,Carol,carol,1,active,\"大号, please\",60,60", WithoutTime(lines[2]));
        Assert.Equal(3, lines.Length);
    }

    /// <summary>The row without its time, and its option, pickup point and group (empty: a buy without any, not shared).</summary>
    private static string WithoutTime(string line)
    {
        Assert.EndsWith(",,,", line, StringComparison.Ordinal);
        return line[..line[..^3].LastIndexOf(',')];
    }

    /// <summary>Alice creates an invite, Fresh Farm opens it; returns the link.</summary>
    private static async Task<string> RegisterSupplier(BotHarness bot)
    {
        var invite = await bot.ReplyTo(bot.Say(Alice, "/supplier invite"));
        var link = invite.Text!.Split([' ', '\n']).Single(w => w.StartsWith("https://t.me/GroupBuyTestBot?start=sup_", StringComparison.Ordinal));
        var welcome = await bot.StartPrivateChat(Farm, link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
        // The harness's group was created with the bot already in it (no my_chat_member): its title comes from Alice's message.
        Assert.Contains("You are now a supplier of “Sunny Garden parents”", welcome.Text);
        return link;
    }
}

[Trait("Category", "Postgres")]
public sealed class SupplierOrderTestsOnPostgres : SupplierOrderTests
{
    protected override DatabaseProviderKind Database => DatabaseProviderKind.Postgres;
}
