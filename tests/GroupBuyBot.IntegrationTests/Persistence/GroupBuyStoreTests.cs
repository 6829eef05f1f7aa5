using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.TestKit;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.IntegrationTests.Persistence;

public class GroupBuyStoreTests
{
    [Fact]
    public async Task Parallel_joins_never_overfill_capacity_nor_lose_or_duplicate_a_sign_up()
    {
        using var folder = new TempDirectory();
        await using var stores = await StoreFixture.Open(folder.Path);
        var buy = await stores.CreateOpenBuy(-100, min: 10, capacity: 50);

        // 200 members tap Join at once, from parallel handlers, each their own request.
        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var member = new Member(1000 + i, $"Member {i}");
            var change = await stores.Buys.Change(buy.Id, 10_000 + i, b => b.Join(member, 1, null, Clock.Start.AddSeconds(i)), ct);
            Assert.True(change.Found);
        });

        var stored = await stores.Buys.Find(buy.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(200, stored.SignUps.Count);
        Assert.Equal(200, stored.SignUps.Select(s => s.UserId).Distinct().Count());
        Assert.Equal(50, stored.ActiveUnits);
        Assert.Equal(150, stored.Waitlist.Count());
    }

    [Fact]
    public async Task A_redelivered_request_is_applied_once()
    {
        using var folder = new TempDirectory();
        await using var stores = await StoreFixture.Open(folder.Path);
        var buy = await stores.CreateOpenBuy(-100, min: 10, capacity: null);
        var member = new Member(7, "Lily");

        var first = await stores.Buys.Change(buy.Id, 42, b => b.Join(member, 2, null, Clock.Start), CancellationToken.None);
        var again = await stores.Buys.Change(buy.Id, 42, b => b.Join(member, 2, null, Clock.Start), CancellationToken.None);

        Assert.False(first.AlreadyApplied);
        Assert.True(again.AlreadyApplied);
        Assert.Equal(2, (await stores.Buys.Find(buy.Id, CancellationToken.None))!.ActiveUnits);
    }

    [Fact]
    public async Task Each_change_after_the_list_edit_went_out_asks_for_a_new_one_on_a_reused_context()
    {
        using var folder = new TempDirectory();
        await using var stores = await StoreFixture.Open(folder.Path);
        var buy = await stores.CreateOpenBuy(-100, min: 10, capacity: null);

        // The pool hands the same context back each time: a list-edit row added under an earlier lease must not
        // count as queued in this one, or the list would stop following the sign-ups.
        for (var i = 1; i <= 3; i++)
        {
            var member = new Member(100 + i, $"Member {i}");
            var context = new CommandContext(new ChatSettings { ChatId = -100, TimeZoneId = "UTC" }, null, member, 500 + i, 99);
            var outcome = await stores.Buys.Decide(context, buy.Id, b =>
            {
                b.Join(member, 1, null, Clock.Start.AddMinutes(i));
                return new Outcome { Toast = "ok", RefreshBuyId = b.Id };
            }, CancellationToken.None);
            Assert.NotNull(outcome);

            await using var db = await stores.Context();
            var edits = db.Outbox.Where(m => m.Kind == OutboxKind.ListEdit && m.BuyId == buy.Id);
            Assert.Equal(1, await edits.CountAsync());

            // The sender edits the list and deletes the row, as OutboxSender does.
            await edits.ExecuteDeleteAsync();
            stores.Outbox.ListEditSent(buy.Id);
        }
    }

    [Fact]
    public async Task Buys_sign_ups_and_tiers_survive_reopening_the_database_file()
    {
        using var folder = new TempDirectory();
        long buyId;
        await using (var stores = await StoreFixture.Open(folder.Path))
        {
            var buy = await stores.CreateOpenBuy(-100, min: 3, capacity: 5);
            buyId = buy.Id;
            await stores.Buys.Change(buyId, null, b => b.Join(new Member(5, "王妈妈", "wangmama"), 2, "原味", Clock.Start), CancellationToken.None);
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, "groupbuybot.db")));
        await using (var reopened = await StoreFixture.Open(folder.Path))
        {
            var buy = await reopened.Buys.Find(buyId, CancellationToken.None);
            Assert.NotNull(buy);
            Assert.Equal("Oranges 橙子", buy.Title);
            Assert.Equal(GroupBuyStatus.Open, buy.Status);
            Assert.Equal(Clock.Start.AddDays(3), buy.Deadline);
            Assert.Equal(75m, Assert.Single(buy.Tiers).UnitPrice);
            var signUp = Assert.Single(buy.SignUps);
            Assert.Equal(("王妈妈", 2, "原味"), (signUp.DisplayName, signUp.Quantity, signUp.Note));
        }
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode()
    {
        using var folder = new TempDirectory();
        await using (await StoreFixture.Open(folder.Path))
        {
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "groupbuybot.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Buy_numbers_count_per_chat_and_follow_a_migrated_chat()
    {
        using var folder = new TempDirectory();
        await using var stores = await StoreFixture.Open(folder.Path);
        var first = await stores.CreateOpenBuy(-100, 1, null);
        var second = await stores.CreateOpenBuy(-100, 1, null);
        var elsewhere = await stores.CreateOpenBuy(-200, 1, null);

        Assert.Equal((1, 2, 1), (first.Number, second.Number, elsewhere.Number));

        await stores.Buys.MoveChat(-100, -1009999, CancellationToken.None);
        Assert.Empty(await stores.Buys.ListOpen(-100, CancellationToken.None));
        Assert.Equal(2, (await stores.Buys.ListOpen(-1009999, CancellationToken.None)).Count);
    }
}
