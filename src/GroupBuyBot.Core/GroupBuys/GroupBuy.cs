namespace GroupBuyBot.Core.GroupBuys;

/// <summary>
/// A group buy (团购): demand gathered in a chat until a deadline, formed when enough units are signed up.
/// All sign-up rules live here so every entry point (buttons, commands, natural replies) obeys them.
/// </summary>
public sealed class GroupBuy
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 1000;
    public const int MaxUnits = 100_000;

    private readonly List<SignUp> _signUps = [];
    private List<PriceTier> _tiers = [];

    private GroupBuy()
    {
        Title = "";
        Currency = "CNY";
        UnitName = "";
        Organizer = new Member(0, "");
    }

    public long Id { get; private set; }
    public long ChatId { get; private set; }
    public int? ThreadId { get; private set; }

    /// <summary>Number of the buy within its chat (#1, #2, …), what members type in commands.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }
    public string? Description { get; private set; }
    public string UnitName { get; private set; }
    public decimal? UnitPrice { get; private set; }
    public string Currency { get; private set; }
    public int? MinUnits { get; private set; }
    public int? Capacity { get; private set; }
    public DateTimeOffset? Deadline { get; private set; }
    public Member Organizer { get; private set; }
    public GroupBuyStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The organizer chose to close the buy as soon as its capacity is filled.</summary>
    public bool AutoClose { get; private set; }

    /// <summary>The announcement message that shows the live list.</summary>
    public int? AnnouncementMessageId { get; private set; }

    /// <summary>While drafting: the bot's question a reply should answer.</summary>
    public int? DraftPromptMessageId { get; private set; }

    /// <summary>The supplier the order goes to when the buy forms.</summary>
    public long? SupplierId { get; private set; }

    /// <summary>Incremented on every change; a concurrency token for the database.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<PriceTier> Tiers => _tiers;
    public IReadOnlyList<SignUp> SignUps => _signUps;

    public IEnumerable<SignUp> ActiveSignUps => _signUps.Where(s => s.Status == SignUpStatus.Active).OrderBy(s => s.QueuedAt).ThenBy(s => s.Id);
    public IEnumerable<SignUp> Waitlist => _signUps.Where(s => s.Status == SignUpStatus.Waitlisted).OrderBy(s => s.QueuedAt).ThenBy(s => s.Id);

    public int ActiveUnits => _signUps.Where(s => s.Status == SignUpStatus.Active).Sum(s => s.Quantity);
    public int WaitlistedUnits => _signUps.Where(s => s.Status == SignUpStatus.Waitlisted).Sum(s => s.Quantity);

    /// <summary>"N more to form the group": zero once the minimum is met.</summary>
    public int UnitsToForm => Math.Max(0, (MinUnits ?? 0) - ActiveUnits);

    public int? PlacesLeft => Capacity is { } capacity ? Math.Max(0, capacity - ActiveUnits) : null;

    /// <summary>
    /// Closed (formed or failed) because its deadline had come: by the deadline job, or by any close that ran once the
    /// deadline had passed (the result is the same). A close before the deadline (<c>/close</c>, auto-close) is earlier
    /// than it, and the deadline cannot move once a buy has closed, so no extra field is needed to tell them apart.
    /// </summary>
    public bool ClosedAtDeadline => (Status is GroupBuyStatus.Formed or GroupBuyStatus.Failed) && ClosedAt >= Deadline;

    /// <summary>The unit price at the tier the active units have reached.</summary>
    public decimal? CurrentUnitPrice => PriceAt(ActiveUnits);

    public decimal? PriceAt(int units) =>
        _tiers.Where(t => t.MinUnits <= units).OrderByDescending(t => t.MinUnits).Select(t => (decimal?)t.UnitPrice).FirstOrDefault() ?? UnitPrice;

    /// <summary>The fields an organizer still has to give before the buy can open, in the order they are asked.</summary>
    public IReadOnlyList<GroupBuyField> MissingFields
    {
        get
        {
            var missing = new List<GroupBuyField>();
            if (string.IsNullOrWhiteSpace(Title)) missing.Add(GroupBuyField.Title);
            if (UnitPrice is null) missing.Add(GroupBuyField.Price);
            if (MinUnits is null) missing.Add(GroupBuyField.MinUnits);
            if (Deadline is null) missing.Add(GroupBuyField.Deadline);
            return missing;
        }
    }

    public static GroupBuy CreateDraft(long chatId, int? threadId, int number, Member organizer, DateTimeOffset now) => new()
    {
        ChatId = chatId,
        ThreadId = threadId,
        Number = number,
        Organizer = organizer,
        Status = GroupBuyStatus.Draft,
        CreatedAt = now,
    };

    public void SetTitle(string title) => Change(() => Title = title.Trim());
    public void SetDescription(string? description) => Change(() => Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim());
    public void SetUnitName(string unitName) => Change(() => UnitName = unitName.Trim());

    public void SetPrice(decimal unitPrice, string? currency = null) => Change(() =>
    {
        UnitPrice = unitPrice;
        if (currency is not null) Currency = currency;
    });

    public void SetMinUnits(int minUnits) => Change(() => MinUnits = minUnits);
    public void SetDeadline(DateTimeOffset deadline) => Change(() => Deadline = deadline.ToUniversalTime());
    public void SetTiers(IEnumerable<PriceTier> tiers) => Change(() => _tiers = [.. tiers.OrderBy(t => t.MinUnits)]);
    public void SetDraftPrompt(int? messageId) => Change(() => DraftPromptMessageId = messageId);
    public void SetAnnouncement(int messageId) => Change(() => AnnouncementMessageId = messageId);

    /// <summary>Attaches a supplier, optionally at the price (and tiers) it quoted: the buy's own tiers then no longer apply.</summary>
    public bool AssignSupplier(long supplierId, decimal? unitPrice, IEnumerable<PriceTier>? tiers = null)
    {
        if (Status.IsFinal()) return false;
        Change(() =>
        {
            SupplierId = supplierId;
            if (unitPrice is { } price)
            {
                UnitPrice = price;
                _tiers = [.. (tiers ?? []).OrderBy(t => t.MinUnits)];
            }
        });
        return true;
    }

    public void SetAutoClose(bool autoClose) => Change(() => AutoClose = autoClose);

    /// <summary>Auto-close: an open buy whose organizer chose it closes once no place is left. True when it closed now.</summary>
    public bool CloseIfFull(DateTimeOffset now) => AutoClose && Status == GroupBuyStatus.Open && PlacesLeft == 0 && Close(now);

    /// <summary>The goods of a formed buy arrived. False unless it was formed (and not delivered yet).</summary>
    public bool MarkDelivered(DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Formed) return false;
        Change(() =>
        {
            Status = GroupBuyStatus.Delivered;
            DeliveredAt = now;
        });
        return true;
    }

    /// <summary>Sets the capacity; returns false (and changes nothing) when it is below the active units.</summary>
    public bool TrySetCapacity(int? capacity)
    {
        if (capacity is { } c && c < ActiveUnits) return false;
        Change(() => Capacity = capacity);
        return true;
    }

    /// <summary>A group migrated to a supergroup: its buys follow it to the new chat id.</summary>
    public void MoveToChat(long newChatId) => Change(() => ChatId = newChatId);

    public bool Open(DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Draft || MissingFields.Count > 0 || Deadline <= now) return false;
        Change(() =>
        {
            Status = GroupBuyStatus.Open;
            DraftPromptMessageId = null;
        });
        return true;
    }

    /// <summary>Joins, or adds <paramref name="quantity"/> to an existing sign-up.</summary>
    public SignUpChange Join(Member member, int quantity, string? note, DateTimeOffset now)
    {
        var existing = Find(member.UserId);
        var current = existing is { Status: not SignUpStatus.Withdrawn } ? existing.Quantity : 0;
        return Apply(member, current + quantity, quantity, note, now);
    }

    /// <summary>Replaces the member's quantity (<c>set</c>); zero means leave.</summary>
    public SignUpChange SetQuantity(Member member, int quantity, string? note, DateTimeOffset now) =>
        quantity == 0 ? Leave(member.UserId, now) : Apply(member, quantity, quantity, note, now);

    /// <summary>The −1 button: one unit less, leaving at zero.</summary>
    public SignUpChange Decrement(Member member, DateTimeOffset now)
    {
        var existing = Find(member.UserId);
        if (Status != GroupBuyStatus.Open) return SignUpChange.Refused(SignUpResult.NotOpen);
        if (existing is null || existing.Status == SignUpStatus.Withdrawn) return SignUpChange.Refused(SignUpResult.NotSignedUp);
        return SetQuantity(member, existing.Quantity - 1, null, now);
    }

    public SignUpChange Leave(long userId, DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Open) return SignUpChange.Refused(SignUpResult.NotOpen);
        var existing = Find(userId);
        if (existing is null || existing.Status == SignUpStatus.Withdrawn) return SignUpChange.Refused(SignUpResult.NotSignedUp);

        Version++;
        existing.Withdraw(now);
        return new SignUpChange(SignUpResult.Left, existing, PromoteWaitlist(now));
    }

    /// <summary>Closes the buy: formed when the minimum is met, failed otherwise. False when it was not open.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Open) return false;
        Change(() =>
        {
            Status = ActiveUnits >= (MinUnits ?? 0) ? GroupBuyStatus.Formed : GroupBuyStatus.Failed;
            ClosedAt = now;
        });
        return true;
    }

    public bool Cancel(DateTimeOffset now)
    {
        if (Status.IsFinal()) return false;
        Change(() =>
        {
            Status = GroupBuyStatus.Cancelled;
            ClosedAt = now;
        });
        return true;
    }

    public SignUp? Find(long userId) => _signUps.Find(s => s.UserId == userId);

    private SignUpChange Apply(Member member, int newQuantity, int requested, string? note, DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Open) return SignUpChange.Refused(SignUpResult.NotOpen);
        if (requested < 1 || newQuantity < 1 || newQuantity > SignUp.MaxQuantity) return SignUpChange.Refused(SignUpResult.InvalidQuantity);

        note = NormalizeNote(note);
        var existing = Find(member.UserId);
        var wasActive = existing?.Status == SignUpStatus.Active;
        var activeOthers = ActiveUnits - (wasActive ? existing!.Quantity : 0);
        var fits = Capacity is not { } capacity || activeOthers + newQuantity <= capacity;

        // Nobody jumps the queue: a newcomer waits while others wait, even if their quantity would fit.
        var waitingAhead = _signUps.Any(s => s.Status == SignUpStatus.Waitlisted && s.UserId != member.UserId);
        SignUpStatus status;
        if (wasActive)
        {
            // An active member is never pushed back to the queue; a change that doesn't fit is refused.
            if (!fits) return SignUpChange.Refused(SignUpResult.NotEnoughPlaces, PlacesLeft ?? 0);
            status = SignUpStatus.Active;
        }
        else if (existing?.Status == SignUpStatus.Waitlisted)
        {
            status = SignUpStatus.Waitlisted;
        }
        else
        {
            status = fits && !waitingAhead ? SignUpStatus.Active : SignUpStatus.Waitlisted;
        }

        Version++;
        SignUpResult result;
        if (existing is null)
        {
            existing = new SignUp(member, newQuantity, note, status, now);
            _signUps.Add(existing);
            result = status == SignUpStatus.Active ? SignUpResult.Joined : SignUpResult.Waitlisted;
        }
        else
        {
            var rejoined = existing.Status == SignUpStatus.Withdrawn;
            existing.Update(member, newQuantity, note, status, now);
            result = rejoined
                ? (status == SignUpStatus.Active ? SignUpResult.Joined : SignUpResult.Waitlisted)
                : SignUpResult.Updated;
        }

        var promoted = PromoteWaitlist(now);
        return new SignUpChange(result, existing, promoted);
    }

    /// <summary>Moves waiting members into freed places, in the order they queued.</summary>
    private List<SignUp> PromoteWaitlist(DateTimeOffset now)
    {
        var promoted = new List<SignUp>();
        if (Capacity is not { } capacity)
        {
            foreach (var waiting in Waitlist.ToList())
            {
                waiting.Promote(now);
                promoted.Add(waiting);
            }

            return promoted;
        }

        var active = ActiveUnits;
        foreach (var waiting in Waitlist.ToList())
        {
            // Strict order: the head of the queue is never overtaken by a smaller sign-up behind it.
            if (active + waiting.Quantity > capacity) break;
            waiting.Promote(now);
            active += waiting.Quantity;
            promoted.Add(waiting);
        }

        return promoted;
    }

    private static string? NormalizeNote(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return null;
        note = note.Trim();
        return note.Length > SignUp.MaxNoteLength ? note[..SignUp.MaxNoteLength] : note;
    }

    private void Change(Action change)
    {
        change();
        Version++;
    }
}

public enum GroupBuyField
{
    Title,
    Price,
    MinUnits,
    Deadline,
    Capacity,
    Description,
    Unit,
    Tiers,
    AutoClose,
}
