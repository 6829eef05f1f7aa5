using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace GroupBuyBot.IntegrationTests.Persistence;

public class ClosingGuardTests
{
    [Fact]
    public async Task Two_writers_closing_the_same_buy_cannot_both_save_the_version_token_refuses_the_second()
    {
        using var folder = new TempDirectory();
        await using var stores = await StoreFixture.Open(folder.Path);
        var buy = await stores.CreateOpenBuy(-100, min: 1, capacity: null);

        // Two processes (or a job and a command) each loaded the open buy (nobody signed up) and decided to close it.
        await using var first = stores.Database.CreateContext();
        await using var second = stores.Database.CreateContext();
        var a = await first.GroupBuys.Include(b => b.SignUps).SingleAsync(b => b.Id == buy.Id);
        var b = await second.GroupBuys.Include(b => b.SignUps).SingleAsync(b => b.Id == buy.Id);
        Assert.True(a.Close(Clock.Start.AddDays(3)));
        Assert.True(b.Close(Clock.Start.AddDays(3)));

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // Through the store, the loser reloads, sees the buy closed, and reports that it did not close it.
        var again = await stores.Buys.Change(buy.Id, null, stored => stored.Close(Clock.Start.AddDays(3)), CancellationToken.None);
        Assert.False(again.Value);
        Assert.Equal(GroupBuyStatus.Failed, (await stores.Buys.Find(buy.Id, CancellationToken.None))!.Status);
    }
}
