using System.Text.Json;
using GroupBuyBot.Core.Chats;
using GroupBuyBot.Core.Discovery.Board;
using GroupBuyBot.Core.GroupBuys;
using GroupBuyBot.Core.Suppliers;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GroupBuyBot.Infrastructure.Persistence;

/// <summary>
/// The bot's database: group buys and sign-ups, chats, organizers, and polling bookkeeping. One model for every
/// provider; each provider has its own subclass (<see cref="Sqlite.SqliteBotDbContext"/>,
/// <see cref="Postgres.PostgresBotDbContext"/>) only so that its migrations are kept apart, as EF Core's
/// "Migrations with Multiple Providers" recommends. Code outside <c>Persistence</c> sees only this type.
/// </summary>
public abstract class BotDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<GroupBuy> GroupBuys => Set<GroupBuy>();
    public DbSet<SignUp> SignUps => Set<SignUp>();
    public DbSet<ChatSettings> Chats => Set<ChatSettings>();
    public DbSet<ChatOrganizer> ChatOrganizers => Set<ChatOrganizer>();
    public DbSet<KnownMember> KnownMembers => Set<KnownMember>();
    public DbSet<HandledRequest> HandledRequests => Set<HandledRequest>();
    public DbSet<BotStateEntry> BotState => Set<BotStateEntry>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierInvite> SupplierInvites => Set<SupplierInvite>();
    public DbSet<SupplierOrder> SupplierOrders => Set<SupplierOrder>();
    public DbSet<BoardNeed> BoardNeeds => Set<BoardNeed>();
    public DbSet<SupplierQuote> SupplierQuotes => Set<SupplierQuote>();
    public DbSet<QuoteBoard> QuoteBoards => Set<QuoteBoard>();
    public DbSet<SupplierRating> SupplierRatings => Set<SupplierRating>();
    public DbSet<InboxUpdate> Inbox => Set<InboxUpdate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ChatLink> ChatLinks => Set<ChatLink>();

    private readonly List<OutboxMessage> _outboxAdded = [];

    /// <summary>
    /// The outbox rows added through this context, in order. Looked up instead of <c>ChangeTracker.Entries</c>, which
    /// detects changes in everything tracked on every call: with a buy's 1,000 sign-ups loaded, each of a batch's 100
    /// taps paid for that scan.
    /// </summary>
    public IReadOnlyList<OutboxMessage> OutboxAdded
    {
        get
        {
            ForgetEarlierLease();
            return _outboxAdded;
        }
    }

    public void AddToOutbox(OutboxMessage row)
    {
        ForgetEarlierLease();
        Outbox.Add(row);
        _outboxAdded.Add(row);
    }

    // Contexts are pooled, and the pool resets only EF's own state: rows the tracker no longer knows (it was
    // cleared when the context went back) were added under an earlier lease. Entry() looks at that one row only.
    private void ForgetEarlierLease()
    {
        if (_outboxAdded.Count > 0 && Entry(_outboxAdded[0]).State == EntityState.Detached) _outboxAdded.Clear();
    }

    /// <summary>
    /// A buy that ends in this save gets its <see cref="OutboxKind.BuyEnded"/> row in the same transaction, whichever
    /// path closed it: a crash between the commit and the notifications then loses nothing.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<GroupBuy>().Where(e => e.State == EntityState.Modified).ToList())
        {
            var status = entry.Property(b => b.Status);
            if (status.IsModified && !status.OriginalValue.IsFinal() && entry.Entity.Status is GroupBuyStatus.Formed or GroupBuyStatus.Failed or GroupBuyStatus.Cancelled)
            {
                var at = entry.Entity.ClosedAt ?? default;
                AddToOutbox(new OutboxMessage { Kind = OutboxKind.BuyEnded, ChatId = entry.Entity.ChatId, ThreadId = entry.Entity.ThreadId, BuyId = entry.Entity.Id, CreatedAt = at });
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC ticks: sortable and comparable in SQL on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GroupBuy>(buy =>
        {
            buy.HasKey(b => b.Id);
            buy.Property(b => b.Title).HasMaxLength(GroupBuy.MaxTitleLength);
            buy.Property(b => b.Description).HasMaxLength(GroupBuy.MaxDescriptionLength);
            buy.Property(b => b.Currency).HasMaxLength(8);
            buy.Property(b => b.UnitName).HasMaxLength(20);
            buy.Property(b => b.Version).IsConcurrencyToken();
            buy.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
            buy.OwnsOne(b => b.Organizer, organizer =>
            {
                organizer.Property(m => m.UserId).HasColumnName("OrganizerId");
                organizer.Property(m => m.DisplayName).HasColumnName("OrganizerName");
                organizer.Property(m => m.Username).HasColumnName("OrganizerUsername");
            });
            buy.Property(b => b.Tiers)
                .HasField("_tiers")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    tiers => JsonSerializer.Serialize(tiers, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<List<PriceTier>>(json, JsonSerializerOptions.Default) ?? new List<PriceTier>(),
                    new ValueComparer<IReadOnlyList<PriceTier>>((a, b) => a!.SequenceEqual(b!), t => t.Count, t => t.ToList()));
            buy.Property(b => b.Options)
                .HasField("_options")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    options => JsonSerializer.Serialize(options, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<List<BuyOption>>(json, JsonSerializerOptions.Default) ?? new List<BuyOption>(),
                    new ValueComparer<IReadOnlyList<BuyOption>>(
                        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                        o => o.Count, o => o.ToList()));
            buy.Property(b => b.PickupPoints)
                .HasField("_pickupPoints")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    points => JsonSerializer.Serialize(points, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
                    new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), p => p.Count, p => p.ToList()));
            buy.Property(b => b.TellWhenOpen)
                .HasField("_tellWhenOpen")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    ids => JsonSerializer.Serialize(ids, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<List<long>>(json, JsonSerializerOptions.Default) ?? new List<long>(),
                    new ValueComparer<IReadOnlyList<long>>((a, b) => a!.SequenceEqual(b!), i => i.Count, i => i.ToList()));
            buy.Property(b => b.Groups)
                .HasField("_groups")
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(
                    groups => JsonSerializer.Serialize(groups, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<List<BuyGroup>>(json, JsonSerializerOptions.Default) ?? new List<BuyGroup>(),
                    new ValueComparer<IReadOnlyList<BuyGroup>>((a, b) => a!.SequenceEqual(b!), g => g.Count, g => g.ToList()));
            buy.Property(b => b.Rhythm).HasConversion<string>().HasMaxLength(16);
            buy.Ignore(b => b.NextRoundAt);
            buy.Ignore(b => b.OrderedSignUps);
            buy.Ignore(b => b.ActiveSignUps);
            buy.Ignore(b => b.Waitlist);
            buy.HasMany(b => b.SignUps).WithOne().HasForeignKey(s => s.GroupBuyId).OnDelete(DeleteBehavior.Cascade);
            buy.Navigation(b => b.SignUps).HasField("_signUps").UsePropertyAccessMode(PropertyAccessMode.Field);
            buy.HasMany(b => b.Payments).WithOne().HasForeignKey(p => p.GroupBuyId).OnDelete(DeleteBehavior.Cascade);
            buy.Navigation(b => b.Payments).HasField("_payments").UsePropertyAccessMode(PropertyAccessMode.Field);
            buy.HasIndex(b => new { b.ChatId, b.Number }).IsUnique();
            buy.HasIndex(b => new { b.ChatId, b.Status });
            buy.HasIndex(b => new { b.ChatId, b.AnnouncementMessageId });
            buy.HasIndex(b => new { b.IsShared, b.Status });
        });

        modelBuilder.Entity<SignUp>(signUp =>
        {
            signUp.HasKey(s => s.Id);
            signUp.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            signUp.Property(s => s.Note).HasMaxLength(SignUp.MaxNoteLength);
            signUp.Ignore(s => s.Member);

            // The database itself refuses a second sign-up of a member for a buy's option.
            signUp.HasIndex(s => new { s.GroupBuyId, s.UserId, s.Option }).IsUnique();
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Stage).HasConversion<string>().HasMaxLength(16);
            payment.Property(p => p.Method).HasMaxLength(Payment.MaxMethodLength);
            payment.Property(p => p.ChargeId).HasMaxLength(200);
            payment.Property(p => p.ProviderChargeId).HasMaxLength(200);
            payment.Ignore(p => p.Member);
            payment.Ignore(p => p.IsSettled);

            // One row per member and stage; a Telegram charge is recorded once, however often its message arrives.
            payment.HasIndex(p => new { p.GroupBuyId, p.UserId, p.Stage }).IsUnique();
            payment.HasIndex(p => p.ChargeId).IsUnique();
        });

        modelBuilder.Entity<ChatSettings>(chat =>
        {
            chat.HasKey(c => c.ChatId);
            chat.Property(c => c.ChatId).ValueGeneratedNever();
            chat.Property(c => c.Language).HasConversion<string>().HasMaxLength(8);
            chat.Property(c => c.TimeZoneId).HasMaxLength(64);
            chat.Ignore(c => c.TimeZone);
        });

        modelBuilder.Entity<ChatOrganizer>().HasKey(o => new { o.ChatId, o.UserId });
        modelBuilder.Entity<KnownMember>(member =>
        {
            member.HasKey(m => new { m.ChatId, m.UserId });
            member.HasIndex(m => new { m.ChatId, m.UsernameKey });
        });
        modelBuilder.Entity<HandledRequest>(request =>
        {
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).ValueGeneratedNever();
            request.HasIndex(r => r.HandledAt);
        });
        modelBuilder.Entity<BotStateEntry>().HasKey(e => e.Key);

        modelBuilder.Entity<Supplier>(supplier =>
        {
            supplier.HasKey(s => s.Id);
            supplier.Property(s => s.Name).HasMaxLength(128);
            supplier.Property(s => s.Username).HasMaxLength(64);
            supplier.Ignore(s => s.AverageRating);
            supplier.Ignore(s => s.Contact);
            supplier.HasIndex(s => new { s.ChatId, s.UserId }).IsUnique();
            supplier.HasIndex(s => s.UserId);
        });
        modelBuilder.Entity<SupplierInvite>(invite =>
        {
            invite.HasKey(i => i.Code);
            invite.Property(i => i.Code).HasMaxLength(64);
        });
        modelBuilder.Entity<SupplierOrder>(order =>
        {
            order.HasKey(o => o.BuyId);
            order.Property(o => o.BuyId).ValueGeneratedNever();
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.ProposedDate).HasMaxLength(200);
            order.HasIndex(o => new { o.SupplierId, o.Status });
        });

        modelBuilder.Entity<BoardNeed>(need =>
        {
            need.HasKey(n => n.Id);
            need.Property(n => n.Summary).HasMaxLength(200);
            need.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            need.Ignore(n => n.EvidenceMessageIds);

            // Members (ids, names, message ids) as one JSON column: always read and written with their need.
            need.Property(n => n.Members).HasConversion(
                members => JsonSerializer.Serialize(members, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<BoardMember>>(json, JsonSerializerOptions.Default) ?? new List<BoardMember>(),
                new ValueComparer<List<BoardMember>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                    m => JsonSerializer.Serialize(m, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
                    m => JsonSerializer.Deserialize<List<BoardMember>>(JsonSerializer.Serialize(m, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!));
            need.Property(n => n.PooledWith).HasConversion(
                ids => JsonSerializer.Serialize(ids, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<long>>(json, JsonSerializerOptions.Default) ?? new List<long>(),
                new ValueComparer<List<long>>((a, b) => a!.SequenceEqual(b!), i => i.Count, i => i.ToList()));
            need.HasIndex(n => new { n.ChatId, n.Status });
            need.HasIndex(n => n.LastActiveAt);
        });

        modelBuilder.Entity<SupplierQuote>(quote =>
        {
            quote.HasKey(q => new { q.BuyId, q.SupplierId });
            quote.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
            quote.Property(q => q.Note).HasMaxLength(SupplierQuote.MaxNoteLength);
            quote.Property(q => q.Tiers).HasConversion(
                tiers => JsonSerializer.Serialize(tiers, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<PriceTier>>(json, JsonSerializerOptions.Default) ?? new List<PriceTier>(),
                new ValueComparer<List<PriceTier>>((a, b) => a!.SequenceEqual(b!), t => t.Count, t => t.ToList()));
            quote.Ignore(q => q.IsOpen);
            quote.HasIndex(q => new { q.SupplierId, q.RequestMessageId });
        });
        modelBuilder.Entity<QuoteBoard>(board =>
        {
            board.HasKey(b => b.BuyId);
            board.Property(b => b.BuyId).ValueGeneratedNever();
        });
        modelBuilder.Entity<SupplierRating>(rating =>
        {
            // One rating per participant and buy (and option): changing it replaces the row.
            rating.HasKey(r => new { r.BuyId, r.UserId, r.Option });
            rating.HasIndex(r => r.SupplierId);
        });
        modelBuilder.Entity<InboxUpdate>(update =>
        {
            update.HasKey(u => u.UpdateId);
            update.Property(u => u.UpdateId).ValueGeneratedNever();

            // With several instances: a chat's waiting updates (taken by whoever holds the chat), and the ones left unclaimed.
            update.HasIndex(u => new { u.ChatId, u.UpdateId });
            update.HasIndex(u => u.ReceivedAt);
        });
        modelBuilder.Entity<ChatLink>(link =>
        {
            link.HasKey(l => l.Id);
            link.Property(l => l.Code).HasMaxLength(16);
            link.Property(l => l.Title).HasMaxLength(256);
            link.Property(l => l.OtherTitle).HasMaxLength(256);
            link.Ignore(l => l.IsLinked);
            link.HasIndex(l => l.Code).IsUnique();
            link.HasIndex(l => l.ChatId);
            link.HasIndex(l => l.OtherChatId);
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
            message.HasIndex(m => m.NextAttemptAt);
            message.HasIndex(m => new { m.ChatId, m.Id });
            message.HasIndex(m => new { m.BuyId, m.Kind });
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

/// <summary>A member an administrator appointed organizer of a chat.</summary>
public sealed class ChatOrganizer
{
    public long ChatId { get; set; }
    public long UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Username { get; set; }
}

/// <summary>A member seen writing in a chat, so organizers can name them by @username.</summary>
public sealed class KnownMember
{
    public long ChatId { get; set; }
    public long UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public string? Username { get; set; }

    /// <summary>Lower-cased username: Telegram usernames are case-insensitive.</summary>
    public string? UsernameKey { get; set; }
}

/// <summary>A Telegram update whose changes were applied: a redelivered update is not applied twice.</summary>
public sealed class HandledRequest
{
    public long Id { get; set; }
    public DateTimeOffset HandledAt { get; set; }
}

/// <summary>Small named values the bot keeps, such as the last handled update id.</summary>
public sealed class BotStateEntry
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
