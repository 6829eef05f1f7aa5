using GroupBuyBot.Core.Localization;
using GroupBuyBot.Core.Storage;

namespace GroupBuyBot.Core.Features.Organizing;

/// <summary><c>/lang zh|en</c>: the chat's language for everything the bot says.</summary>
public sealed class LanguageHandler(IChatStore chats)
{
    public async Task<Outcome> Handle(CommandContext context, string arguments, CancellationToken ct)
    {
        if (LanguageExtensions.Parse(arguments) is not { } language) return Outcome.Say(context.Text("LangUsage"));

        context.Chat.Language = language;
        await chats.Save(context.Chat, ct);
        return Outcome.Say(Texts.Get(language, "LangSet"));
    }
}
