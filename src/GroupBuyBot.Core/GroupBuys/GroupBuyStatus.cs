namespace GroupBuyBot.Core.GroupBuys;

/// <summary>Life cycle of a group buy: Draft → Open → Formed → Delivered, or Failed / Cancelled.</summary>
public enum GroupBuyStatus
{
    /// <summary>Being set up by an organizer; some fields may still be missing.</summary>
    Draft = 0,
    Open = 1,
    /// <summary>Closed with the minimum met (成团).</summary>
    Formed = 2,
    /// <summary>Closed without the minimum (流团); nobody is charged.</summary>
    Failed = 3,
    Cancelled = 4,
    /// <summary>A formed buy whose goods arrived (<c>/delivered</c>); participants may rate the supplier.</summary>
    Delivered = 5,
}

public enum SignUpStatus
{
    Active = 0,
    Waitlisted = 1,
    Withdrawn = 2,
}

public static class GroupBuyStatusExtensions
{
    public static bool IsClosed(this GroupBuyStatus status) => status is GroupBuyStatus.Formed or GroupBuyStatus.Failed;

    /// <summary>Sign-ups and edits are only possible while a buy is open.</summary>
    public static bool IsFinal(this GroupBuyStatus status) => status is GroupBuyStatus.Formed or GroupBuyStatus.Failed or GroupBuyStatus.Cancelled or GroupBuyStatus.Delivered;
}
