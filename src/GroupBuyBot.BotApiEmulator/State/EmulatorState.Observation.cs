using System.Diagnostics;
using GroupBuyBot.BotApiEmulator.Models;

namespace GroupBuyBot.BotApiEmulator.State;

/// <summary>What tests read back: messages as members see them, documents, callback answers, the call log.</summary>
public sealed partial class EmulatorState
{
    private readonly Dictionary<string, EmulatedDocument> _documents = [];
    private readonly List<ApiCallRecord> _apiCalls = [];

    /// <summary>The chat's messages in order; deleted ones stay with <see cref="EmulatedMessage.IsDeleted"/> set unless excluded.</summary>
    public IReadOnlyList<EmulatedMessage> GetMessages(long chatId, bool includeDeleted = true)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat))
            {
                return [];
            }

            return [.. chat.Messages.Where(m => includeDeleted || !m.IsDeleted).Select(m => m.ToSnapshot())];
        }
    }

    public EmulatedMessage? GetMessage(long chatId, int messageId)
    {
        lock (_gate)
        {
            return _chats.TryGetValue(chatId, out var chat) ? chat.FindMessage(messageId)?.ToSnapshot() : null;
        }
    }

    /// <summary>Documents the bot sent, optionally only in one chat.</summary>
    public IReadOnlyList<EmulatedDocument> GetDocuments(long? chatId = null)
    {
        lock (_gate)
        {
            return [.. _documents.Values.Where(d => chatId is null || d.ChatId == chatId)];
        }
    }

    public EmulatedDocument? GetDocument(string fileId)
    {
        lock (_gate)
        {
            return _documents.GetValueOrDefault(fileId);
        }
    }

    /// <summary>Every Bot API call received, in order; <paramref name="method"/> filters case-insensitively.</summary>
    public IReadOnlyList<ApiCallRecord> GetApiCalls(string? method = null)
    {
        lock (_gate)
        {
            return [.. _apiCalls.Where(c => method is null || string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase))];
        }
    }

    internal void RecordApiCall(string method, string? chatId, int statusCode, string? error, string? host)
    {
        lock (_gate)
        {
            _apiCalls.Add(new ApiCallRecord(_apiCalls.Count + 1, method, chatId, Now, DateTimeOffset.UtcNow, statusCode, error, host));
        }
    }

    /// <summary>Waits (real time) for a message in the chat, existing or future, that satisfies <paramref name="predicate"/>.</summary>
    public async Task<EmulatedMessage> WaitForMessage(long chatId, Func<EmulatedMessage, bool> predicate, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _messagesChanged.Task;
                if (_chats.TryGetValue(chatId, out var chat))
                {
                    foreach (var message in chat.Messages)
                    {
                        var snapshot = message.ToSnapshot();
                        if (predicate(snapshot))
                        {
                            return snapshot;
                        }
                    }
                }
            }

            var remaining = timeout - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message appeared in chat {chatId} within {timeout}.");
            }

            try
            {
                await changed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Loop once more so a last-moment message is still seen, then fail above.
            }
        }
    }

    /// <summary>Waits for the bot to send (not edit) a message into the chat after this call; handy after posting a command.</summary>
    public Task<EmulatedMessage> WaitForBotMessage(long chatId, TimeSpan timeout, Func<EmulatedMessage, bool>? predicate = null)
    {
        int after;
        lock (_gate)
        {
            after = _chats.TryGetValue(chatId, out var chat) ? chat.Messages.Count : 0;
        }

        return WaitForMessage(chatId, m => m.MessageId > after && m.IsFromBot && (predicate?.Invoke(m) ?? true), timeout);
    }

    /// <summary>Moves the host's clock through <see cref="BotApiEmulatorOptions.OnAdvanceTime"/>.</summary>
    public async Task AdvanceTime(TimeSpan by)
    {
        if (Options.OnAdvanceTime is not { } advance)
        {
            throw new InvalidOperationException("This emulator was not given a controllable clock (BotApiEmulatorOptions.OnAdvanceTime).");
        }

        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        }

        await advance(by);
    }

    public bool CanAdvanceTime => Options.OnAdvanceTime is not null;
}
