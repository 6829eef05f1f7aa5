using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Tests.Fakes;

/// <summary>Chat settings, appointed organizers and administrators in memory.</summary>
public sealed class FakeChats : IChatStore, IChatAdministrators
{
    public HashSet<(long ChatId, long UserId)> Administrators { get; } = [];
    public HashSet<(long ChatId, long UserId)> Organizers { get; } = [];
    public Dictionary<string, Member> KnownByUsername { get; } = [];

    public Task<bool> IsAdministrator(long chatId, long userId, CancellationToken ct) => Task.FromResult(Administrators.Contains((chatId, userId)));

    public Task<ChatSettings> Get(long chatId, CancellationToken ct) => Task.FromResult(new ChatSettings { ChatId = chatId, TimeZoneId = "UTC" });

    public Task Save(ChatSettings settings, CancellationToken ct) => Task.CompletedTask;

    public Task<bool> IsOrganizer(long chatId, long userId, CancellationToken ct) => Task.FromResult(Organizers.Contains((chatId, userId)));

    public Task<IReadOnlyList<Member>> ListOrganizers(long chatId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Member>>([.. Organizers.Where(o => o.ChatId == chatId).Select(o => new Member(o.UserId, "Organizer"))]);

    public Task<bool> SetOrganizer(long chatId, Member member, bool isOrganizer, CancellationToken ct) =>
        Task.FromResult(isOrganizer ? Organizers.Add((chatId, member.UserId)) : Organizers.Remove((chatId, member.UserId)));

    public Task RememberMember(long chatId, Member member, CancellationToken ct) => Task.CompletedTask;

    public Task<Member?> FindMemberByUsername(long chatId, string username, CancellationToken ct) =>
        Task.FromResult(KnownByUsername.GetValueOrDefault(username.TrimStart('@')));

    public Task MoveChat(long fromChatId, long toChatId, CancellationToken ct) => throw new NotSupportedException();
}
