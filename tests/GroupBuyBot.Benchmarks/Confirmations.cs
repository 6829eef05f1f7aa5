using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;
using GroupBuyBot.BotApiEmulator.State;

namespace GroupBuyBot.Benchmarks;

/// <summary>
/// What members were promised, checked on the emulator: every tap answered (answerCallbackQuery) and every command
/// answered by a bot message that replies to it. Checked in order from the oldest outstanding, so waiting costs
/// little of the processor the bot needs.
/// </summary>
public sealed class Confirmations(EmulatorState telegram)
{
    private readonly List<string> _taps = [];
    private readonly List<PostedMessage> _commands = [];
    private int _tapsDone;
    private int _commandsDone;

    public int Taps => _taps.Count;
    public int Commands => _commands.Count;

    public void Add(TappedButton tap) => _taps.Add(tap.CallbackQueryId);

    public void Add(PostedMessage command) => _commands.Add(command);

    /// <summary>Waits until everything is answered; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAll(TimeSpan timeout, Func<bool>? giveUp = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            while (_tapsDone < _taps.Count && telegram.GetCallbackAnswer(_taps[_tapsDone]) is { Answered: true }) _tapsDone++;
            while (_commandsDone < _commands.Count && Replies(_commands[_commandsDone]) > 0) _commandsDone++;
            if (_tapsDone == _taps.Count && _commandsDone == _commands.Count) return true;
            if (waited.Elapsed > timeout || giveUp?.Invoke() == true) return false;
            await Task.Delay(5);
        }
    }

    public int UnansweredTaps() => _taps.Count(id => telegram.GetCallbackAnswer(id) is not { Answered: true });

    public int UnansweredCommands() => _commands.Count(c => Replies(c) == 0);

    public IReadOnlyList<PostedMessage> UnansweredCommandList() => [.. _commands.Where(c => Replies(c) == 0)];

    /// <summary>Commands answered more than once (the documented crash window, or a send whose answer was lost).</summary>
    public int CommandsAnsweredTwice() => _commands.Count(c => Replies(c) > 1);

    private int Replies(PostedMessage command) =>
        telegram.GetMessages(command.ChatId, includeDeleted: false).Count(m => m.IsFromBot && m.ReplyToMessageId == command.MessageId);
}
