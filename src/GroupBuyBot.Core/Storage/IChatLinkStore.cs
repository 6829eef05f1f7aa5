using GroupBuyBot.Core.Chats;

namespace GroupBuyBot.Core.Storage;

/// <summary>Links between groups (and invitations to link).</summary>
public interface IChatLinkStore
{
    Task Add(ChatLink invitation, CancellationToken ct);

    /// <summary>The invitation or link with this code (codes are compared without case).</summary>
    Task<ChatLink?> FindByCode(string code, CancellationToken ct);

    /// <summary>Confirms an invitation from <paramref name="chatId"/>; false when it was confirmed before (or is gone).</summary>
    Task<bool> Confirm(long linkId, long chatId, string title, long byUserId, DateTimeOffset now, CancellationToken ct);

    /// <summary>The chat's links (confirmed ones), oldest first.</summary>
    Task<IReadOnlyList<ChatLink>> ListLinked(long chatId, CancellationToken ct);

    /// <summary>Every confirmed link: what pooling suggestions look through.</summary>
    Task<IReadOnlyList<ChatLink>> ListAllLinked(CancellationToken ct);

    /// <returns>False when it was gone already.</returns>
    Task<bool> Remove(long linkId, CancellationToken ct);
}
