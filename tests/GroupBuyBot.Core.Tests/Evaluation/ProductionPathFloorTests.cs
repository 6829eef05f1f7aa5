using System.Globalization;
using GroupBuyBot.Core.Evaluation;
using GroupBuyBot.Core.Tests.Discovery;

namespace GroupBuyBot.Core.Tests.Evaluation;

/// <summary>
/// Regression floors on the production path (windows, gate, embedded extractor, board, reply links, raised wants) for
/// the sets whose needs span hours, a little under today's figures (docs/discovery.md), replayed as <c>eval needs</c>
/// replays them without a model, on an in-memory board. Tuned sets: failing says a change broke what used to work.
/// </summary>
public sealed class ProductionPathFloorTests
{
    [Theory]
    [InlineData("dev2", "0.97", "0.95")]
    [InlineData("dev4-streams", "0.92", "0.79")]
    [InlineData("dev5-streams", "0.86", "0.71")]
    [InlineData("dev6", "0.85", "0.76")]
    [InlineData("dev6-streams", "0.80", "0.67")]
    [InlineData("dev7", "0.92", "0.90")]
    [InlineData("dev7-streams", "0.83", "0.76")]
    [InlineData("dev10", "0.97", "0.97")]
    [InlineData("dev10-streams", "0.97", "0.96")]
    [InlineData("dev11", "0.85", "0.86")]
    [InlineData("dev11-streams", "0.60", "0.57")]
    [InlineData("dev12", "0.95", "0.95")]
    [InlineData("dev12-streams", "0.95", "0.94")]
    [InlineData("dev13", "0.95", "0.92")]
    [InlineData("dev13-streams", "0.69", "0.62")]
    public async Task Needs_on_the_board_stay_above_their_floor(string set, string needF1, string memberF1)
    {
        var (round, board) = DiscoveryChat.EmbeddedRound();

        var result = await NeedsEvaluation.ReplayAsync(EvalData.Needs(set), round, board, null, null, CancellationToken.None);

        Assert.True(result.Board.Get("need_f1") >= Parse(needF1), result.Board.Format());
        Assert.True(result.Board.Get("member_f1") >= Parse(memberF1), result.Board.Format());
    }

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
