using System.Globalization;

namespace GroupBuyBot.Infrastructure.Telegram;

/// <summary>
/// The callback data of the bot's own buttons: <c>{prefix}{action}:{id}</c>, e.g. <c>gb:j:42</c>. Short (Telegram
/// allows 64 bytes) and parsed strictly, since a client can send any data.
/// </summary>
public static class CallbackData
{
    public static string Format(string prefix, char action, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{action}:{id}");

    public static bool TryParse(string? data, string prefix, out char action, out long id)
    {
        action = default;
        id = 0;
        if (data is null || data.Length > 64 || !data.StartsWith(prefix, StringComparison.Ordinal)
            || data.Length < prefix.Length + 3 || data[prefix.Length + 1] != ':'
            || !long.TryParse(data.AsSpan(prefix.Length + 2), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        action = data[prefix.Length];
        return true;
    }
}
