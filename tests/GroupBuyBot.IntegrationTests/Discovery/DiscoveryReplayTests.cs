using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Infrastructure.Persistence;
using GroupBuyBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GroupBuyBot.IntegrationTests.Discovery;

/// <summary>
/// The discovery path replayed on a simulated clock (what <c>eval needs</c> and the benchmark run): the host's own
/// <see cref="DiscoveryRound"/>, windows, gate, embedded extractor and need board on a real SQLite file.
/// </summary>
public class DiscoveryReplayTests
{
    private const long Chat = -1001;
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_need_whose_talk_falls_into_two_windows_hours_apart_is_one_need_on_the_board()
    {
        using var data = new TempDirectory();
        using var host = await Host(data);
        var round = host.Services.GetRequiredService<DiscoveryRound>();

        var totals = await DiscoveryReplay.Run(round,
        [
            (Chat, new ChatMessage(1, 201, "晓雯", At, "有没有人想一起团妃子笑荔枝?5斤一箱", null)),
            (Chat, new ChatMessage(2, 202, "阿杰", At.AddMinutes(1), "我也要!+1", 1)),
            // Five hours later: the morning's text has left memory (3 h retention), the window holds only this.
            (Chat, new ChatMessage(3, 201, "晓雯", At.AddHours(5), "妃子笑荔枝还有人要吗?今晚截单", null)),
            (Chat, new ChatMessage(4, 204, "Sophie", At.AddHours(5).AddMinutes(2), "我也要妃子笑荔枝,两箱", 3)),
        ], CancellationToken.None);

        Assert.Equal(2, totals.ReadByEmbedded); // two windows, neither holding the other's messages
        var needs = await Board(host);
        var need = Assert.Single(needs);
        Assert.Equal([201, 202, 204], need.Members.Select(m => m.UserId).Order());
        Assert.Equal(BoardNeedStatus.Suggested, need.Status); // the third member came with the second window
    }

    [Fact]
    public async Task A_member_who_withdraws_in_a_later_window_leaves_the_need()
    {
        using var data = new TempDirectory();
        using var host = await Host(data);
        var round = host.Services.GetRequiredService<DiscoveryRound>();

        await DiscoveryReplay.Run(round,
        [
            (Chat, new ChatMessage(1, 201, "晓雯", At, "有没有人想一起团妃子笑荔枝?5斤一箱", null)),
            (Chat, new ChatMessage(2, 202, "阿杰", At.AddMinutes(1), "我也要!+1", 1)),
            (Chat, new ChatMessage(3, 203, "Lily", At.AddMinutes(2), "算我一个", 1)),
            (Chat, new ChatMessage(4, 203, "Lily", At.AddHours(1), "算了我不要了", null)),
        ], CancellationToken.None);

        var need = Assert.Single(await Board(host));
        Assert.Equal([201, 202], need.Members.Select(m => m.UserId).Order());
    }

    private static async Task<List<BoardNeed>> Board(IHost host) =>
        await host.Services.GetRequiredService<INeedBoardStore>().ChangeChat(Chat, list => list.ToList(), CancellationToken.None);

    private static async Task<IHost> Host(TempDirectory data)
    {
        var host = BotHost.CreateBuilder([], new Dictionary<string, string?> { ["GroupBuyBot:Database:DataDirectory"] = data.Path }).Build();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        await host.Services.GetRequiredService<DatabaseProvider>().Migrate(db, CancellationToken.None);
        return host;
    }
}
