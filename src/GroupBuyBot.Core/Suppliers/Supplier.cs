namespace GroupBuyBot.Core.Suppliers;

/// <summary>A supplier registered for a chat through an organizer's invite; a supplier serving two chats has two rows.</summary>
public sealed class Supplier
{
    public long Id { get; set; }
    public long ChatId { get; set; }

    /// <summary>The supplier's Telegram user: orders and quote requests go to this private chat.</summary>
    public long UserId { get; set; }

    public string Name { get; set; } = "";
    public string? Username { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public int RatingSum { get; set; }
    public int RatingCount { get; set; }

    public double? AverageRating => RatingCount == 0 ? null : (double)RatingSum / RatingCount;

    public string Contact => Username is { } username ? "@" + username : Name;
}

/// <summary>A single-use, expiring deep-link code an organizer hands to a supplier.</summary>
public sealed class SupplierInvite
{
    public string Code { get; set; } = "";
    public long ChatId { get; set; }
    public long CreatedBy { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

public enum SupplierOrderStatus
{
    /// <summary>Not delivered yet: the supplier never started the bot or blocked it. Sent when they start it.</summary>
    Pending = 0,
    Sent = 1,
    Accepted = 2,
    Declined = 3,
    DateProposed = 4,
}

/// <summary>The order a formed buy sends its supplier, kept so that nothing is dropped when Telegram refuses it.</summary>
public sealed class SupplierOrder
{
    public long BuyId { get; set; }
    public long SupplierId { get; set; }
    public SupplierOrderStatus Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string? ProposedDate { get; set; }
}
