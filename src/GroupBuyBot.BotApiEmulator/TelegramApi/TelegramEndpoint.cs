using System.Text.Json.Nodes;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace GroupBuyBot.BotApiEmulator.TelegramApi;

/// <summary>Handles <c>/bot{token}/{method}</c>: token check, faults, flood limits, call log, Telegram's envelope.</summary>
internal static class TelegramEndpoint
{
    public static async Task HandleAsync(HttpContext http, EmulatorState state, string token, string method)
    {
        var isPoll = string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase);
        if (!isPoll)
        {
            state.BotCallStarted();
        }

        try
        {
            await HandleCoreAsync(http, state, token, method);
        }
        finally
        {
            if (!isPoll)
            {
                state.BotCallFinished();
            }
        }
    }

    private static async Task HandleCoreAsync(HttpContext http, EmulatorState state, string token, string method)
    {
        if (!string.Equals(token, state.Options.BotToken, StringComparison.Ordinal))
        {
            await WriteAsync(http, 401, Error(401, "Unauthorized"));
            return;
        }

        string? chatId = null;
        var host = http.Request.Host.Value; // which address the bot called: several bots behind relays of their own are told apart by it
        try
        {
            var request = await TelegramRequest.ReadAsync(http.Request, http.RequestAborted);
            chatId = request.GetString("chat_id");
            if (!TelegramMethods.All.TryGetValue(method, out var handler))
            {
                throw new TelegramApiException(404, "Not Found");
            }

            var verdict = state.Intercept(method, request, host);
            if (verdict == BotCallVerdict.ResetBeforeHandling)
            {
                throw new ConnectionResetSignal();
            }

            try
            {
                await ApplyFaultAsync(state, method, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client gave up while an injected delay held the call: a timeout, and the call is not handled.
                state.RecordApiCall(method, chatId, 0, "timed out", host);
                throw;
            }

            state.CheckFloodLimits(method, long.TryParse(chatId, out var numericChatId) ? numericChatId : null);
            var result = await handler(state, request, http.RequestAborted);
            state.RecordApiCall(method, chatId, 200, null, host);
            if (verdict == BotCallVerdict.ResetAfterHandling)
            {
                Reset(http); // done, but the answer never reaches the bot
                return;
            }

            await WriteAsync(http, 200, new JsonObject { ["ok"] = true, ["result"] = result });
        }
        catch (ConnectionResetSignal)
        {
            state.RecordApiCall(method, chatId, 0, "connection reset", host);
            Reset(http);
        }
        catch (TelegramApiException error)
        {
            state.RecordApiCall(method, chatId, error.ErrorCode, error.Description, host);
            var body = Error(error.ErrorCode, error.Description);
            if (error.Parameters is not null)
            {
                body["parameters"] = error.Parameters.DeepClone();
            }

            await WriteAsync(http, error.ErrorCode, body);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // An emulator bug should read as a server error, not as an empty body the client cannot parse.
            state.RecordApiCall(method, chatId, 500, error.Message, host);
            await WriteAsync(http, 500, Error(500, "Internal Server Error: emulator failed: " + error.Message));
        }
    }

    private static async Task ApplyFaultAsync(EmulatorState state, string method, CancellationToken cancellationToken)
    {
        switch (state.TakeFault(method))
        {
            case null:
                return;
            case { Kind: FaultKind.Delay } delay:
                await Task.Delay(delay.DelayMilliseconds, cancellationToken);
                return;
            case { Kind: FaultKind.TooManyRequests } flood:
                throw TelegramApiException.TooManyRequests(flood.RetryAfterSeconds);
            case { Kind: FaultKind.InternalServerError }:
                throw new TelegramApiException(500, "Internal Server Error");
            case { Kind: FaultKind.ConnectionReset }:
                throw new ConnectionResetSignal();
            default:
                throw new TelegramApiException(502, "Bad Gateway");
        }
    }

    /// <summary>Drops the connection with a TCP RST (no FIN, no answer): the client reads "connection reset by peer".</summary>
    private static void Reset(HttpContext http)
    {
        if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // already closed: aborting below is all that is left
            }
        }

        http.Abort();
    }

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static async Task WriteAsync(HttpContext http, int statusCode, JsonObject body)
    {
        if (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}

/// <summary>Thrown inside the endpoint when a call must end in a connection reset instead of an answer.</summary>
internal sealed class ConnectionResetSignal : Exception
{
}
