using System.Globalization;
using System.Text;
using GroupBuyBot.Core.GroupBuys;

namespace GroupBuyBot.Core.Features.Export;

/// <summary>
/// A buy's sign-ups as CSV: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese correctly) and
/// formula cells neutralised, so a member's note such as <c>=HYPERLINK(…)</c> stays text.
/// </summary>
public static class SignUpsCsv
{
    public static readonly string[] Columns = ["#", "member", "username", "quantity", "status", "note", "unit_price", "amount", "signed_up_at_utc", "option", "pickup", "group"];

    /// <summary>One row per sign-up, grouped by option (a buy without options has one group), active before waiting.</summary>
    public static byte[] Build(GroupBuy buy)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        var number = 1;
        foreach (var signUp in buy.ActiveSignUps.Concat(buy.Waitlist).OrderBy(s => s.Option))
        {
            var active = signUp.Status == SignUpStatus.Active;
            var price = buy.UnitPriceIn(signUp.Option) ?? 0;
            AppendRow(csv,
            [
                number++.ToString(CultureInfo.InvariantCulture),
                signUp.DisplayName,
                signUp.Username ?? "", // without "@": a leading @ would be neutralised as a formula
                signUp.Quantity.ToString(CultureInfo.InvariantCulture),
                active ? "active" : "waitlisted",
                signUp.Note ?? "",
                Amount(price),
                active ? Amount(price * signUp.Quantity) : "0",
                signUp.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                buy.OptionOf(signUp.Option)?.Name ?? "",
                buy.PickupOf(signUp.UserId) is > 0 and var point ? buy.PickupPoints[point - 1] : "",
                buy.IsShared ? buy.GroupTitle(buy.GroupOf(signUp)) : "",
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A cell a spreadsheet would run as a formula gets a leading apostrophe; quotes, commas and line breaks are quoted.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny(['"', ',', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
