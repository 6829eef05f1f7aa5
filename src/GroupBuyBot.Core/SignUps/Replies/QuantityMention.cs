namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// A number in a reply that reads as a count of units. <paramref name="HasUnit"/> is true when a
/// classifier or unit word ("份", "boxes") or a "+"/"x" marker makes the reading certain.
/// </summary>
public sealed record QuantityMention(int Value, int Start, int End, bool HasUnit);
