using GroupBuyBot.BotApiEmulator.Driver;
using GroupBuyBot.Core.Discovery;
using GroupBuyBot.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GroupBuyBot.Playground;

/// <summary>
/// The page (<c>/</c>) and what it needs beyond the emulator's driver API: which group to show, and the need board.
/// Everything else the page does (write, tap, add members, fast-forward) goes through <c>/driver/...</c>.
/// </summary>
public static class PlaygroundEndpoints
{
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints, long groupChatId)
    {
        endpoints.MapGet("/", () => PlaygroundAssets.Serve("index.html"));
        endpoints.MapGet("/playground/assets/{name}", (string name) => PlaygroundAssets.Serve(name));

        // The clock is shown in the chats' time zone, the one deadlines are written in.
        endpoints.MapGet("/playground/info", (IOptions<ChatDefaultsOptions> chats) =>
            Results.Json(new { group_chat_id = groupChatId, time_zone = chats.Value.TimeZone, bot_language = chats.Value.Language }, DriverJson.Options));

        endpoints.MapGet("/playground/clock", (OffsetTimeProvider clock) =>
            Results.Json(new { now = clock.GetUtcNow(), ahead_seconds = (long)clock.Offset.TotalSeconds }, DriverJson.Options));

        // The need board: filled in by the discovery feature's INeedBoardView.
        endpoints.MapGet("/playground/needs", async (long? chatId, INeedBoardView board, CancellationToken ct) =>
        {
            var needs = await board.GetNeedsAsync(chatId ?? groupChatId, ct);
            return Results.Json(new { available = board.IsAvailable, needs }, DriverJson.Options);
        });
        return endpoints;
    }
}
