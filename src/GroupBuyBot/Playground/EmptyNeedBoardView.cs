using GroupBuyBot.Core.Discovery;

namespace GroupBuyBot.Playground;

/// <summary>The need board until the discovery feature registers its own <see cref="INeedBoardView"/>.</summary>
public sealed class EmptyNeedBoardView : INeedBoardView
{
    public bool IsAvailable => false;

    public Task<IReadOnlyList<NeedBoardEntry>> GetNeedsAsync(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<NeedBoardEntry>>([]);
}
