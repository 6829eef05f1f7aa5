namespace GroupBuyBot.Core.GroupBuys;

/// <summary>From <see cref="MinUnits"/> active units on, each unit costs <see cref="UnitPrice"/>.</summary>
public sealed record PriceTier(int MinUnits, decimal UnitPrice);
