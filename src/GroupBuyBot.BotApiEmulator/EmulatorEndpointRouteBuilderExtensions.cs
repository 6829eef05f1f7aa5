using GroupBuyBot.BotApiEmulator.Driver;
using GroupBuyBot.BotApiEmulator.State;
using GroupBuyBot.BotApiEmulator.TelegramApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace GroupBuyBot.BotApiEmulator;

public static class EmulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the emulated Bot API (<c>/bot{token}/{method}</c>) and the driver (<c>/driver/...</c>) from an existing app.
    /// Map it at the root: Telegram.Bot keeps only the scheme and authority of its base URL.
    /// </summary>
    public static IEndpointRouteBuilder MapBotApiEmulator(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        // Not "/bot{token}/…": ASP.NET matches such a complex segment from the right, so a token that itself
        // contains "bot" (any case) would never match. The prefix is checked by hand instead.
        endpoints.MapMethods("/{botAndToken}/{method}", ["GET", "POST"], (Microsoft.AspNetCore.Http.HttpContext http, string botAndToken, string method) =>
        {
            if (!botAndToken.StartsWith("bot", StringComparison.Ordinal))
            {
                http.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            return TelegramEndpoint.HandleAsync(http, state, botAndToken[3..], method);
        });
        endpoints.MapEmulatorDriver(state);
        return endpoints;
    }
}
