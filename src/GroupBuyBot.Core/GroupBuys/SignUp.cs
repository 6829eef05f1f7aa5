namespace GroupBuyBot.Core.GroupBuys;

/// <summary>One member's sign-up for one group buy (for one of its options). There is never more than one per member and option.</summary>
public sealed class SignUp
{
    public const int MaxQuantity = 999;
    public const int MaxNoteLength = 200;

    private SignUp()
    {
        DisplayName = "";
    }

    internal SignUp(Member member, int option, int quantity, string? note, SignUpStatus status, DateTimeOffset now)
    {
        UserId = member.UserId;
        Option = option;
        DisplayName = member.DisplayName;
        Username = member.Username;
        Quantity = quantity;
        Note = note;
        Status = status;
        CreatedAt = now;
        UpdatedAt = now;
        QueuedAt = now;
    }

    public long Id { get; private set; }
    public long GroupBuyId { get; private set; }
    public long UserId { get; private set; }
    public string DisplayName { get; private set; }
    public string? Username { get; private set; }

    /// <summary>The buy's option signed up for (its number); 0 on a buy without options.</summary>
    public int Option { get; private set; }

    /// <summary>
    /// The group the member signed up from, when the buy is shared with linked groups and it is not the buy's own
    /// group; 0: the buy's own group (every sign-up of a buy that is not shared).
    /// </summary>
    public long FromChatId { get; private set; }

    /// <summary>The member asked to be told, privately, when this buy is opened again.</summary>
    public bool TellNextTime { get; private set; }

    /// <summary>The pickup point (or delivery) the member chose: its number in the buy's list; 0 not chosen.</summary>
    public int Pickup { get; private set; }

    public int Quantity { get; private set; }
    public string? Note { get; private set; }
    public SignUpStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the member joined the queue: the waitlist is promoted in this order.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    public Member Member => new(UserId, DisplayName, Username);

    internal void Update(Member member, int quantity, string? note, SignUpStatus status, DateTimeOffset now)
    {
        if (Status == SignUpStatus.Withdrawn || (Status == SignUpStatus.Active && status == SignUpStatus.Waitlisted))
        {
            QueuedAt = now;
        }

        DisplayName = member.DisplayName;
        Username = member.Username;
        Quantity = quantity;
        Note = note ?? Note;
        Status = status;
        UpdatedAt = now;
    }

    internal void CameFrom(long chatId) => FromChatId = chatId;

    internal void ChoosePickup(int point) => Pickup = point;

    internal void AskToBeTold() => TellNextTime = true;

    internal void Withdraw(DateTimeOffset now)
    {
        Status = SignUpStatus.Withdrawn;
        UpdatedAt = now;
    }

    internal void Promote(DateTimeOffset now)
    {
        Status = SignUpStatus.Active;
        UpdatedAt = now;
    }
}
