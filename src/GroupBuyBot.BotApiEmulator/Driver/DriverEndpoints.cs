using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GroupBuyBot.BotApiEmulator.Driver;

/// <summary>HTTP+JSON over the driver operations of <see cref="EmulatorState"/>, under <c>/driver</c>; see docs/emulator.md.</summary>
internal static partial class DriverEndpoints
{
    public static void MapEmulatorDriver(this IEndpointRouteBuilder endpoints, EmulatorState state)
    {
        var driver = endpoints.MapGroup("/driver");

        driver.MapGet("/state", () => Ok(new
        {
            bot = state.Bot,
            now = state.Now,
            can_advance_time = state.CanAdvanceTime,
            pending_updates = state.PendingUpdateCount,
            flood_limits_enabled = state.FloodLimitsEnabled,
            chats = state.GetChats(),
            users = state.GetUsers(),
        }));

        driver.MapGet("/users", () => Ok(state.GetUsers()));
        driver.MapPost("/users", AsHandler(http => Run<DriverUser>(http, user => Ok(UpsertUser(state, user)))));
        driver.MapPost("/users/{userId:long}/start", (HttpContext http, long userId) =>
            Run<StartRequest>(http, request => Ok(state.StartBot(userId, request.Payload)), allowEmptyBody: true));
        driver.MapPost("/users/{userId:long}/block", (long userId) => Run(() => Ok(new UpdateIdResponse(state.BlockBot(userId)))));
        driver.MapPost("/users/{userId:long}/unblock", (long userId) => Run(() => Ok(new UpdateIdResponse(state.UnblockBot(userId)))));

        driver.MapGet("/chats", () => Ok(state.GetChats()));
        driver.MapPost("/chats", AsHandler(http => Run<ChatSpec>(http, spec => Ok(state.CreateChat(spec)))));
        driver.MapGet("/chats/{chatId:long}", (long chatId) =>
            state.GetChat(chatId) is { } chat ? Ok(chat) : NotFound($"Chat {chatId} does not exist."));
        driver.MapPost("/chats/{chatId:long}/members", (HttpContext http, long chatId) => Run<SetMemberRequest>(http, request =>
        {
            state.SetMemberStatus(chatId, request.UserId, request.Status);
            return Ok(state.GetChat(chatId));
        }));
        driver.MapPost("/chats/{chatId:long}/add-bot", (HttpContext http, long chatId) => Run<BotMembershipRequest>(http, request =>
            Ok(new UpdateIdResponse(state.AddBotToChat(chatId, request.ByUserId, request.AsAdmin)))));
        driver.MapPost("/chats/{chatId:long}/remove-bot", (HttpContext http, long chatId) => Run<BotMembershipRequest>(http, request =>
            Ok(new UpdateIdResponse(state.RemoveBotFromChat(chatId, request.ByUserId, request.Kicked)))));
        driver.MapPost("/chats/{chatId:long}/migrate", (HttpContext http, long chatId) => Run<MigrateRequest>(http, request =>
            Ok(new { supergroup_id = state.MigrateToSupergroup(chatId, request.SupergroupId) }), allowEmptyBody: true));

        driver.MapGet("/chats/{chatId:long}/messages", (long chatId, bool? includeDeleted) =>
            state.GetChat(chatId) is null ? NotFound($"Chat {chatId} does not exist.") : Ok(state.GetMessages(chatId, includeDeleted ?? true)));
        driver.MapGet("/chats/{chatId:long}/messages/{messageId:int}", (long chatId, int messageId) =>
            state.GetMessage(chatId, messageId) is { } message ? Ok(message) : NotFound($"Message {messageId} does not exist in chat {chatId}."));
        driver.MapPost("/chats/{chatId:long}/messages", (HttpContext http, long chatId) => Run<PostMessageRequest>(http, request =>
        {
            var fromId = request.From is { } from ? UpsertMember(state, chatId, from) : request.FromUserId
                ?? throw new EmulatorDriverException("Say who writes: 'from' or 'from_user_id'.");
            return Ok(state.PostMessage(chatId, fromId, request.Text, request.ReplyToMessageId, request.MessageThreadId));
        }));
        driver.MapPost("/chats/{chatId:long}/messages/{messageId:int}/tap", (HttpContext http, long chatId, int messageId) =>
            Run<TapRequest>(http, request => Ok(state.TapButton(chatId, messageId, request.UserId, request.CallbackData, request.ButtonText))));
        driver.MapPost("/chats/{chatId:long}/messages/{messageId:int}/forge-callback", (HttpContext http, long chatId, int messageId) =>
            Run<ForgeCallbackRequest>(http, request => Ok(state.ForgeCallbackQuery(chatId, messageId, request.UserId, request.Data))));

        driver.MapGet("/callback-queries/{id}", (string id) =>
            state.GetCallbackAnswer(id) is { } answer ? Ok(answer) : NotFound($"Callback query {id} does not exist."));

        MapPaymentRoutes(driver, state);

        driver.MapGet("/documents", (long? chatId) => Ok(state.GetDocuments(chatId).Select(DocumentSummary.From)));
        driver.MapGet("/documents/{fileId}/content", (string fileId) =>
            state.GetDocument(fileId) is { } document
                ? Results.File(document.Content, document.MimeType ?? "application/octet-stream", document.FileName)
                : NotFound($"Document {fileId} does not exist."));

        driver.MapGet("/api-calls", (string? method) => Ok(state.GetApiCalls(method)));

        driver.MapGet("/faults", () => Ok(state.GetPendingFaults()));
        driver.MapPost("/faults", AsHandler(http => Run<FaultSpec>(http, fault =>
        {
            state.InjectFault(fault);
            return Ok(state.GetPendingFaults());
        })));
        driver.MapDelete("/faults", () =>
        {
            state.ClearFaults();
            return Ok(state.GetPendingFaults());
        });
        driver.MapGet("/faults/random", () => Ok(RandomFaultsView(state)));
        driver.MapPost("/faults/random", AsHandler(http => Run<RandomFaults>(http, faults =>
        {
            state.SetRandomFaults(faults);
            return Ok(RandomFaultsView(state));
        })));
        driver.MapDelete("/faults/random", () =>
        {
            state.SetRandomFaults(null);
            return Ok(RandomFaultsView(state));
        });
        driver.MapPost("/flood-limits", AsHandler(http => Run<FloodLimitsRequest>(http, request =>
        {
            state.FloodLimitsEnabled = request.Enabled;
            return Ok(new { enabled = state.FloodLimitsEnabled });
        })));

        driver.MapGet("/time", () => Ok(new { now = state.Now, can_advance_time = state.CanAdvanceTime }));
        driver.MapPost("/time/advance", AsHandler(async http =>
        {
            var request = await ReadAsync<AdvanceTimeRequest>(http, allowEmptyBody: false);
            if (request is null)
            {
                return BadRequest("Send {\"seconds\": N} or {\"milliseconds\": N}.");
            }

            var by = TimeSpan.FromSeconds(request.Seconds ?? 0) + TimeSpan.FromMilliseconds(request.Milliseconds ?? 0);
            try
            {
                await state.AdvanceTime(by);
            }
            catch (InvalidOperationException error)
            {
                return Results.Json(new DriverError(error.Message), DriverJson.Options, statusCode: StatusCodes.Status409Conflict);
            }
            catch (ArgumentOutOfRangeException error)
            {
                return BadRequest(error.Message);
            }

            return Ok(new { now = state.Now });
        }));

        driver.MapPost("/wait-idle", AsHandler(async http =>
        {
            var request = await ReadAsync<WaitIdleRequest>(http, allowEmptyBody: true) ?? new WaitIdleRequest();
            try
            {
                await state.WaitUntilIdle(TimeSpan.FromMilliseconds(request.TimeoutMs), TimeSpan.FromMilliseconds(request.QuietMs));
                return Ok(new { idle = true });
            }
            catch (TimeoutException error)
            {
                return RequestTimeout(error.Message);
            }
        }));
    }

