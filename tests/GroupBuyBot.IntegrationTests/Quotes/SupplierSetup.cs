using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.IntegrationTests.Telegram;
using static GroupBuyBot.IntegrationTests.Telegram.BotHarness;

namespace GroupBuyBot.IntegrationTests.Quotes;

internal static class SupplierSetup
{
    public static readonly EmulatedUser Farm = new(31, "Fresh Farm", Username: "freshfarm");
    public static readonly EmulatedUser Valley = new(32, "Green Valley", Username: "greenvalley");

    /// <summary>Alice invites <paramref name="supplier"/>, who opens the link in a private chat.</summary>
    public static async Task Register(BotHarness bot, EmulatedUser supplier)
    {
        bot.Telegram.UpsertUser(supplier);
        var invite = await bot.ReplyTo(bot.Say(Alice, "/supplier invite"));
        var link = invite.Text!.Split([' ', '\n']).Single(w => w.StartsWith("https://t.me/GroupBuyTestBot?start=sup_", StringComparison.Ordinal));
        var welcome = await bot.StartPrivateChat(supplier, link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
        Assert.Contains("You are now a supplier of", welcome.Text);
    }
}
