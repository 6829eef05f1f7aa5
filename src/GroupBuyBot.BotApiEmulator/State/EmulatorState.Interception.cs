using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.TelegramApi;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>A hook on every Bot API request as it arrives, for tests that must act at an exact point of the bot's work.</summary>
public sealed partial class EmulatorState
{
    private Func<BotCall, BotCallVerdict>? _interceptor;

    /// <summary>
    /// Calls <paramref name="interceptor"/> for every Bot API request (getUpdates included) once its parameters are read,
    /// before injected faults and before it is handled, on the request's own thread (so it may block it, e.g. while the
    /// test kills the bot's process). Its verdict says whether the call is handled, and whether the bot hears the answer.
    /// Null removes the hook.
    /// </summary>
    public void InterceptBotCalls(Func<BotCall, BotCallVerdict>? interceptor) => Volatile.Write(ref _interceptor, interceptor);

    internal BotCallVerdict Intercept(string method, TelegramRequest request, string? host) =>
        Volatile.Read(ref _interceptor) is { } interceptor ? interceptor(new BotCall(method, request, host)) : BotCallVerdict.Proceed;
}

/// <summary>One Bot API request as the emulator received it (see <see cref="EmulatorState.InterceptBotCalls"/>).</summary>
public sealed class BotCall
{
    private readonly TelegramRequest _request;

    internal BotCall(string method, TelegramRequest request, string? host)
    {
        Method = method;
        _request = request;
        Host = host;
    }

    public string Method { get; }

    /// <summary>The Host header: the address the bot called (see <see cref="ApiCallRecord.Host"/>).</summary>
    public string? Host { get; }

    public string? ChatId => _request.GetString("chat_id");

    /// <summary>The <c>text</c> parameter as sent (HTML or Markdown source, not rendered).</summary>
    public string? Text => _request.GetString("text");

    /// <summary>The message this one answers: <c>reply_parameters.message_id</c> or the older <c>reply_to_message_id</c>.</summary>
    public int? ReplyToMessageId =>
        _request.GetJson("reply_parameters")?["message_id"]?.GetValue<int>() ?? _request.GetInt("reply_to_message_id");

    /// <summary>Whether the call carries an inline keyboard (<c>reply_markup.inline_keyboard</c>).</summary>
    public bool HasInlineKeyboard => _request.GetJson("reply_markup")?["inline_keyboard"] is not null;

    /// <summary>Any parameter, as text (objects and arrays as JSON).</summary>
    public string? Parameter(string name) => _request.GetString(name);

    public override string ToString() => $"{Method} chat={ChatId} reply_to={ReplyToMessageId}";
}
