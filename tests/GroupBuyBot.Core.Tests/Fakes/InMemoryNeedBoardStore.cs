using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Features;

namespace GroupBuyBot.Core.Tests.Fakes;

/// <summary>Need boards in memory: ids given on save, what a change says collected in <see cref="Said"/>.</summary>
public sealed class InMemoryNeedBoardStore : INeedBoardStore
{
    private readonly List<BoardNeed> _needs = [];
    private long _nextId = 1;

    public List<Outcome> Said { get; } = [];

    public IReadOnlyList<BoardNeed> Of(long chatId) => [.. _needs.Where(n => n.ChatId == chatId)];

    public Task<T> ChangeChat<T>(long chatId, Func<List<BoardNeed>, T> change, CancellationToken ct)
    {
        var list = _needs.Where(n => n.ChatId == chatId).ToList();
        var result = change(list);
        foreach (var need in list.Where(n => n.Id == 0))
        {
            need.Id = _nextId++;
            _needs.Add(need);
        }

        return Task.FromResult(result);
    }

    public async Task<T> ChangeChatAndSay<T>(ChatSettings chat, Func<List<BoardNeed>, T> change, Func<T, IEnumerable<Outcome>> says, CancellationToken ct)
    {
        var result = await ChangeChat(chat.ChatId, change, ct);
        Said.AddRange(says(result));
        return result;
    }

    public Task<T> ChangeNeed<T>(long needId, Func<BoardNeed?, T> change, CancellationToken ct) =>
        Task.FromResult(change(_needs.Find(n => n.Id == needId)));

    public Task<int> ForgetMember(long chatId, long userId, CancellationToken ct) =>
        Task.FromResult(_needs.Count(n => n.ChatId == chatId && n.Members.RemoveAll(m => m.UserId == userId) > 0));

    public Task<int> DeleteIdle(DateTimeOffset before, CancellationToken ct) =>
        Task.FromResult(_needs.RemoveAll(n => n.Status != BoardNeedStatus.Never && n.LastActiveAt < before));
}
