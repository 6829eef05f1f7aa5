namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>Payments in Telegram (<c>GroupBuyBot:Payments</c>).</summary>
public sealed class PaymentsOptions
{
    public const string Section = "GroupBuyBot:Payments";

    /// <summary>
    /// A payment provider's token from BotFather (<c>/mybots</c> → Payments); empty: no provider, and buys can be paid
    /// online only when priced in Telegram Stars. Keep it out of files: use <c>GroupBuyBot__Payments__ProviderToken</c>.
    /// </summary>
    public string ProviderToken { get; set; } = "";
}
