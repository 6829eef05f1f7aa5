using GroupBuyBot.BotApiEmulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GroupBuyBot.BotApiEmulator.Driver;

/// <summary>The members' side of payments: pay an invoice, read the bot's answer, the payments, replays and refunds.</summary>
internal static partial class DriverEndpoints
{
    private static void MapPaymentRoutes(RouteGroupBuilder driver, EmulatorState state)
    {
        driver.MapPost("/chats/{chatId:long}/messages/{messageId:int}/pay", (HttpContext http, long chatId, int messageId) =>
            Run<PayRequest>(http, request => Ok(state.PayInvoice(chatId, messageId, request.UserId, request.CardDeclined))));

        driver.MapGet("/pre-checkout-queries/{id}", (string id) =>
            state.GetPreCheckoutAnswer(id) is { } answer ? Ok(answer) : NotFound($"Pre-checkout query {id} does not exist."));
        driver.MapPost("/pre-checkout-queries/{id}/wait", async (HttpContext http, string id) =>
        {
            var request = await ReadAsync<WaitForAnswerRequest>(http, allowEmptyBody: true) ?? new WaitForAnswerRequest();
            if (state.GetPreCheckoutAnswer(id) is null)
            {
                return NotFound($"Pre-checkout query {id} does not exist.");
            }

            try
            {
                return Ok(await state.WaitForPreCheckoutAnswer(id, TimeSpan.FromMilliseconds(request.TimeoutMs)));
            }
            catch (TimeoutException error)
            {
                return RequestTimeout(error.Message);
            }
        });
        driver.MapGet("/pre-checkout-queries/{id}/payment", (string id) =>
            state.GetSuccessfulPayment(id) is { } payment ? Ok(payment) : NotFound($"Pre-checkout query {id} led to no payment."));

        driver.MapGet("/payments", () => Ok(state.GetSuccessfulPayments()));
        driver.MapPost("/payments/{telegramPaymentChargeId}/replay", (string telegramPaymentChargeId) =>
            Run(() => Ok(state.ReplaySuccessfulPayment(telegramPaymentChargeId))));
        driver.MapGet("/star-refunds", () => Ok(state.GetStarRefunds()));
    }
}
