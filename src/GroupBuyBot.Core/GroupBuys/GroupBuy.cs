namespace GroupBuyBot.Core.GroupBuys;

/// <summary>
/// A group buy (团购): demand gathered in a chat until a deadline, formed when enough units are signed up.
/// All sign-up rules live here so every entry point (buttons, commands, natural replies) obeys them.
/// </summary>
public sealed partial class GroupBuy
{
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 1000;
    public const int MaxUnits = 100_000;

    private readonly List<SignUp> _signUps = [];
    private List<PriceTier> _tiers = [];
    private List<BuyOption> _options = [];
    private readonly List<Payment> _payments = [];
    private List<string> _pickupPoints = [];
    private List<long> _tellWhenOpen = [];

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

    /// <summary>What members owe and paid: one row per member and stage, from when the buy forms.</summary>
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>How often this buy comes round again (the organizer's <c>/repeat</c>): the organizers are reminded.</summary>
    public BuyRhythm Rhythm { get; private set; }

    /// <summary>When the organizers were last reminded that it comes round again (once per round).</summary>
    public DateTimeOffset? RhythmSuggestedAt { get; private set; }

    /// <summary>A buy opened with <c>/again</c>: the members of the past buy to tell, privately, once it opens.</summary>
    public IReadOnlyList<long> TellWhenOpen => _tellWhenOpen;

    /// <summary>Where (and when) members collect, or "delivery": members choose one; numbered from 1 in this order.</summary>
    public IReadOnlyList<string> PickupPoints => _pickupPoints;

    /// <summary>How members pay: by hand (transfers the organizer confirms), or by Telegram invoices when the buy forms.</summary>
    public PaymentMode PaymentMode { get; private set; }

    /// <summary>Staged online payment: this share of a member's amount (percent) is paid at sign-up, the rest when it forms.</summary>
    public int? DepositPercent { get; private set; }

    /// <summary>When unpaid members are reminded, in minutes after midnight in the chat's time zone; null: never.</summary>
    public int? PaymentReminderMinute { get; private set; }

    /// <summary>The buy's options (sizes, sessions), each with its own price and capacity; empty for a one-price buy.</summary>
    public IReadOnlyList<BuyOption> Options => _options;

    public bool HasOptions => _options.Count > 0;

    /// <summary>With options: the minimum counts in each option on its own (sessions that each need enough people), not for the whole buy.</summary>
    public bool MinimumPerOption { get; private set; }

    public IEnumerable<SignUp> ActiveSignUps => _signUps.Where(s => s.Status == SignUpStatus.Active).OrderBy(s => s.QueuedAt).ThenBy(s => s.Id);
    public IEnumerable<SignUp> Waitlist => _signUps.Where(s => s.Status == SignUpStatus.Waitlisted).OrderBy(s => s.QueuedAt).ThenBy(s => s.Id);

    public int ActiveUnits => _signUps.Where(s => s.Status == SignUpStatus.Active).Sum(s => s.Quantity);
    public int WaitlistedUnits => _signUps.Where(s => s.Status == SignUpStatus.Waitlisted).Sum(s => s.Quantity);

    /// <summary>
    /// "N more to form the group": zero once the minimum is met. With a minimum per option, the buy forms when any option
    /// reaches it: this is the fewest any option still needs.
    /// </summary>
    public int UnitsToForm => HasOptions && MinimumPerOption
        ? _options.Min(o => UnitsToFormIn(o.Number))
        : Math.Max(0, (MinUnits ?? 0) - ActiveUnits);

    /// <summary>Places left in the whole buy; with options, in its open options together (null when one has no limit).</summary>
    public int? PlacesLeft => HasOptions
        ? _options.Where(o => !o.Closed).Select(o => PlacesLeftIn(o.Number)).Aggregate((int?)0, (sum, left) => sum + left)
        : Capacity is { } capacity ? Math.Max(0, capacity - ActiveUnits) : null;

    public BuyOption? OptionOf(int number) => _options.Find(o => o.Number == number);

    /// <summary>Active units in one option (0: the buy without options).</summary>
    public int UnitsIn(int option) => _signUps.Where(s => s.Status == SignUpStatus.Active && s.Option == option).Sum(s => s.Quantity);

    public int? CapacityIn(int option) => HasOptions ? OptionOf(option)?.Capacity : Capacity;

    public int? PlacesLeftIn(int option) => CapacityIn(option) is { } capacity ? Math.Max(0, capacity - UnitsIn(option)) : null;

    /// <summary>What one option still needs to form, when the minimum is per option.</summary>
    public int UnitsToFormIn(int option) => Math.Max(0, (MinUnits ?? 0) - UnitsIn(option));

    /// <summary>Whether an option's sign-ups are part of the order: always, unless its own minimum was not reached.</summary>
    public bool Forms(int option) => !(HasOptions && MinimumPerOption) || UnitsToFormIn(option) == 0;

    /// <summary>The unit price a sign-up in this option pays now (the option's, or the buy's, at the tier reached).</summary>
    public decimal? UnitPriceIn(int option) => HasOptions ? OptionOf(option)?.PriceAt(UnitsIn(option)) : CurrentUnitPrice;

    /// <summary>What an active sign-up costs at the current prices (0 for one that waits).</summary>
    public decimal AmountOf(SignUp signUp) => signUp.Status == SignUpStatus.Active ? signUp.Quantity * (UnitPriceIn(signUp.Option) ?? 0) : 0;

    /// <summary>The active sign-ups the order is made of: those in options that form.</summary>
    public IEnumerable<SignUp> OrderedSignUps => ActiveSignUps.Where(s => Forms(s.Option));

    public int OrderedUnits => OrderedSignUps.Sum(s => s.Quantity);

    public decimal OrderedAmount => OrderedSignUps.Sum(AmountOf);

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
            if (UnitPrice is null && !HasOptions) missing.Add(GroupBuyField.Price);
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

    /// <summary>
    /// A new draft in the same chat from a past buy (<c>/again</c>): its terms, options, supplier, pickup points and way of
    /// paying, none of its sign-ups or payments, and no deadline (the organizer is asked for one).
    /// </summary>
    public GroupBuy Again(int number, Member organizer, int? threadId, DateTimeOffset now)
    {
        var draft = CreateDraft(ChatId, threadId, number, organizer, now);
        draft.Title = Title;
        draft.Description = Description;
        draft.UnitName = UnitName;
        draft.UnitPrice = UnitPrice;
        draft.Currency = Currency;
        draft._tiers = [.. _tiers];
        draft._options = [.. _options.Select(o => o with { Closed = false })];
        draft.MinUnits = MinUnits;
        draft.MinimumPerOption = MinimumPerOption;
        draft.Capacity = Capacity;
        draft.AutoClose = AutoClose;
        draft.SupplierId = SupplierId;
        draft._pickupPoints = [.. _pickupPoints];
        draft.PaymentMode = PaymentMode;
        draft.DepositPercent = DepositPercent;
        draft.Rhythm = Rhythm;
        draft._tellWhenOpen = [.. _signUps.Where(s => s.TellNextTime).Select(s => s.UserId).Distinct()];
        return draft;
    }

    public void SetRhythm(BuyRhythm rhythm) => Change(() => Rhythm = rhythm);

    /// <summary>A member of this buy asks to be told when it comes again; false when they were not in it.</summary>
    public bool AskToBeToldNextTime(long userId)
    {
        var theirs = _signUps.Where(s => s.UserId == userId && s.Status == SignUpStatus.Active).ToList();
        if (theirs.Count == 0) return false;
        Change(() => theirs.ForEach(s => s.AskToBeTold()));
        return true;
    }

    /// <summary>
    /// When the organizers should hear that this buy comes round again: a few days before a month (a year) after it
    /// closed; null when it has no rhythm or has not closed formed.
    /// </summary>
    public DateTimeOffset? NextRoundAt => NextRoundFor(Rhythm);

    /// <summary><see cref="NextRoundAt"/> for a rhythm the buy may not have been given (one seen in its past rounds).</summary>
    public DateTimeOffset? NextRoundFor(BuyRhythm rhythm) => rhythm is not (BuyRhythm.Monthly or BuyRhythm.Yearly) || ClosedAt is not { } closed
        || Status is not (GroupBuyStatus.Formed or GroupBuyStatus.Delivered)
        ? null
        : rhythm == BuyRhythm.Monthly ? closed.AddMonths(1).AddDays(-3) : closed.AddYears(1).AddDays(-14);

    /// <summary>
    /// The organizers were told about the coming round: true once per round, at or after <see cref="NextRoundAt"/> (or
    /// the round of the <paramref name="seen"/> rhythm, when the buy has none of its own).
    /// </summary>
    public bool SuggestNextRound(DateTimeOffset now, BuyRhythm? seen = null)
    {
        if (NextRoundFor(Rhythm != BuyRhythm.None ? Rhythm : seen ?? BuyRhythm.None) is not { } due || now < due || RhythmSuggestedAt >= due) return false;
        Change(() => RhythmSuggestedAt = now);
        return true;
    }

    /// <summary>Once told (the buy opened), nobody is told again.</summary>
    public void ToldWhenOpen() => Change(() => _tellWhenOpen = []);

    public void SetTitle(string title) => Change(() => Title = title.Trim());
    public void SetDescription(string? description) => Change(() => Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim());
    public void SetUnitName(string unitName) => Change(() => UnitName = unitName.Trim());

    public void SetPrice(decimal unitPrice, string? currency = null) => Change(() =>
    {
        UnitPrice = unitPrice;
        if (currency is not null) Currency = currency;
    });

    /// <summary>
    /// Replaces the one price with options (numbered from 1), or the options with new ones. Only before anyone signed up:
    /// later, options change one at a time. An option without its own capacity takes the buy's, which then moves to it.
    /// </summary>
    public bool SetOptions(IEnumerable<(string Name, decimal Price, int? Capacity)> options, string? currency)
    {
        var list = options.ToList();
        if (list.Count is < 2 or > BuyOption.MaxOptions || _signUps.Any(s => s.Status != SignUpStatus.Withdrawn)) return false;
        Change(() =>
        {
            _options = [.. list.Select((o, i) => new BuyOption(i + 1, o.Name, o.Price, [], o.Capacity ?? Capacity))];
            UnitPrice = null;
            _tiers = [];
            Capacity = null;
            if (currency is not null) Currency = currency;
        });
        return true;
    }

    /// <summary>Adds an option to a buy that has options. False when there are too many or the name is taken.</summary>
    public bool AddOption(string name, decimal price, int? capacity)
    {
        if (!HasOptions || _options.Count >= BuyOption.MaxOptions || _options.Any(o => SameName(o.Name, name))) return false;
        Change(() => _options.Add(new BuyOption(_options.Max(o => o.Number) + 1, name, price, [], capacity)));
        return true;
    }

    public bool RenameOption(int number, string name) =>
        OptionOf(number) is { } option && !_options.Any(o => o.Number != number && SameName(o.Name, name)) && ReplaceOption(option with { Name = name });

    public bool RepriceOption(int number, decimal price, IReadOnlyList<PriceTier>? tiers = null) =>
        OptionOf(number) is { } option && ReplaceOption(option with { Price = price, Tiers = tiers is null ? option.Tiers : [.. tiers.OrderBy(t => t.MinUnits)] });

    public bool SetOptionTiers(int number, IEnumerable<PriceTier> tiers) =>
        OptionOf(number) is { } option && ReplaceOption(option with { Tiers = [.. tiers.OrderBy(t => t.MinUnits)] });

    /// <summary>False (nothing changes) below the option's active units. More places promote its waiting list.</summary>
    public bool SetOptionCapacity(int number, int? capacity, DateTimeOffset now)
    {
        if (OptionOf(number) is not { } option || (capacity is { } c && c < UnitsIn(number))) return false;
        ReplaceOption(option with { Capacity = capacity });
        PromoteWaitlist(now, number);
        return true;
    }

    /// <summary>Closes (no new sign-ups) or reopens one option; its sign-ups stay.</summary>
    public bool SetOptionClosed(int number, bool closed) =>
        OptionOf(number) is { } option && option.Closed != closed && (!closed || _options.Count(o => !o.Closed) > 1) && ReplaceOption(option with { Closed = closed });

    public void SetMinimumPerOption(bool perOption) => Change(() => MinimumPerOption = perOption);

    private bool ReplaceOption(BuyOption option)
    {
        Change(() => _options = [.. _options.Select(o => o.Number == option.Number ? option : o)]);
        return true;
    }

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

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

    /// <summary>
    /// Sets the capacity (with options: of every option); returns false (and changes nothing) when it is below the active
    /// units (of an option).
    /// </summary>
    public bool TrySetCapacity(int? capacity)
    {
        if (HasOptions)
        {
            if (capacity is { } perOption && _options.Any(o => UnitsIn(o.Number) > perOption)) return false;
            Change(() => _options = [.. _options.Select(o => o with { Capacity = capacity })]);
            return true;
        }

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

    /// <summary>Joins (an option, on a buy with options), or adds <paramref name="quantity"/> to an existing sign-up.</summary>
    public SignUpChange Join(Member member, int quantity, string? note, DateTimeOffset now, int option = 0)
    {
        var existing = Find(member.UserId, option);
        var current = existing is { Status: not SignUpStatus.Withdrawn } ? existing.Quantity : 0;
        return Apply(member, option, current + quantity, quantity, note, now);
    }

    /// <summary>Replaces the member's quantity (<c>set</c>); zero means leave.</summary>
    public SignUpChange SetQuantity(Member member, int quantity, string? note, DateTimeOffset now, int option = 0) =>
        quantity == 0 ? Leave(member.UserId, now, option) : Apply(member, option, quantity, quantity, note, now);

    /// <summary>The −1 button: one unit less, leaving at zero.</summary>
    public SignUpChange Decrement(Member member, DateTimeOffset now, int option = 0)
    {
        var existing = Find(member.UserId, option);
        if (Status != GroupBuyStatus.Open) return SignUpChange.Refused(SignUpResult.NotOpen);
        if (existing is null || existing.Status == SignUpStatus.Withdrawn) return SignUpChange.Refused(SignUpResult.NotSignedUp);
        return SetQuantity(member, existing.Quantity - 1, null, now, option);
    }

    /// <summary>Withdraws the member from one option, or (<paramref name="option"/> null) from the whole buy.</summary>
    public SignUpChange Leave(long userId, DateTimeOffset now, int? option = null)
    {
        if (Status != GroupBuyStatus.Open) return SignUpChange.Refused(SignUpResult.NotOpen);
        var leaving = _signUps.Where(s => s.UserId == userId && s.Status != SignUpStatus.Withdrawn && (option is null || s.Option == option)).ToList();
        if (leaving.Count == 0) return SignUpChange.Refused(SignUpResult.NotSignedUp);

        Version++;
        var promoted = new List<SignUp>();
        foreach (var signUp in leaving)
        {
            signUp.Withdraw(now);
            promoted.AddRange(PromoteWaitlist(now, signUp.Option));
        }

        return new SignUpChange(SignUpResult.Left, leaving[0], promoted);
    }

    /// <summary>Closes the buy: formed when the minimum is met, failed otherwise. False when it was not open.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Open) return false;
        Change(() =>
        {
            Status = UnitsToForm == 0 ? GroupBuyStatus.Formed : GroupBuyStatus.Failed;
            ClosedAt = now;
            if (Status == GroupBuyStatus.Formed) RecordPaymentsDue(now);
            else RefundAll();
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
            RefundAll();
        });
        return true;
    }

    /// <summary>
    /// What each member of the order owes once the buy formed: their amount, less a deposit they paid. Deposits never
    /// paid are dropped (the balance is the whole amount); a deposit paid by someone who left is to be given back.
    /// </summary>
    private void RecordPaymentsDue(DateTimeOffset now)
    {
        _payments.RemoveAll(p => p.Stage == PaymentStage.Deposit && p.Status is PaymentStatus.Due or PaymentStatus.Claimed);
        var ordered = OrderedSignUps.Select(s => s.UserId).ToHashSet();
        foreach (var gone in _payments.Where(p => p.Status == PaymentStatus.Paid && !ordered.Contains(p.UserId))) gone.MarkRefundDue();
        foreach (var member in OrderedSignUps.GroupBy(s => s.UserId))
        {
            var deposits = _payments.Where(p => p.UserId == member.Key && p.Stage == PaymentStage.Deposit).ToList();
            var owed = member.Sum(AmountOf) - deposits.Where(p => p.Status == PaymentStatus.Paid).Sum(p => p.Amount);
            if (owed <= 0 || _payments.Any(p => p.UserId == member.Key && p.Stage != PaymentStage.Deposit)) continue;
            _payments.Add(new Payment(member.First().Member, deposits.Count > 0 ? PaymentStage.Balance : PaymentStage.Full, owed, now));
        }
    }

    /// <summary>A buy that failed or was cancelled gives back what was paid (deposits).</summary>
    private void RefundAll()
    {
        foreach (var paid in _payments.Where(p => p.Status == PaymentStatus.Paid)) paid.MarkRefundDue();
    }

    /// <summary>
    /// Staged payment: a member who signed up (and has no deposit yet) owes the deposit on their amount now. Null when
    /// the buy takes no deposit, or the member owes none.
    /// </summary>
    public Payment? RequestDeposit(long userId, DateTimeOffset now)
    {
        if (DepositPercent is not { } percent || Status != GroupBuyStatus.Open || _payments.Any(p => p.UserId == userId && p.Stage == PaymentStage.Deposit)) return null;
        var active = ActiveSignUps.Where(s => s.UserId == userId).ToList();
        if (active.Count == 0) return null;
        var amount = active.Sum(AmountOf) * percent / 100m;
        amount = Currency == "XTR" ? decimal.Ceiling(amount) : decimal.Round(amount, 2);
        if (amount <= 0) return null;
        var deposit = new Payment(active[0].Member, PaymentStage.Deposit, amount, now);
        Change(() => _payments.Add(deposit));
        return deposit;
    }

    /// <summary>The bot gave a payment back (Telegram Stars).</summary>
    public void Refunded(string chargeId) => Change(() => _payments.Find(p => p.ChargeId == chargeId)?.MarkRefunded());

    /// <summary>The member's payment still to settle (the earliest stage first); null when none is.</summary>
    public Payment? OpenPaymentOf(long userId) =>
        _payments.Where(p => p.UserId == userId && p.Status is PaymentStatus.Due or PaymentStatus.Claimed).OrderBy(p => p.Stage).FirstOrDefault();

    /// <summary>An organizer records a member's payment (a transfer outside the bot).</summary>
    public PaymentResult MarkPaid(long userId, string? method, long confirmedBy, DateTimeOffset now)
    {
        if (OpenPaymentOf(userId) is not { } payment) return NoOpenPayment(userId);
        Change(() => payment.MarkPaid(Trim(method), confirmedBy, now));
        return PaymentResult.Recorded;
    }

    /// <summary>A member says they paid: the organizer confirms it with <see cref="MarkPaid"/>.</summary>
    public PaymentResult ClaimPaid(long userId, string? method, DateTimeOffset now)
    {
        if (OpenPaymentOf(userId) is not { } payment) return NoOpenPayment(userId);
        if (payment.Status == PaymentStatus.Claimed) return PaymentResult.AlreadyClaimed;
        Change(() => payment.Claim(Trim(method), now));
        return PaymentResult.Recorded;
    }

    /// <summary>An organizer gave a member's money back.</summary>
    public PaymentResult MarkRefunded(long userId)
    {
        var paid = _payments.Where(p => p.UserId == userId && p.Status is PaymentStatus.Paid or PaymentStatus.RefundDue).ToList();
        if (paid.Count == 0) return _payments.Any(p => p.UserId == userId) ? PaymentResult.NotPaid : PaymentResult.NothingOwed;
        Change(() => paid.ForEach(p => p.MarkRefunded()));
        return PaymentResult.Recorded;
    }

    /// <param name="depositPercent">Online only: the share paid at sign-up, 1–99; null pays everything when it forms.</param>
    public void SetPaymentMode(PaymentMode mode, int? depositPercent = null) => Change(() =>
    {
        PaymentMode = mode;
        DepositPercent = mode == PaymentMode.Online ? depositPercent : null;
    });

    /// <summary>
    /// Money that arrived through Telegram for one of the member's payments, recorded once: a second message with the same
    /// charge id changes nothing (<see cref="PaymentResult.AlreadyPaid"/>).
    /// </summary>
    public PaymentResult RecordTelegramPayment(long userId, PaymentStage stage, string method, string chargeId, string? providerChargeId, DateTimeOffset now)
    {
        if (_payments.Any(p => p.ChargeId == chargeId)) return PaymentResult.AlreadyRecorded;
        var payment = _payments.Find(p => p.UserId == userId && p.Stage == stage);
        if (payment is null) return PaymentResult.NothingOwed;
        if (payment.Status is not (PaymentStatus.Due or PaymentStatus.Claimed)) return PaymentResult.AlreadyPaid;
        Change(() => payment.MarkPaid(method, null, now, chargeId, providerChargeId));
        return PaymentResult.Recorded;
    }

    /// <param name="minuteOfDay">Minutes after midnight in the chat's time zone; null turns reminders off.</param>
    public const int MaxPickupPoints = 8;
    public const int MaxPickupLength = 80;

    public void SetPickupPoints(IEnumerable<string> points) => Change(() => _pickupPoints = [.. points.Select(p => p.Trim()).Where(p => p.Length > 0)]);

    /// <summary>The member's choice of pickup point (for all their sign-ups); false for no such point or no sign-up.</summary>
    public bool ChoosePickup(long userId, int point)
    {
        var theirs = _signUps.Where(s => s.UserId == userId && s.Status != SignUpStatus.Withdrawn).ToList();
        if (point < 1 || point > _pickupPoints.Count || theirs.Count == 0) return false;
        Change(() => theirs.ForEach(s => s.ChoosePickup(point)));
        return true;
    }

    /// <summary>The point a member chose (0: none yet). With one point there is nothing to choose: it is that one.</summary>
    public int PickupOf(long userId) => _pickupPoints.Count == 1 ? 1 : _signUps.Where(s => s.UserId == userId).Select(s => s.Pickup).FirstOrDefault(p => p > 0);

    public void SetPaymentReminder(int? minuteOfDay) => Change(() => PaymentReminderMinute = minuteOfDay);

    /// <summary>Members still owing who were not reminded since <paramref name="dayStart"/>: marked reminded now.</summary>
    public IReadOnlyList<Payment> RemindUnpaid(DateTimeOffset dayStart, DateTimeOffset now)
    {
        var due = _payments.Where(p => p.Status == PaymentStatus.Due && (p.RemindedAt is null || p.RemindedAt < dayStart)).ToList();
        if (due.Count > 0) Change(() => due.ForEach(p => p.Reminded(now)));
        return due;
    }

    private PaymentResult NoOpenPayment(long userId) =>
        _payments.Any(p => p.UserId == userId && p.Status == PaymentStatus.Paid) ? PaymentResult.AlreadyPaid : PaymentResult.NothingOwed;

    private static string? Trim(string? method) =>
        string.IsNullOrWhiteSpace(method) ? null : method.Trim() is { Length: > Payment.MaxMethodLength } longer ? longer[..Payment.MaxMethodLength] : method.Trim();

    public SignUp? Find(long userId, int option = 0) => _signUps.Find(s => s.UserId == userId && s.Option == option);

    /// <summary>The member's sign-ups that count (active or waiting), one per option.</summary>
    public IEnumerable<SignUp> SignUpsOf(long userId) => _signUps.Where(s => s.UserId == userId && s.Status != SignUpStatus.Withdrawn).OrderBy(s => s.Option);

    private SignUpChange Apply(Member member, int option, int newQuantity, int requested, string? note, DateTimeOffset now)
    {
        if (Status != GroupBuyStatus.Open) return SignUpChange.Refused(SignUpResult.NotOpen);
        if (HasOptions ? OptionOf(option) is null : option != 0) return SignUpChange.Refused(SignUpResult.UnknownOption);
        if (requested < 1 || newQuantity < 1 || newQuantity > SignUp.MaxQuantity) return SignUpChange.Refused(SignUpResult.InvalidQuantity);

        note = NormalizeNote(note);
        var existing = Find(member.UserId, option);
        var current = existing is { Status: not SignUpStatus.Withdrawn } ? existing.Quantity : 0;
        if (OptionOf(option) is { Closed: true } && newQuantity > current) return SignUpChange.Refused(SignUpResult.OptionClosed);

        var wasActive = existing?.Status == SignUpStatus.Active;
        var activeOthers = UnitsIn(option) - (wasActive ? existing!.Quantity : 0);
        var fits = CapacityIn(option) is not { } capacity || activeOthers + newQuantity <= capacity;

        // Nobody jumps the queue: a newcomer waits while others wait (for the same option), even if their quantity would fit.
        var waitingAhead = _signUps.Any(s => s.Status == SignUpStatus.Waitlisted && s.Option == option && s.UserId != member.UserId);
        SignUpStatus status;
        if (wasActive)
        {
            // An active member is never pushed back to the queue; a change that doesn't fit is refused.
            if (!fits) return SignUpChange.Refused(SignUpResult.NotEnoughPlaces, PlacesLeftIn(option) ?? 0);
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
            existing = new SignUp(member, option, newQuantity, note, status, now);
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

        var promoted = PromoteWaitlist(now, option);
        return new SignUpChange(result, existing, promoted);
    }

    /// <summary>Moves members waiting for an option into its freed places, in the order they queued.</summary>
    private List<SignUp> PromoteWaitlist(DateTimeOffset now, int option)
    {
        var promoted = new List<SignUp>();
        var queue = Waitlist.Where(s => s.Option == option).ToList();
        if (CapacityIn(option) is not { } capacity)
        {
            foreach (var waiting in queue)
            {
                waiting.Promote(now);
                promoted.Add(waiting);
            }

            return promoted;
        }

        var active = UnitsIn(option);
        foreach (var waiting in queue)
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

/// <summary>What a payment action did, or why it did nothing.</summary>
/// <summary>How often a buy comes round again.</summary>
public enum BuyRhythm
{
    /// <summary>None set: a rhythm seen in past rounds of the kind may still be suggested.</summary>
    None,
    Monthly,
    Yearly,

    /// <summary>The organizer said <c>/repeat off</c>: no reminder, not even for a rhythm seen in past rounds.</summary>
    Off,
}

/// <summary>How a buy's members pay.</summary>
public enum PaymentMode
{
    /// <summary>Outside the bot (transfers, cash); members say they paid and organizers confirm.</summary>
    Manual,

    /// <summary>A Telegram invoice to each member when the buy forms (a payment provider, or Telegram Stars).</summary>
    Online,
}

public enum PaymentResult
{
    Recorded,

    /// <summary>This Telegram charge was recorded before (its message arrived again).</summary>
    AlreadyRecorded,
    AlreadyPaid,
    AlreadyClaimed,

    /// <summary>The member owes nothing on this buy (not in its order, or it has not formed).</summary>
    NothingOwed,

    /// <summary>A refund of a payment that was never made.</summary>
    NotPaid,
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
    Options,
    Pickup,
}
