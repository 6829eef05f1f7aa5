using System.Globalization;

namespace GroupBuyBot.Core.Features;

/// <summary>
/// The callback data of every button the bot sends: <c>{prefix}:{action}:{first}[:{second}[:{third}]]</c>, e.g.
/// <c>gb:j:42</c> (Join on buy 42), <c>gb:j:42:2:3</c> (3 of buy 42's option 2) or <c>qt:p:42:5500</c> (a quoted price).
/// One codec for all of them: short (Telegram allows 64 bytes) and parsed strictly, since a client can send any data.
/// The prefix says which feature reads it.
/// </summary>
public readonly record struct CallbackData(string Prefix, char Action, long First, long Second = 0, long Third = 0)
{
    /// <summary>Join / +1 / −1 / Leave under a live list.</summary>
    public const string SignUp = "gb";

    /// <summary>Start / not now / never under a need suggestion.</summary>
    public const string Suggestion = "nd";

    /// <summary>A supplier picked under <c>/supplier set</c>.</summary>
    public const string SupplierChoice = "sp";

    /// <summary>A supplier's answer under an order.</summary>
    public const string SupplierOrder = "so";

    /// <summary>A quote: picked on the board, or a supplier's quick answer.</summary>
    public const string Quote = "qt";

    /// <summary>A member asks to be told when a buy comes again.</summary>
    public const string Recurring = "rp";

    /// <summary>A member's choice of pickup point.</summary>
    public const string Pickup = "pk";

    /// <summary>An organizer records a member's payment, in their private view.</summary>
    public const string Payment = "pay";

    /// <summary>A 1–5 rating of a delivered buy's supplier.</summary>
    public const string Rating = "rt";

    private const int MaxBytes = 64;

    public static string Format(string prefix, char action, long first) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{action}:{first}");

    public static string Format(string prefix, char action, long first, long second) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{action}:{first}:{second}");

    public static string Format(string prefix, char action, long first, long second, long third) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}:{action}:{first}:{second}:{third}");

    /// <summary>False for anything that is not <c>prefix:letter:id[:id[:id]]</c> with non-negative ids.</summary>
    public static bool TryParse(string? data, out CallbackData parsed)
    {
        parsed = default;
        if (data is null || data.Length > MaxBytes) return false;
        var parts = data.Split(':');
        if (parts is not { Length: >= 3 and <= 5 } || parts[0].Length == 0 || parts[1].Length != 1) return false;
        var numbers = new long[3];
        for (var i = 2; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i - 2])) return false;
        }

        parsed = new CallbackData(parts[0], parts[1][0], numbers[0], numbers[1], numbers[2]);
        return true;
    }
}
