using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Organizing;

/// <summary>Organizers are the chat's administrators plus members an administrator appointed.</summary>
public sealed class OrganizerPolicy(IChatStore chats, IChatAdministrators administrators)
{
    public async Task<bool> IsOrganizer(CommandContext context, CancellationToken ct) =>
        await chats.IsOrganizer(context.ChatId, context.Actor.UserId, ct)
        || await administrators.IsAdministrator(context.ChatId, context.Actor.UserId, ct);

    public Task<bool> IsAdministrator(CommandContext context, CancellationToken ct) =>
        administrators.IsAdministrator(context.ChatId, context.Actor.UserId, ct);

    public static Outcome Refusal(CommandContext context) => Outcome.Say(context.Text("OrganizersOnly"));
}
