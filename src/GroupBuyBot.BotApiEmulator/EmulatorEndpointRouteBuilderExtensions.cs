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
        endpoints.MapMethods("/bot{token}/{method}", ["GET", "POST"], (Microsoft.AspNetCore.Http.HttpContext http, string token, string method) =>
            TelegramEndpoint.HandleAsync(http, state, token, method));
        endpoints.MapEmulatorDriver(state);
        return endpoints;
    }
}
