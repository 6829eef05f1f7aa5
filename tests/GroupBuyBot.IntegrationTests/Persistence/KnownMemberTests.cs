using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using GroupBuyBot.TestKit.Postgres;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>Members the bot has seen (for /add @username and names in lists): one upsert per new or renamed member.</summary>
public class KnownMemberTests
{
    [Fact]
    public async Task A_member_is_found_by_their_latest_username_on_sqlite()
    {
        using var folder = new TempDirectory();
        await using var stores = await StoreFixture.Open(folder.Path);
        await Renamed_member_is_found_by_the_new_username_only(stores.Chats);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task A_member_is_found_by_their_latest_username_on_postgres()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var stores = await StoreFixture.Open(Options(database));
        await Renamed_member_is_found_by_the_new_username_only(stores.Chats);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task Two_instances_remembering_one_new_member_at_once_store_one_row()
    {
        await using var database = await (await PostgresServer.Get()).CreateDatabase();
        await using var first = await StoreFixture.Open(Options(database));
        await using var second = await StoreFixture.Open(Options(database));

        // Each instance sees the member for the first time: both write, and neither fails on the other's row.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).Chats
            .RememberMember(-100, new Member(7, "Lily", i % 2 == 0 ? "lily_a" : "lily_b"), CancellationToken.None)));

        var found = await first.Chats.FindMemberByUsername(-100, "LILY_A", CancellationToken.None)
            ?? await first.Chats.FindMemberByUsername(-100, "lily_b", CancellationToken.None);
        Assert.Equal(7, found?.UserId);
    }

    private static async Task Renamed_member_is_found_by_the_new_username_only(IChatStore chats)
    {
        await chats.RememberMember(-100, new Member(7, "Lily", "Lily_W"), CancellationToken.None);
        await chats.RememberMember(-100, new Member(8, "Tom"), CancellationToken.None); // no username at all
        await chats.RememberMember(-200, new Member(7, "Lily elsewhere", "lily_other"), CancellationToken.None);
        Assert.Equal(new Member(7, "Lily", "Lily_W"), await chats.FindMemberByUsername(-100, "@lily_w", CancellationToken.None));

        await chats.RememberMember(-100, new Member(7, "Lily Wang", "lilywang"), CancellationToken.None);

        Assert.Equal(new Member(7, "Lily Wang", "lilywang"), await chats.FindMemberByUsername(-100, "lilywang", CancellationToken.None));
        Assert.Null(await chats.FindMemberByUsername(-100, "lily_w", CancellationToken.None));
        Assert.Null(await chats.FindMemberByUsername(-100, "lily_other", CancellationToken.None)); // another chat's
        Assert.Equal(new Member(7, "Lily elsewhere", "lily_other"), await chats.FindMemberByUsername(-200, "lily_other", CancellationToken.None));
    }

    private static DatabaseOptions Options(TestDatabase database) =>
        new() { Provider = DatabaseProviderKind.Postgres, ConnectionString = database.ConnectionString };
}
