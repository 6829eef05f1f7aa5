using GroupBuyBot.BotApiEmulator.State;
using Microsoft.AspNetCore.Routing;

namespace GroupBuyBot.BotApiEmulator.Driver;

internal static class DriverEndpoints
{
    public static void MapEmulatorDriver(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        _ = endpoints;
        _ = state;
    }
}
