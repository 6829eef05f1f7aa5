using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Features.Ratings;
using GroupBuyBot.Core.Features.Export;
using GroupBuyBot.Core.Features.Listing;
using GroupBuyBot.Core.Features.NewBuy;
using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.Features.Pickup;
using GroupBuyBot.Core.Features.Recurring;
using GroupBuyBot.Core.Features.Sharing;
using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Features.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;
using BotCommand = GroupBuyBot.Core.Parsing.BotCommand;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <summary>A group command: its use case, given the request, the parsed command and the member's message.</summary>
public delegate Task<Outcome> GroupCommand(IServiceProvider services, CommandContext context, BotCommand command, Message message, CancellationToken ct);

/// <summary>Which use case answers which command in a group: one table, looked up by name.</summary>
public static class GroupCommands
{
    public static IReadOnlyDictionary<string, GroupCommand> Table { get; } = Build();

    private static Dictionary<string, GroupCommand> Build()
    {
        var table = new Dictionary<string, GroupCommand>(StringComparer.Ordinal);
        void Add(GroupCommand command, params string[] names)
        {
            foreach (var name in names) table.Add(name, command);
        }

        Add((_, c, _, _, _) => Task.FromResult(Outcome.Say(c.Text("Help"))), "start", "help");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<NewBuyHandler>().Start(c, cmd.Arguments, ct), "newbuy");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<NewBuyHandler>().Again(c, cmd.Arguments, ct), "again");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<RecurringBuys>().Repeat(c, cmd.Arguments, ct), "repeat");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<SignUpHandler>().Join(c, cmd.Arguments, ct), "join");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<SignUpHandler>().Set(c, cmd.Arguments, ct), "set");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<SignUpHandler>().Leave(c, cmd.Arguments, ct), "leave");
        Add((s, c, _, _, ct) => s.GetRequiredService<BuysQuery>().Handle(c, ct), "buys", "list");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<ClosingHandler>().Close(c, cmd.Arguments, ct), "close");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<ClosingHandler>().Cancel(c, cmd.Arguments, ct), "cancel");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<EditingHandler>().Edit(c, cmd.Arguments, ct), "edit");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<EditingHandler>().Extend(c, cmd.Arguments, ct), "extend");
        Add((s, c, cmd, m, ct) => s.GetRequiredService<OrganizersHandler>().Handle(c, cmd.Arguments, RepliedMember(m), ct), "organizers", "organizer");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<LanguageHandler>().Handle(c, cmd.Arguments, ct), "lang", "language");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<SupplierHandler>().Handle(c, cmd.Arguments, s.GetRequiredService<BotIdentity>().Username, ct), "supplier", "suppliers");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<ExportHandler>().Handle(c, cmd.Arguments, ct), "export");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<DiscoveryHandler>().Toggle(c, cmd.Arguments, ct), "discovery");
        Add((s, c, _, _, ct) => s.GetRequiredService<DiscoveryHandler>().ForgetMe(c, ct), "forgetme");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<QuoteHandler>().Request(c, cmd.Arguments, ct), "quote", "quotes");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<DeliveryHandler>().InGroup(c, cmd.Arguments, ct), "delivered");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<PaymentsHandler>().Overview(c, cmd.Arguments, ct), "payments");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<PickupHandler>().Choose(c, cmd.Arguments, ct), "pickup");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<PickupHandler>().Ready(c, cmd.Arguments, ct), "ready");
        Add((s, c, cmd, m, ct) => s.GetRequiredService<PaymentsHandler>().Paid(c, cmd.Arguments, RepliedMember(m), ct), "paid");
        Add((s, c, cmd, m, ct) => s.GetRequiredService<PaymentsHandler>().Refunded(c, cmd.Arguments, RepliedMember(m), ct), "refunded");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<LinkHandler>().Link(c, cmd.Arguments, ct), "link");
        Add((s, c, _, _, ct) => s.GetRequiredService<LinkHandler>().List(c, ct), "links");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<LinkHandler>().Unlink(c, cmd.Arguments, ct), "unlink");
        Add((s, c, cmd, _, ct) => s.GetRequiredService<ShareHandler>().Share(c, cmd.Arguments, ct), "share");
        return table;
    }

    private static Core.GroupBuys.Member? RepliedMember(Message message) =>
        message.ReplyToMessage?.From is { IsBot: false } user ? Requests.MemberOf(user) : null;
}
