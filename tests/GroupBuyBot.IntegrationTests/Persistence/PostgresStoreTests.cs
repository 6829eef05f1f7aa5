using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Postgres;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>
/// Several instances on one PostgreSQL database: each its own stores, write gate, per-buy locks and connection pool,
/// as separate processes would have. Only the database holds them together.
/// </summary>
[Trait("Category", "Postgres")]
public class PostgresStoreTests
{
    [Fact]
    public async Task Instances_starting_together_on_an_empty_database_migrate_it_once()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        var options = Options(database);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var provider = DatabaseProvider.For(options);
            await using var db = provider.CreateContext();
            return await provider.Migrate(db, CancellationToken.None);
        })));

        await using var check = DatabaseProvider.For(options).CreateContext();
        var all = check.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, Assert.Single(applied, a => a.Count > 0));
        Assert.Equal(3, applied.Count(a => a.Count == 0));
        Assert.Equal(all, await check.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_chat_setting_changed_through_one_instance_is_seen_by_the_other_within_seconds()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var first = await StoreFixture.Open(Options(database));
        await using var second = await StoreFixture.Open(Options(database));
        var before = await second.Chats.Get(-100, CancellationToken.None); // cached there
        Assert.Equal(Core.Localization.Language.Zh, before.Language);

        var changed = await first.Chats.Get(-100, CancellationToken.None);
        changed.Language = Core.Localization.Language.En;
        await first.Chats.Save(changed, CancellationToken.None);

        Assert.Equal(Core.Localization.Language.Zh, (await second.Chats.Get(-100, CancellationToken.None)).Language); // still its cached copy
        second.Time.Advance(ChatStore.SettingsFreshness);
        Assert.Equal(Core.Localization.Language.En, (await second.Chats.Get(-100, CancellationToken.None)).Language);
    }

    [Fact]
    public async Task An_instance_taking_over_sends_knows_each_groups_minute_from_the_one_before()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var first = await StoreFixture.Open(Options(database));
        await using var second = await StoreFixture.Open(Options(database));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await second.GroupSends.Restore(timeout.Token); // nothing kept yet: nothing counted
        Assert.Empty(second.Limiter.GroupSends());

        await first.Limiter.Acquire(-100, timeout.Token);
        await first.GroupSends.Save(timeout.Token);
        await first.Limiter.Acquire(-100, timeout.Token);
        await first.Limiter.Acquire(-100, timeout.Token);
        await first.Limiter.Acquire(-200, timeout.Token);
        await first.GroupSends.Save(timeout.Token); // rewritten: the latest counts

        await second.GroupSends.Restore(timeout.Token);
        Assert.True(second.Limiter.WouldWait(-100)); // three of three this minute, sent by the first
        Assert.False(second.Limiter.WouldWait(-200));
        Assert.Equal(3, second.Limiter.GroupSends()[-100].Length);
    }

    [Fact]
    public async Task Joins_through_two_instances_at_once_never_overfill_capacity_nor_lose_or_duplicate_a_sign_up()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var first = await StoreFixture.Open(Options(database));
        await using var second = await StoreFixture.Open(Options(database));
        var buy = await first.CreateOpenBuy(-100, min: 10, capacity: 50);

        // 200 members tap Join at once, half of them handled by each instance.
        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var stores = i % 2 == 0 ? first : second;
            var change = await stores.Buys.Change(buy.Id, 10_000 + i, b => b.Join(new Member(1000 + i, $"Member {i}"), 1, null, Clock.Start.AddSeconds(i)), ct);
            Assert.True(change.Found);
        });

        var stored = (await second.Buys.Find(buy.Id, CancellationToken.None))!;
        Assert.Equal(200, stored.SignUps.Count);
        Assert.Equal(200, stored.SignUps.Select(s => s.UserId).Distinct().Count());
        Assert.Equal(50, stored.ActiveUnits);
        Assert.Equal(150, stored.Waitlist.Count());
    }

    [Fact]
    public async Task Need_board_changes_through_two_instances_at_once_lose_none_of_each_other()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var first = await StoreFixture.Open(Options(database));
        await using var second = await StoreFixture.Open(Options(database));
        const long chat = -300;

        // 60 members join one need at once, each change read-modify-write of the whole board, half through each instance
        // (a discovery round in one, members' taps in the other): a change made from a board read before another's commit
        // would drop that member.
        await Parallel.ForEachAsync(Enumerable.Range(1, 60), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var stores = i % 2 == 0 ? first : second;
            await stores.Boards.ChangeChat(chat, needs =>
            {
                if (needs.Count == 0) needs.Add(new Core.Discovery.Board.BoardNeed { ChatId = chat, Summary = "荔枝 lychees", FirstSeenAt = Clock.Start, LastActiveAt = Clock.Start });
                needs[0].Members.Add(new Core.Discovery.Board.BoardMember(1000 + i, $"Member {i}", [i], Clock.Start));
                return needs.Count;
            }, ct);
        });

        var board = await second.Boards.ChangeChat(chat, needs => needs.ToList(), CancellationToken.None);
        var need = Assert.Single(board);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => 1000L + i), need.Members.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task An_update_handled_by_two_instances_at_once_is_applied_once()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var first = await StoreFixture.Open(Options(database));
        await using var second = await StoreFixture.Open(Options(database));
        var buy = await first.CreateOpenBuy(-100, min: 10, capacity: null);

        // Each of 40 updates (a member joining for 2) reaches both instances at the same moment.
        var changes = await Task.WhenAll(Enumerable.Range(1, 40).SelectMany(i => new[] { first, second }.Select(stores => Task.Run(() =>
            stores.Buys.Change(buy.Id, 500 + i, b => b.Join(new Member(2000 + i, $"Member {i}"), 2, null, Clock.Start), CancellationToken.None)))));

        Assert.Equal(40, changes.Count(c => !c.AlreadyApplied));
        Assert.Equal(40, changes.Count(c => c.AlreadyApplied));
        var stored = (await first.Buys.Find(buy.Id, CancellationToken.None))!;
        Assert.Equal(80, stored.ActiveUnits);
        Assert.Equal(40, stored.SignUps.Count);
    }

    [Fact]
    public async Task Buys_sign_ups_and_tiers_read_back_as_stored()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        long buyId;
        await using (var stores = await StoreFixture.Open(Options(database)))
        {
            buyId = (await stores.CreateOpenBuy(-100, min: 3, capacity: 5)).Id;
            await stores.Buys.Change(buyId, null, b => b.Join(new Member(5, "王妈妈", "wangmama"), 2, "原味", Clock.Start), CancellationToken.None);
        }

        await using var reopened = await StoreFixture.Open(Options(database));
        var buy = (await reopened.Buys.Find(buyId, CancellationToken.None))!;
        Assert.Equal(("Oranges 橙子", GroupBuyStatus.Open, Clock.Start.AddDays(3)), (buy.Title, buy.Status, buy.Deadline));
        Assert.Equal(75m, Assert.Single(buy.Tiers).UnitPrice);
        var signUp = Assert.Single(buy.SignUps);
        Assert.Equal(("王妈妈", 2, "原味"), (signUp.DisplayName, signUp.Quantity, signUp.Note));
    }

    private static DatabaseOptions Options(TestDatabase database) =>
        new() { Provider = DatabaseProviderKind.Postgres, ConnectionString = database.ConnectionString };
}
