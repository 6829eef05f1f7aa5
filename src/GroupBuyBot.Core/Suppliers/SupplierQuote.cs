using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Suppliers;

public enum QuoteStatus
{
    /// <summary>Asked; no answer yet.</summary>
    Requested = 0,
    /// <summary>The request could not be delivered (the supplier never started the bot, or blocked it).</summary>
    Unreachable = 1,
    Quoted = 2,
    /// <summary>The supplier said it cannot supply this one.</summary>
    Declined = 3,
    Chosen = 4,
    NotChosen = 5,
}

/// <summary>One supplier's answer to an organizer's <c>/quote</c> for a buy (a reverse auction: lowest offer usually wins).</summary>
public sealed class SupplierQuote
{
    public const int MaxNoteLength = 200;

    public long BuyId { get; set; }
    public long SupplierId { get; set; }
    public QuoteStatus Status { get; set; }
    public decimal? UnitPrice { get; set; }
    public List<PriceTier> Tiers { get; set; } = [];
    public string? Note { get; set; }

    /// <summary>The request in the supplier's private chat: a reply to it is the quote.</summary>
    public int? RequestMessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Still waiting for the organizer's pick: the supplier may change its offer.</summary>
    public bool IsOpen => Status is QuoteStatus.Requested or QuoteStatus.Quoted or QuoteStatus.Declined;
}

/// <summary>The group message where an organizer sees the quotes of a buy side by side, edited as quotes arrive.</summary>
public sealed class QuoteBoard
{
    public long BuyId { get; set; }
    public int? MessageId { get; set; }
}

/// <summary>A participant's 1–5 rating of the supplier of a delivered buy; one per participant and buy, changeable.</summary>
public sealed class SupplierRating
{
    public long BuyId { get; set; }
    public long UserId { get; set; }

    /// <summary>The option of the buy rated (a session, a size); 0 for a buy without options.</summary>
    public int Option { get; set; }

    public long SupplierId { get; set; }
    public int Stars { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}