    /// <summary>A lambda taking only HttpContext would bind as a RequestDelegate and drop its IResult; this keeps it a route handler.</summary>
    private static Delegate AsHandler(Func<HttpContext, Task<IResult>> handler) => handler;

    private static EmulatedUser UpsertUser(EmulatorState state, DriverUser user)
    {
        var existing = state.GetUsers().FirstOrDefault(u => u.Id == user.Id);
        var firstName = user.FirstName ?? existing?.FirstName ?? throw new EmulatorDriverException($"User {user.Id} is new: give a first_name.");
        return state.UpsertUser(new EmulatedUser(
            user.Id,
            firstName,
            user.LastName ?? existing?.LastName,
            user.Username ?? existing?.Username,
            user.LanguageCode ?? existing?.LanguageCode));
    }

    /// <summary>Creates or updates the writer and applies the admin flag, so one curl call can set up a member.</summary>
    private static long UpsertMember(EmulatorState state, long chatId, DriverUser from)
    {
        if (from.FirstName is not null || state.GetUsers().All(u => u.Id != from.Id))
        {
            UpsertUser(state, from);
        }

        if (from.IsAdmin is { } isAdmin && chatId < 0)
        {
            var current = state.GetChat(chatId)?.Members.GetValueOrDefault(from.Id);
            if (isAdmin && current is not MemberStatus.Creator)
            {
                state.SetMemberStatus(chatId, from.Id, MemberStatus.Administrator);
            }
            else if (!isAdmin && current is MemberStatus.Administrator)
            {
                state.SetMemberStatus(chatId, from.Id, MemberStatus.Member);
            }
        }

        return from.Id;
    }

    private static IResult Ok(object? value) => Results.Json(value, DriverJson.Options);

    private static IResult NotFound(string error) => Results.Json(new DriverError(error), DriverJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static IResult RequestTimeout(string error) =>
        Results.Json(new DriverError(error), DriverJson.Options, statusCode: StatusCodes.Status408RequestTimeout);

    private static IResult BadRequest(string error) => Results.Json(new DriverError(error), DriverJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Run(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (EmulatorDriverException error)
        {
            return BadRequest(error.Message);
        }
    }

    private static async Task<IResult> Run<TRequest>(HttpContext http, Func<TRequest, IResult> action, bool allowEmptyBody = false)
        where TRequest : class
    {
        TRequest? request;
        try
        {
            request = await ReadAsync<TRequest>(http, allowEmptyBody);
        }
        catch (System.Text.Json.JsonException error)
        {
            return BadRequest("Invalid JSON: " + error.Message);
        }

        if (request is null)
        {
            return BadRequest($"Send a JSON body ({typeof(TRequest).Name}).");
        }

        return Run(() => action(request));
    }

    private static async Task<TRequest?> ReadAsync<TRequest>(HttpContext http, bool allowEmptyBody)
        where TRequest : class
    {
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType()))
        {
            return allowEmptyBody ? System.Text.Json.JsonSerializer.Deserialize<TRequest>("{}", DriverJson.Options) : null;
        }

        return await http.Request.ReadFromJsonAsync<TRequest>(DriverJson.Options, http.RequestAborted);
    }

    private static object RandomFaultsView(EmulatorState state)
    {
        var (faults, counts) = state.GetRandomFaults();
        return new { faults, counts };
    }
}
