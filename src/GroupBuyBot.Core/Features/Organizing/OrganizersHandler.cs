using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Organizing;

/// <summary><c>/organizers [add|remove] [@user]</c>: administrators appoint members who may run group buys.</summary>
public sealed class OrganizersHandler(IChatStore chats, OrganizerPolicy organizers)
{
    /// <param name="repliedMember">The author of the message the command replied to, if any.</param>
    public async Task<Outcome> Handle(CommandContext context, string arguments, Member? repliedMember, CancellationToken ct)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            var appointed = await chats.ListOrganizers(context.ChatId, ct);
            return Outcome.Say(appointed.Count == 0
                ? context.Text("OrganizersListAdminsOnly")
                : context.Text("OrganizersList", string.Join(", ", appointed.Select(m => Html.Escape(m.DisplayName)))));
        }

        var add = words[0].ToLowerInvariant() is "add" or "添加";
        var remove = words[0].ToLowerInvariant() is "remove" or "rm" or "删除" or "移除";
        if (!add && !remove) return Outcome.Say(context.Text("OrganizersUsage"));
        if (!await organizers.IsAdministrator(context, ct)) return Outcome.Say(context.Text("OrganizersAdminOnly"));

        var member = repliedMember;
        if (words.Length > 1)
        {
            var username = words[1].TrimStart('@');
            member = await chats.FindMemberByUsername(context.ChatId, username, ct);
            if (member is null) return Outcome.Say(context.Text("OrganizerUnknownUser", Html.Escape("@" + username)));
        }

        if (member is null) return Outcome.Say(context.Text("OrganizersUsage"));
        await chats.SetOrganizer(context.ChatId, member, add, ct);
        return Outcome.Say(context.Text(add ? "OrganizerAdded" : "OrganizerRemoved", Html.Escape(member.DisplayName)));
    }
}
