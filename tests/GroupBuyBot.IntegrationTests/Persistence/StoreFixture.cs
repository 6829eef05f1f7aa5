using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.IntegrationTests.Persistence;

/// <summary>
/// The real stores on a real database: a SQLite file in a temporary folder, or a PostgreSQL database. Two fixtures
/// on one PostgreSQL database are two instances of the bot: their own write gates, locks and connection pools.
/// </summary>
public sealed class StoreFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StoreFixture(ServiceProvider services, DatabaseProvider database)
    {
        _services = services;
        Database = database;
    }

    public DatabaseProvider Database { get; }
    public IGroupBuyStore Buys => _services.GetRequiredService<IGroupBuyStore>();
    public IChatStore Chats => _services.GetRequiredService<IChatStore>();
    public GroupBuyBot.Core.Discovery.Board.INeedBoardStore Boards => _services.GetRequiredService<NeedBoardStore>();

    /// <summary>This instance's send budget (3 messages a minute per group) and where it keeps the groups' recent sends.</summary>
    public GroupBuyBot.Infrastructure.Telegram.SendRateLimiter Limiter => _services.GetRequiredService<GroupBuyBot.Infrastructure.Telegram.SendRateLimiter>();

    public GroupBuyBot.Infrastructure.Pipeline.GroupSendHistory GroupSends => _services.GetRequiredService<GroupBuyBot.Infrastructure.Pipeline.GroupSendHistory>();

    /// <summary>What the stores write messages with (the sender's side of it: <see cref="GroupBuyBot.Infrastructure.Pipeline.OutboxWriter.ListEditSent"/>).</summary>
    public GroupBuyBot.Infrastructure.Pipeline.OutboxWriter Outbox => _services.GetRequiredService<GroupBuyBot.Infrastructure.Pipeline.OutboxWriter>();

    /// <summary>A context from the stores' own pool.</summary>
    public Task<BotDbContext> Context() => _services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();

    /// <summary>This instance's clock (the stores' caches age by it).</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => (Microsoft.Extensions.Time.Testing.FakeTimeProvider)_services.GetRequiredService<TimeProvider>();

    /// <summary>The stores on the SQLite files of <paramref name="dataDirectory"/>.</summary>
    public static Task<StoreFixture> Open(string dataDirectory) => Open(new DatabaseOptions { DataDirectory = dataDirectory });

    public static async Task<StoreFixture> Open(DatabaseOptions options)
    {
        var database = DatabaseProvider.For(options);
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(Options.Create(new ChatDefaultsOptions()));
        services.AddSingleton<TimeProvider>(Clock.Fake());
        services.AddSingleton(database);
        database.AddContexts(services);
        services.AddSingleton(database.CreateWriteGate());
        services.AddSingleton<GroupBuyBot.Infrastructure.Pipeline.OutboxWriter>();
        services.AddSingleton<GroupBuyBot.Infrastructure.Pipeline.UpdateInbox>();
        services.AddSingleton<IGroupBuyStore, GroupBuyStore>();
        services.AddSingleton<IChatStore, ChatStore>();
        services.AddSingleton<NeedBoardStore>();
        services.AddSingleton(Options.Create(new GroupBuyBot.Infrastructure.Telegram.TelegramOptions { PerGroupMessagesPerMinute = 3 }));
        services.AddSingleton<GroupBuyBot.Infrastructure.Telegram.SendRateLimiter>();
        services.AddSingleton<GroupBuyBot.Infrastructure.Pipeline.GroupSendHistory>();
        var provider = services.BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        await database.Migrate(db, CancellationToken.None);
        return new StoreFixture(provider, database);
    }

    public async Task<GroupBuy> CreateOpenBuy(long chatId, int min, int? capacity)
    {
        var created = await Buys.Create(chatId, null, number =>
        {
            var buy = GroupBuy.CreateDraft(chatId, null, number, new Member(1, "Organizer"), Clock.Start);
            buy.SetTitle("Oranges 橙子");
            buy.SetPrice(80m, "CNY");
            buy.SetMinUnits(min);
            buy.SetDeadline(Clock.Start.AddDays(3));
            buy.TrySetCapacity(capacity);
            buy.SetTiers([new PriceTier(10, 75m)]);
            buy.Open(Clock.Start);
            return buy;
        }, CancellationToken.None);
        return created.Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Database.ClearPools();
    }
}
