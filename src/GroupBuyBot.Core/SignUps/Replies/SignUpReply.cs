namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>What a reply to a group-buy announcement asks for.</summary>
public enum SignUpIntent
{
    None,
    Join,
    Set,
    Leave,
}

/// <summary>
/// The local reading of a reply. <paramref name="Quantity"/> is the units asked for (Join, default 1)
/// or the new total (Set); null for Leave and None. <paramref name="IsAmbiguous"/> tells the caller
/// the rules were unsure, so a second opinion (an LLM) is worth asking for.
/// </summary>
public sealed record SignUpReply(SignUpIntent Intent, int? Quantity, bool IsAmbiguous)
{
    public static SignUpReply NoneCertain { get; } = new(SignUpIntent.None, null, false);
}
