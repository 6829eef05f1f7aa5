using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Masks, in normalised text, the spans whose numbers are not counts: addresses ("block 7",
/// "room 1502", "flat 12b", "5栋302", "a栋1203"), clock times, prices, dates, phone numbers and ages.
/// Each masked character becomes <see cref="MaskChar"/>, so positions are kept and the remaining
/// words ("4 boxes please") can be read as if the address were not there.
/// </summary>
public static partial class NonQuantitySpans
{
    public const char MaskChar = '_';

    private const string B = @"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))";

    // "block 7", "blk 12a", "room 1502", "flat 4b", "unit 12-03", "apt #5", "tower 2", "house no. 8"
    [GeneratedRegex(@"(?<![a-z])(block|blk|bldg|building|tower|twr|room|rm|flat|unit|apt|apartment|house|level|lvl|floor|fl|lot|suite|door|no\.|#)\s*(no\.?\s*)?#?\s*[0-9]{1,5}[a-z]?(\s*[-/]\s*[0-9]{1,5}[a-z]?)?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishAddress();

    // "5栋302", "a栋1203", "3号楼2单元501", "二单元", "12楼", "802室", "c座"
    [GeneratedRegex(@"((?<![a-z])[a-z]|[0-9]{1,4}|[一二三四五六七八九十]{1,3})\s*(栋|幢|号楼|座|单元|楼|层|区|期)(\s*[0-9]{1,5}[a-z]?(\s*(室|号|房))?|\s*[0-9]{1,3}\s*单元(\s*[0-9]{1,5})?)?|[0-9]{2,5}\s*(室|房|号房)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseAddress();

    // Door numbers written "12b", "4b" (a lone letter glued to a number; not the "2x"/"5g" markers).
    [GeneratedRegex(@"(?<![a-z0-9])[0-9]{1,4}[a-wyz](?![a-z0-9])(?<!g)", RegexOptions.CultureInvariant)]
    private static partial Regex DoorNumber();

    // "18:00", "6.30pm", "6pm", "7 o'clock", "7点半", "下午5点", "at 6"; not the cut in "reduce by 1"
    [GeneratedRegex(@"[0-9]{1,2}[:.][0-9]{2}(\s*(am|pm))?|[0-9]{1,2}\s*(am|pm|o'clock)" + B + @"|[0-9零一二两三四五六七八九十]{1,3}\s*点(半|钟|[0-9]{1,2}分?)?|(?<![a-z])(?<!(reduce[ds]?|cut|lower|decrease)\s+)(at|after|before|by|until|till|around)\s+[0-9]{1,2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    // "$60", "¥ 80", "80元", "35块钱", "20 dollars", "15 rmb"
    [GeneratedRegex(@"(hk\$|[$¥£€])\s*[0-9]+(\.[0-9]+)?|[0-9]+(\.[0-9]+)?\s*(元|块钱|蚊|(rmb|yuan|dollars?|bucks?|sgd|hkd|usd)" + B + ")", RegexOptions.CultureInvariant)]
    private static partial Regex Price();

    // "12/3", "3月5日", "12号", "5th", "13800138000", "9123 4567"
    [GeneratedRegex(@"[0-9]{1,2}/[0-9]{1,2}(/[0-9]{2,4})?|[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*(日|号)?|[0-9]{1,2}\s*(号|日)(?!楼)|(?<![a-z0-9])[0-9]{1,2}(st|nd|rd|th)" + B + @"|[0-9]{7,}|(?<![0-9])[0-9]{3,4}[- ][0-9]{4}([- ][0-9]{4})?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DateOrPhone();

    // Handles and ids with digits: "lily_1988", "wx: amy_88", "@tom2020".
    [GeneratedRegex(@"(?<![a-z0-9_])@?[a-z][a-z0-9]*_[a-z0-9_]*[0-9]+[a-z0-9_]*|@[a-z][a-z0-9_]*[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    // Ages are not counts: "(he's 8)", "she is 6", "my son is 12", "my daughter (8)", "my son, 7 years old", "aged 7", "5 yo", "6岁", "三岁半". A count of
    // the thing ("she's 2 boxes") is left: a unit after the number keeps it.
    [GeneratedRegex(@"(?<![a-z])(he|she|they|(my|our|his|her) (sons?|daughters?|boys?|girls?|kids?|child|children|nephews?|nieces?|grandsons?|granddaughters?|little ones?|youngest|eldest|oldest|twins))\s*('s|’s|'re|’re| is| are| turns?| just turned)\s+[0-9]{1,2}(\s*(,|&|and)\s*[0-9]{1,2})*(?![0-9])(?!\s*(x|×|box|bag|pack|set|portion|piece|ticket|slot|seat|more))|(?<![a-z])(aged?|age|ages)\s*[0-9]{1,2}(\s*(,|&|and)\s*[0-9]{1,2})*(?![0-9])|(?<=(son|daughter|boy|girl|kid|child|nephew|niece|twins|grandson|granddaughter)\s*)\(\s*[0-9]{1,2}\s*\)|[0-9]{1,2}\s*(-\s*)?(years?|yrs?|y)(\s*-\s*|\s+)old" + B + @"|[0-9]{1,2}\s*(yo|y/o|y\.o\.)" + B + @"|([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*(周岁|岁半|岁)", RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    // A size or weight that describes the thing, not how many: "二十斤的", "5公斤的那种", "10寸的", "the 5kg bag", "a 1.5l bottle",
    // "2kg pack". A count of the thing beside it ("就一袋", "2 bags") is left; "3斤" alone (no 的, no thing after) stays a count.
    [GeneratedRegex(@"([0-9]+(\.[0-9]+)?|[一二两三四五六七八九十百半]+)\s*(公斤|斤|千克|克|升|毫升|寸|英寸|厘米|kg|g|ml|l|cm)\s*(?=的)|(?<![0-9.])[0-9]+(\.[0-9]+)?\s*(kg|kilo|g|gram|ml|l|litre|liter|lb|oz|inch|cm)s?(?=[- ]?(bag|sack|pack|box|tub|bottle|tin|jar|carton|tray|one|size|version|pouch|block)s?" + B + ")", RegexOptions.CultureInvariant)]
    private static partial Regex Spec();

    /// <summary>The text with every address, time, price, date, phone and age span replaced by underscores.</summary>
    public static string Mask(string normalized)
    {
        if (string.IsNullOrEmpty(normalized))
        {
            return normalized ?? string.Empty;
        }

        var builder = new StringBuilder(normalized);
        foreach (var pattern in (Regex[])[Handle(), EnglishAddress(), ChineseAddress(), DoorNumber(), ClockTime(), Price(), DateOrPhone(), Age(), Spec()])
        {
            foreach (Match m in pattern.Matches(builder.ToString()))
            {
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    if (builder[i] != '\n')
                    {
                        builder[i] = MaskChar;
                    }
                }
            }
        }

        return builder.ToString();
    }
}
