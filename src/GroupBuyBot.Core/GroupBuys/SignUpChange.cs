namespace GroupBuyBot.Core.GroupBuys;

/// <summary>What a sign-up action did, or why it did nothing.</summary>
public enum SignUpResult
{
    Joined,
    Waitlisted,
    Updated,
    Left,
    NotSignedUp,
    NotOpen,
    InvalidQuantity,
    NotEnoughPlaces,

    /// <summary>The buy has no such option (or has options and none was named).</summary>
    UnknownOption,

    /// <summary>The organizer closed this option: no new sign-ups or increases.</summary>
    OptionClosed,
}

/// <param name="Result">What happened.</param>
/// <param name="SignUp">The member's sign-up after the action, when there is one.</param>
/// <param name="Promoted">Waitlisted members who became active because places were freed.</param>
/// <param name="PlacesLeft">Places left when the action was refused for lack of them.</param>
public sealed record SignUpChange(SignUpResult Result, SignUp? SignUp, IReadOnlyList<SignUp> Promoted, int PlacesLeft = 0)
{
    public bool Changed => Result is SignUpResult.Joined or SignUpResult.Waitlisted or SignUpResult.Updated or SignUpResult.Left;

    internal static SignUpChange Refused(SignUpResult result, int placesLeft = 0) => new(result, null, [], placesLeft);
}
