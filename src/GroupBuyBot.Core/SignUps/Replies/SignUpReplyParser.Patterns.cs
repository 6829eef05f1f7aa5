using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

// The small patterns the reading uses in passing, generated at build time: called as static Regex methods they
// went through a cache of 15 that the reading's 50 or so patterns kept evicting, so each reply re-parsed them.
public static partial class SignUpReplyParser
{
    [GeneratedRegex("加我", RegexOptions.CultureInvariant)]
    private static partial Regex AddMe();

    [GeneratedRegex(@"^make it$|^改$", RegexOptions.CultureInvariant)]
    private static partial Regex BareCorrection();

    [GeneratedRegex(@"(?<![a-z])(and|plus|please|pls|thanks|thx|tickets?|for|the|show|session|场|和|加|谢谢)(?![a-z])|[\s\p{P}\p{S}]", RegexOptions.CultureInvariant)]
    private static partial Regex TicketFiller();

    [GeneratedRegex(@"^[\s\p{P}]*\+\s*1[\s\p{P}\p{S}]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyPlusOne();

    [GeneratedRegex(@"和|跟|与|同|\+|&|,|(?<![a-z])and(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex HeadSeparator();

    [GeneratedRegex(@"^\s*([x×*]|份|个|盒|箱|袋|包|瓶|只|斤|罐|套|boxes|box|packs?|bags?|portions?)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingUnit();

    [GeneratedRegex(@"^\s*([\p{IsCJKUnifiedIdeographs}]{1,4}|[a-z]{3,12})", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingWord();

    [GeneratedRegex(@"[:：(（—]", RegexOptions.CultureInvariant)]
    private static partial Regex BreakdownOpener();

    [GeneratedRegex("[,;、，]", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseComma();

    [GeneratedRegex(@"\s", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[\s\p{P}\p{S}]*(我们家|我们|我家|我)?\s*(也|都|还)?\s*(要|来|订|拿|买)?", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSelfOrder();

    [GeneratedRegex(@"^\s*([x×*]|份|个|盒|箱|袋|包|瓶|只|斤|罐|套|台|张|杯|件|支|条|本|提|组|樽|枝|串|扎|听|板|boxes|box|packs?|bags?|portions?)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingUnitAny();

    [GeneratedRegex(@"^[\s\p{P}\p{S}]*(和|跟|还有|另外|加|and|plus|&)?[\s\p{P}\p{S}]*|\s*(各|要|来|订|拿)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameEdges();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseName();

    [GeneratedRegex("我|你|他|她|现在|之前|原来|再|又|还|然后|最后|今天|明天|不|改|共", RegexOptions.CultureInvariant)]
    private static partial Regex NotAChineseName();

    [GeneratedRegex(@"^[a-z]{3,12}( [a-z]{3,12})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LatinName();

    [GeneratedRegex(@"(?<![a-z])(i|i'll|ill|we|take|want|need|get|have|me|us|for|please|pls|yes|just|only|also|too|make|it|that|mine|order|another|more|then|now|and|plus|add|with|the)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex NotALatinName();

    [GeneratedRegex("[0-9]+|[两二三四五六七八九十]+|俩|仨|two|three|four|five|six|seven|eight|nine|ten", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenHeadcount();

    [GeneratedRegex(@"和|跟|与|还有|、|&|(?<![a-z])and(?![a-z])|同(?!事|学|意|样|上|问|款|一|时)", RegexOptions.CultureInvariant)]
    private static partial Regex ListJoiner();

    [GeneratedRegex(@"(?<![a-z])and(?![a-z])|和|跟|同(?!事|学|意|样|上|问|款|一|时)", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex LastListJoiner();

    [GeneratedRegex(@"^\s*(个人|口人|口|人|家|of us|people|persons)", RegexOptions.CultureInvariant)]
    private static partial Regex HeadcountUnit();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.CultureInvariant)]
    private static partial Regex AnyChinese();

    [GeneratedRegex(@"^[\s\p{P}\p{S}_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyPunctuation();

    [GeneratedRegex(@"^\s*(mrs|mr|ms|miss|mdm|madam|auntie|aunty|uncle|dr)\.?\s+[a-z]+(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingTitledName();

    [GeneratedRegex(@"(?<![a-z])(just|only|please|pls|plz|thanks?|thank you|thx|ty|cheers|sorry|i mean|no wait|wait|actually|oops|make it|ok|okay|yes|yep|sure|another|more|too|also|as well|each|and|for (me|us|him|her|them|mine|_+|(my|our|the|his|her) (_+\s*)?[a-z]+)|dozens?|boxes|box|bags?|packs?|packets?|bottles?|sets?|portions?|pieces?|pcs|units?|kg|kilos?|of them|small|medium|large|regular|big|tickets?|tix|seats?|slots?|spots?|places?|sessions?|lessons?|classes|class|pax|kids?|children|adults?|for (today|tomorrow|tonight|(mon|tues|wednes|thurs|fri|satur|sun)day|the weekend)|love|dear|hun|ya|yah|lah|leh|la|ah|ooh|oh|wow|yay)(?![a-z])|谢谢|多谢|团长|麻烦|不对|我是说|吧|哦|哈|呀|啊|[份个盒箱袋桶瓶包件套斤只支罐打]|[\p{P}\p{S}\p{Cs}\s]", RegexOptions.CultureInvariant)]
    private static partial Regex BareCountFiller();

    [GeneratedRegex("^[0-9]{3,4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDoorNumber();

    [GeneratedRegex(@"[\p{So}\p{Sk}\p{Cs}\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSymbols();

    [GeneratedRegex("[吗么呢嘛]$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseQuestionEnd();
}
