using GroupBuyBot.Core.Features.Organizing;
using GroupBuyBot.Core.Parsing;

namespace GroupBuyBot.Core.Features.Export;

/// <summary><c>/export [#]</c>: the organizer gets the buy's sign-ups as a CSV file, privately.</summary>
public sealed class ExportHandler(BuyLocator locator, OrganizerPolicy organizers)
{
    public async Task<Outcome> Handle(CommandContext context, string arguments, CancellationToken ct)
    {
        if (!await organizers.IsOrganizer(context, ct)) return OrganizerPolicy.Refusal(context);
        BuyReference.Split(arguments, allowBareNumber: true, out var number);
        var (buy, problem) = await locator.Locate(context, number, "/export", ct);
        if (problem is not null) return problem;

        var fileName = $"groupbuy-{buy!.Number}.csv";
        return new Outcome
        {
            Reply = context.Text("ExportSent", buy.Number),
            Document = new PrivateDocument(context.Actor.UserId, fileName, SignUpsCsv.Build(buy),
                $"#{buy.Number} {buy.Title}", context.Text("ExportUnreachable", Html.Escape(context.Actor.DisplayName))),
        };
    }
}
