namespace GroupBuyBot.Core.GroupBuys;

/// <summary>
/// One choice within a buy: a goods variant ("大箱", "Small box") or a service session ("周六10点", "Sun 14:00"), with its
/// own price (and tiers), and optionally its own capacity and waiting list. Members sign up for an option; the buy's
/// list, closing summary, supplier order and export are grouped by option. Numbered from 1 within its buy, never
/// renumbered (buttons and commands carry the number).
/// </summary>
/// <param name="Closed">Closed by the organizer: no new sign-ups or increases; those in it stay.</param>
public sealed record BuyOption(int Number, string Name, decimal Price, IReadOnlyList<PriceTier> Tiers, int? Capacity = null, bool Closed = false)
{
    public const int MaxNameLength = 40;

    /// <summary>Room for a row of buttons each under a live list: Telegram shows up to about a dozen rows comfortably.</summary>
    public const int MaxOptions = 8;

    /// <summary>The unit price at the tier the option's own active units have reached.</summary>
    public decimal PriceAt(int units) =>
        Tiers.Where(t => t.MinUnits <= units).OrderByDescending(t => t.MinUnits).Select(t => (decimal?)t.UnitPrice).FirstOrDefault() ?? Price;
}
