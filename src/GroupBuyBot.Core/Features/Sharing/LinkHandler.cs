using System.Security.Cryptography;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Sharing;

/// <summary>
/// Linking groups so they can pool a need: <c>/link</c> (an organizer asks, and gets a code), <c>/link CODE</c> (an
/// administrator of the other group confirms there), <c>/links</c>, <c>/unlink [n|name]</c>. Nothing of one group is
/// shown in another until both sides agreed.
/// </summary>
public sealed class LinkHandler(IChatLinkStore links, IGroupBuyStore buys, OrganizerPolicy organizers, TimeProvider time)
{
    // No 0/O, 1/I/L: codes are read out and typed by hand.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<Outcome> Link(CommandContext context, string arguments, CancellationToken ct)
    {
        var code = arguments.Trim().TrimStart('#').ToUpperInvariant();
        return code.Length == 0 ? await Invite(context, ct) : await Confirm(context, code, ct);
    }

    /// <summary><c>/links</c>: the groups this one is linked with, numbered for <c>/unlink</c>.</summary>
    public async Task<Outcome> List(CommandContext context, CancellationToken ct)
    {
        var linked = await links.ListLinked(context.ChatId, ct);
        return Outcome.Say(linked.Count == 0 ? context.Text("LinksNone") : context.Text("LinksHeader", Numbered(context.ChatId, linked)));
    }

    public async Task<Outcome> Unlink(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var linked = await links.ListLinked(context.ChatId, ct);
        if (linked.Count == 0) return Outcome.Say(context.Text("LinksNone"));
        var which = arguments.Trim();
        var link = which.Length == 0 && linked.Count == 1 ? linked[0]
            : int.TryParse(which.TrimStart('#'), out var n) && n >= 1 && n <= linked.Count ? linked[n - 1]
            : which.Length > 0 ? linked.FirstOrDefault(l => l.TitleOf(l.OtherOf(context.ChatId)).Contains(which, StringComparison.OrdinalIgnoreCase))
            : null;
        if (link is null) return Outcome.Say(context.Text("UnlinkUsage", Numbered(context.ChatId, linked)));

        var other = link.OtherOf(context.ChatId);
        await links.Remove(link.Id, ct);
        // Buys already shared between the two go on until they close: members who signed up keep their places.
        var shared = (await buys.ListOpen(context.ChatId, ct)).Concat(await buys.ListOpen(other, ct)).Where(b => b.IsIn(context.ChatId) && b.IsIn(other)).ToList();
        var openLine = shared.Count == 0 ? "" : "\n" + context.Text("UnlinkOpenShared", string.Join(", ", shared.Select(b => "#" + b.NumberIn(context.ChatId))));
        var thisTitle = Html.Escape(link.TitleOf(context.ChatId));
        return new Outcome
        {
            Reply = context.Text("Unlinked", Html.Escape(link.TitleOf(other))) + openLine,
            Notices = [new ChatNotice(other, null, context.Text("UnlinkedThere", thisTitle, Html.Escape(context.Actor.DisplayName)))],
        };
    }

    private async Task<Outcome> Invite(CommandContext context, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        var code = RandomNumberGenerator.GetString(CodeAlphabet, ChatLink.CodeLength);
        await links.Add(new ChatLink
        {
            ChatId = context.ChatId,
            Title = context.Chat.Title ?? "",
            ByUserId = context.Actor.UserId,
            Code = code,
            CreatedAt = time.GetUtcNow(),
        }, ct);
        return Outcome.Say(context.Text("LinkInvite", code));
    }

    private async Task<Outcome> Confirm(CommandContext context, string code, CancellationToken ct)
    {
        if (!await organizers.IsAdministrator(context, ct)) return Outcome.Say(context.Text("LinkAdminsOnly"));
        var link = await links.FindByCode(code, ct);
        if (link is null || (!link.IsLinked && link.CreatedAt + ChatLink.InvitationLifetime < time.GetUtcNow())) return Outcome.Say(context.Text("LinkCodeUnknown", Html.Escape(code)));
        if (link.ChatId == context.ChatId) return Outcome.Say(context.Text("LinkSameGroup"));
        var already = (await links.ListLinked(context.ChatId, ct)).Any(l => l.OtherOf(context.ChatId) == link.ChatId);
        if (already || link.IsLinked) return Outcome.Say(link.IsLinked && link.OtherChatId != context.ChatId
            ? context.Text("LinkCodeUnknown", Html.Escape(code))
            : context.Text("LinkAlready", Html.Escape(link.Title)));

        if (!await links.Confirm(link.Id, context.ChatId, context.Chat.Title ?? "", context.Actor.UserId, time.GetUtcNow(), ct))
        {
            return Outcome.Say(context.Text("LinkCodeUnknown", Html.Escape(code)));
        }

        var here = Html.Escape(context.Chat.Title ?? "");
        return new Outcome
        {
            Reply = context.Text("Linked", Html.Escape(link.Title)),
            Notices = [new ChatNotice(link.ChatId, null, context.Text("LinkedThere", here, Html.Escape(context.Actor.DisplayName)))],
        };
    }

    private static string Numbered(long chatId, IReadOnlyList<ChatLink> linked) =>
        string.Join('\n', linked.Select((l, i) => $"{i + 1}. {Html.Escape(l.TitleOf(l.OtherOf(chatId)))}"));
}
