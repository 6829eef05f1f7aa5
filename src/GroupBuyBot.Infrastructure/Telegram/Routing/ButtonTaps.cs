using GroupBuyBot.Core.Features;
using GroupBuyBot.Core.Features.Discovery;
using GroupBuyBot.Core.Features.Payments;
using GroupBuyBot.Core.Features.Pickup;
using GroupBuyBot.Core.Features.Recurring;
using GroupBuyBot.Core.Features.Quotes;
using GroupBuyBot.Core.Features.Ratings;
using GroupBuyBot.Core.Features.SignUps;
using GroupBuyBot.Core.Features.Suppliers;
using GroupBuyBot.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;

namespace GroupBuyBot.Infrastructure.Telegram.Routing;

/// <param name="Context">Who tapped, in which chat; <see cref="CommandContext.ReplyToMessageId"/> is the tapped message.</param>
/// <param name="Data">The button's parsed callback data.</param>
/// <param name="Message">The message the button is under.</param>
public sealed record ButtonTap(CommandContext Context, CallbackData Data, Message Message)
{
    public bool InPrivate => Message.Chat.Type == global::Telegram.Bot.Types.Enums.ChatType.Private;
}

/// <summary>A button's use case: what it says in the chat (stored for the outbox) and the tap's toast.</summary>
public delegate Task<Outcome> ButtonHandler(IServiceProvider services, ButtonTap tap, CancellationToken ct);

/// <summary>Which use case answers which button: one table, by the callback data's prefix (<see cref="CallbackData"/>).</summary>
public sealed class ButtonTaps(IServiceProvider services, OutcomeRecorder recorder)
{
    private static readonly Dictionary<string, ButtonHandler> Table = new(StringComparer.Ordinal)
    {
        [CallbackData.SignUp] = (s, tap, ct) => ListButtons.Request(tap.Data) is { } request
            ? s.GetRequiredService<SignUpHandler>().Apply(tap.Context, tap.Data.First, request, asToast: true, ct)
            : Invalid(tap),
        [CallbackData.Suggestion] = Suggestion,
        [CallbackData.SupplierChoice] = (s, tap, ct) => tap is { InPrivate: false, Data.Action: 'c' }
            ? s.GetRequiredService<SupplierHandler>().Choose(tap.Context, tap.Data.First, tap.Data.Second, ct)
            : Invalid(tap),
        [CallbackData.SupplierOrder] = (s, tap, ct) => tap.InPrivate
            ? s.GetRequiredService<SupplierOrderHandler>().Answer(tap.Context.Actor, tap.Data.Action, tap.Data.First, ct)
            : Invalid(tap),
        [CallbackData.Quote] = (s, tap, ct) => (tap.Data.Action, tap.InPrivate) switch
        {
            // An organizer's pick on the board (group); a supplier's quick answer under the request (private).
            (QuoteCallbacks.ChooseAction, false) => s.GetRequiredService<QuoteHandler>().Choose(tap.Context, tap.Data.First, tap.Data.Second, ct),
            (QuoteCallbacks.PriceAction, true) => s.GetRequiredService<QuoteHandler>().Button(tap.Context.Actor, tap.Data.First, tap.Data.Second / 100m, ct),
            (QuoteCallbacks.DeclineAction, true) => s.GetRequiredService<QuoteHandler>().Button(tap.Context.Actor, tap.Data.First, null, ct),
            _ => Invalid(tap),
        },
        [CallbackData.Payment] = (s, tap, ct) => tap is { InPrivate: true, Data.Action: PaymentsHandler.MarkPaidAction }
            ? s.GetRequiredService<PaymentsHandler>().MarkFromButton(tap.Context, tap.Data.First, tap.Data.Second,
                new MessageEdit(tap.Message.Chat.Id, tap.Message.MessageId, ""), ct)
            : Invalid(tap),
        [CallbackData.Pickup] = (s, tap, ct) => tap.Data is { Action: PickupHandler.ChooseAction, Second: > 0 and <= 100 }
            ? s.GetRequiredService<PickupHandler>().FromButton(tap.Context, tap.Data.First, (int)tap.Data.Second, ct)
            : Invalid(tap),
        [CallbackData.Recurring] = (s, tap, ct) => tap.Data.Action == RecurringBuys.TellAction
            ? s.GetRequiredService<RecurringBuys>().TellMeNextTime(tap.Context, tap.Data.First, ct)
            : Invalid(tap),
        [CallbackData.Rating] = async (s, tap, ct) => new Outcome
        {
            Toast = await s.GetRequiredService<DeliveryHandler>().Rate(tap.Context.Actor, tap.Message.Chat.Id, tap.Data.First, tap.Data.Action - '0',
                tap.Data.Second is > 0 and <= 100 ? (int)tap.Data.Second : 0, ct),
        },
    };

    /// <summary>Runs the button's use case and stores what it says; returns the toast (null: none).</summary>
    public async Task<string?> Handle(CommandContext context, CallbackData data, Message tapped, CancellationToken ct)
    {
        var tap = new ButtonTap(context, data, tapped);
        var outcome = Table.TryGetValue(data.Prefix, out var handler) ? await handler(services, tap, ct) : await Invalid(tap);
        await recorder.Record(context, outcome with { Toast = null }, ct);
        return outcome.Toast;
    }

    private static Task<Outcome> Invalid(ButtonTap tap) => Task.FromResult(new Outcome { Toast = tap.Context.Text("CallbackInvalid") });

    /// <summary>An organizer's tap under a need suggestion: decided once, then the buttons go and the decision shows.</summary>
    private static async Task<Outcome> Suggestion(IServiceProvider services, ButtonTap tap, CancellationToken ct)
    {
        if (SuggestionButtons.Choice(tap.Data) is not { } choice) return await Invalid(tap);
        var handler = services.GetRequiredService<NeedSuggestionHandler>();

        // A model writes the draft's proposal: the organizer hears at once, the draft follows (ModelCalls).
        if (choice == SuggestionChoice.StartBuy && handler.StartIsSlow && await handler.Drafting(tap.Context, ct) is { } drafting
            && services.GetRequiredService<ModelCalls>().TryQueue(services.GetRequiredService<UpdateCompletion>(), tap.Context.RequestId,
                async (scope, token) =>
                {
                    var decided = await Decide(scope, tap, choice, token);
                    await scope.GetRequiredService<OutcomeRecorder>().Record(tap.Context, decided with { Toast = null }, token);
                }))
        {
            return new Outcome { Toast = drafting, Recorded = true };
        }

        return await Decide(services, tap, choice, ct);
    }

    private static async Task<Outcome> Decide(IServiceProvider services, ButtonTap tap, SuggestionChoice choice, CancellationToken ct)
    {
        var decision = await services.GetRequiredService<NeedSuggestionHandler>().Decide(tap.Context, choice, tap.Data.First, ct);
        if (decision.Decided is { } decided)
        {
            var edit = new MessageEdit(tap.Message.Chat.Id, tap.Message.MessageId, Html.Escape(tap.Message.Text) + "\n\n" + decided);
            await services.GetRequiredService<OutcomeRecorder>().Record(tap.Context, new Outcome { Edit = edit }, ct);
        }

        return decision.Outcome;
    }
}
