using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Tests.Fakes;

/// <summary>Links between groups in memory.</summary>
public sealed class InMemoryChatLinkStore : IChatLinkStore
{
    private readonly List<ChatLink> _links = [];

    public IReadOnlyList<ChatLink> All => _links;

    public Task Add(ChatLink invitation, CancellationToken ct)
    {
        invitation.Id = _links.Count + 1;
        _links.Add(invitation);
        return Task.CompletedTask;
    }

    public Task<ChatLink?> FindByCode(string code, CancellationToken ct) =>
        Task.FromResult(_links.FirstOrDefault(l => string.Equals(l.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)));

    public Task<bool> Confirm(long linkId, long chatId, string title, long byUserId, DateTimeOffset now, CancellationToken ct)
    {
        if (_links.FirstOrDefault(l => l.Id == linkId && !l.IsLinked) is not { } link) return Task.FromResult(false);
        (link.OtherChatId, link.OtherTitle, link.OtherByUserId, link.LinkedAt) = (chatId, title, byUserId, now);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<ChatLink>> ListLinked(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ChatLink>>([.. _links.Where(l => l.IsLinked && (l.ChatId == chatId || l.OtherChatId == chatId))]);

    public Task<IReadOnlyList<ChatLink>> ListAllLinked(CancellationToken ct) => Task.FromResult<IReadOnlyList<ChatLink>>([.. _links.Where(l => l.IsLinked)]);

    public Task<bool> Remove(long linkId, CancellationToken ct) => Task.FromResult(_links.RemoveAll(l => l.Id == linkId) > 0);
}
