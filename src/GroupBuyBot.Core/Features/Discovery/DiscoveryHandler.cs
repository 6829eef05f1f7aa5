using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.Discovery.Windows;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Discovery;

/// <summary><c>/discovery on|off</c> (administrators) and <c>/forgetme</c> (anyone).</summary>
public sealed class DiscoveryHandler(
    IChatStore chats,
    OrganizerPolicy organizers,
    INeedBoardStore board,
    IChatLinkStore links,
    ConversationWindows windows,
    DiscoveryOptions options,
    TimeProvider time)
{
    public bool IsOn(Chats.ChatSettings chat) => options.IsOnIn(chat);

    public async Task<Outcome> Toggle(CommandContext context, string arguments, CancellationToken ct)
    {
        var wanted = arguments.Trim().ToLowerInvariant() switch
        {
            "on" or "开" or "开启" => true,
            "off" or "关" or "关闭" => (bool?)false,
            _ => null,
        };
        if (wanted is null) return Outcome.Say(context.Text(IsOn(context.Chat) ? "DiscoveryStatusOn" : "DiscoveryStatusOff"));
        if (!await organizers.IsAdministrator(context, ct)) return Outcome.Say(context.Text("DiscoveryAdminsOnly"));

        var chat = await chats.Get(context.ChatId, ct);
        chat.DiscoveryEnabled = wanted;
        await chats.Save(chat, ct);
        if (wanted == false) windows.ForgetChat(context.ChatId); // nothing read before stays in memory
        return Outcome.Say(context.Text(wanted.Value ? "DiscoveryOn" : "DiscoveryOff"));
    }

    /// <summary>
    /// Forgets what discovery kept about the member here and in every group linked with this one (whose needs are
    /// compared with this group's): their messages in the windows and their place on the need boards.
    /// </summary>
    public async Task<Outcome> ForgetMe(CommandContext context, CancellationToken ct)
    {
        windows.ForgetMember(context.ChatId, context.Actor.UserId, time.GetUtcNow(), context.MessageId);
        var changed = await board.ForgetMember(context.ChatId, context.Actor.UserId, ct);
        foreach (var link in await links.ListLinked(context.ChatId, ct))
        {
            var other = link.OtherOf(context.ChatId);
            windows.ForgetMember(other, context.Actor.UserId, time.GetUtcNow(), null);
            changed += await board.ForgetMember(other, context.Actor.UserId, ct);
        }

        return Outcome.Say(context.Text("ForgetMeDone", changed));
    }
}
