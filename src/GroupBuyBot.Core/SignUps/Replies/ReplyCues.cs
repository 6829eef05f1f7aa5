using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Cue lexicons for replies to an announcement, over normalised (NFKC, lower-case) text.
/// Each pattern is a family of phrasings, not a list of seen sentences.
/// </summary>
internal static partial class ReplyCues
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>Someone trying to steer the bot: never a sign-up action.</summary>
    [GeneratedRegex(@"ignore (all |any )?(the |your )?(previous|prior|above|earlier|your|all)|忽略.{0,8}(指令|规则|设定|提示|要求)|system (override|prompt)|系统指令|(所有人|每个人|大家|everyone'?s?|everybody'?s?|all (users|members|orders))\W{0,3}.{0,12}(改成|改为|改到|设为|设成|设置|set to|change(d)? to|update(d)? to|(?<![a-z])to \d)|(?<![a-z])(set|change|update|make|reset)\s+(everyone|everybody|all (users|members|orders))|把\s*(所有人|每个人|大家)|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(you are|act as) (now )?(a|an|the) ", Options)]
    public static partial Regex Injection();

    /// <summary>"+1" to someone's question, not to the group buy.</summary>
    [GeneratedRegex(@"同问|同样的问题|我也想问|也想知道|我也问|same (question|q)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|wondering the same|i'?d like to know too|也想了解", Options)]
    public static partial Regex SameQuestion();

    [GeneratedRegex(@"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(count|leave|take|cross|drop|scratch|strike) (me|us|my name|our name)( \w+)? (out|off)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i'?m|we'?re|i am|we are) out(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))drop(ping)? out(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))withdr[ae]w|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))remove (me|us|my|our)|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))cancel|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))opt(ing)? out|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))no longer (need|want|join)|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))not (joining|coming|in) (any ?more|after all)|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))i'?ll pass(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))changed? (my|our) mind|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))backing out|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))sit(ting)? (this|it)( one| round| time)? out|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))give (this|it)( one| round| time)? a miss|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))skip(ping)? this (one|round|time)|这(次|回|轮)(我们?)?(就|先)?(跳过|不参与|不凑)|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))back out|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(don'?t|do not|won'?t|will not) (want|need) (it|them|mine|any|the \w+|our \w+|my \w+) any ?more|(?<![0-9a-z])-\s?1(?![0-9])(?<!\p{L}\s+-\s+1)|不要了|不用了|不需要了|(我|我的|我家|那|这)份?不要|我撤|撤了|撤单|撤回|退了|退出|退团|取消|删了|删掉|删除我|去掉我|把我去掉|划掉|不参加|不报了|不跟了|不团了|算了|out了|不去了|放弃|先不要|别算我|不算我|不要算我|退掉", Options)]
    public static partial Regex Leave();

    // A change of one's own total. "改" needs a target ("改成", "改一下", "改一份") to be a change; so does a verb of more or
    // less with its result ("减成一份", "降到两份", "调为3份").
    [GeneratedRegex(@"改(成|为|到|一下|下|了|[:\s]*[0-9一二两三四五六七八九十俩仨])|修改|更正|更改|总共|一共|总数|(加|减|降|调|增)(成|为|到)|减少到|增加到|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))change(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?<!(will|'ll|to|gonna|wait to|let you know and)\s)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))update(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(?!\s*(you|u|later|again|soon|tmr|tomorrow|tonight|the group|everyone|all|when|once|after|if)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9])))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))amend(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))make (that|it|mine|my order|ours)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))instead(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))correction(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))correct(ed)? (to|mine|my)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))in total(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))total(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))altogether(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))reduce(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))increase(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))bump(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))switch (mine|my|it) to(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))only (need|want) (\d|one|two|three)", Options)]
    public static partial Regex Set();

    // Wanting in: explicit sign-up verbs, "+N", "me too", first-person "want" with a count.
    [GeneratedRegex(@"\+\s?[0-9]|接龙|报名|报一|报[0-9两二三四五六七八九十俩仨]|报上|也报|我报|想报|算我|算上我|算上|也算|加我|加上我|我们?家?(也|都|还)?(想)?要|也要|都要|要要|想要|(?<!不)要\s*[0-9一两俩二三四五六七八九十]|来一|来[0-9两俩二三四五六七八九十]|给我来|给我留|给我们|留一|帮我.{0,6}(报|留|订|拿|加)|跟一|跟团|跟[0-9一两二三]|参加|参团|加一|再加|再来|再要|我也来|我们也来|预订|预定|订一|订[0-9两]|拍一|拍[0-9]|(?<![a-z])x\s?[0-9]|[0-9]\s?x(?![a-z])|×|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))count (me|us)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i'?m|we'?re|i am|we are) in(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(?!\s+(?!(for|too|also|as well|again|please|pls|with|on (this|it)|if|as long as|so long as|provided|unless|but)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9])))[a-z_])|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))in for(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))sign (me|us)( \w+)? up(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))put (me|us)( \w+)? down(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))add\s*(me|us|one|two|three|another|a|an|\d|[一两二三四五六七八九十])|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))me too(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))us too(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))me (as well|also)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|^me(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))me (please|pls|plz)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))yes,? (please|pls)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i|we)'?ll (take|have|get|join|grab|order|book)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i|we) (would|'d) (like|love|want|take)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i|we)'?d (like|love|want|take)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i|we) (want|need|will take)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(one|two|three|four|five|six|\d+) for (me|us|my|our)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))for (me|us) (please|pls|too|as well)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))interested(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))keen(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i'?m|we'?re) down(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))down for(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))save (me|us)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))reserve(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))join(ing)?(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))same for me(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))sign ?up(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))i'?m game(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))want (one|two|some|in)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))here too(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(can|could|may) (i|we) (get|grab|have|take|order|book|reserve)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex Join();

    private const string B = @"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))";

    /// <summary>More ways in: "ditto", "put us down", "帮我 order 两份", "two more", "各一份", "one each".</summary>
    [GeneratedRegex(B + @"same (here|for us|again|please|pls)" + B + "|" + B + "ditto" + B + @"|同上|我也一样|一样来一|"
        + B + @"(put|write|add|pencil|jot) (me|us|my name|our name|my names?|our names|my family|mine)( \w+)? (down|in)" + B + "|"
        + B + @"(add|write|put) (my|our) names?" + B + "|"
        + @"帮我.{0,8}(要|买|拍|来|抢|book|order|reserve|save|grab|get)|"
        + B + @"(book|order|reserve|grab|get|save) (me|us)" + B + "|"
        + B + @"(book|order|reserve|grab)\s+(one|two|three|four|five|\d|a|an|[一两二三四五六七八九十])" + B + "?|"
        + @"要\s*(one|two|three|four|five|six|a|an|\d)" + B + "|"
        + B + @"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|another) more" + B + @"(?! (days?|times?|questions?|info|minutes?|hours?|weeks?|people|person|members?|to go|to (unlock|reach|hit|qualify|get the)|needed|slots? left|left)" + B + ")|"
        + B + @"another (one|box|bag|pack|set|portion|order|serving|bottle|tub|tray|share)" + B + "|"
        + @"各(要|来|订|拿|报|留)?\s*([0-9]+|[一两二三四五六七八九十]+)\s*[份个盒箱袋瓶包件套斤]|"
        + @"(再|多)\s*(给我|帮我|给我们)?\s*加\s*([0-9]+|[一两二三四五六七八九十])\s*[份个盒箱袋瓶包件套斤台]|" // "再给我加两盒": more for oneself
        + @"^(yes|yep|yeah|yup|sure|ok|okay)\W+([0-9]+|one|two|three|four|five|six)\s+[a-z]+|" // "yes! 2 tickets": a yes that says how many
        + B + @"(\d+|one|two|three|a|an)( \w+)? each" + B + "|"
        + B + @"sign (\w+ ){1,2}up" + B + "|" // "sign Ethan up", "sign my son up too": someone else's sign-up is one
        + B + @"(i|we)'?ll do\s+(\d+|one|two|three|four|five|six)" + B + "|" // "I'll do 2 sessions"
        + B + @"(put|count|pencil|write) (my|our) \w+( \w+)? (down|in)" + B + "|" + B + @"add (my|our) (?!names?" + B + @")\w+" + B + "|" // "put my daughter down", "count my nephew in"
        + B + @"(i )?help (her|him|them|my \w+) (sign|order|book|register|join)" + B + @"|帮(她|他|他们|她们)\s*(报|订|登记|接龙|下单)|" // signing up for another
        + @"(_{2,}|" + B + @"(my family|our family|my household|our household|my \w+ and i|\w+ and i|me and (my )?\w+|we both|both of us|us both))\s+(both\s+)?(wants?|needs?|will take|takes?|would like)" + B + "|"
        + @"加多\s*([0-9]+|[一两二三四五六七八九十])\s*[份个盒箱袋瓶包件套斤台]", Options)] // Cantonese "加多一份": one more
    public static partial Regex JoinExtra();

    /// <summary>More ways out: "have to pull out", "drop me", "我们 out", "unit 9 is out", "can't make it".</summary>
    [GeneratedRegex(B + @"pull(s|ing|ed)? (me |us )?out" + B + "|"
        + B + @"(drop|scratch|scrap|strike|delete|remove|cross|bin|ditch) (me|us|my name|our name|mine|ours|my order|our order)" + B + @"(?!\s+(a|an|the|at|to|in|into|off at|a line|a message)" + B + ")|"
        + @"我(们|家|们家)?\s*out|out\s*了|不\s*要\s*了|"
        + @"(_{2,}|" + B + @"(we|they|my family|our family|household|my household|family|i))\s+(is|are|am) (now )?out" + B + @"(?! of)|"
        + B + @"(can'?t|cannot|won'?t be able to) (make it|join|take (it|part))" + B + "|"
        + B + @"(have|need|got) to (skip|pass|bail)" + B + "|" + B + "bail(ing)?( out)?" + B + "|"
        + B + @"(not|no longer) (joining|in|interested)" + B + @"(?! (for|with)" + B + ")", Options)]
    public static partial Regex LeaveExtra();

    /// <summary>More ways to change one's total: "调成三份", "唔该改做两盒", "set mine to 3", "revise to 3", "down to 1", "我们家最终两份", "final count 3".</summary>
    [GeneratedRegex(@"调整|调(成|为|到)|改\s*(做|成|为|到)|改\s*(返|番|翻)\s*(做|成|为)?|降到|降为|最终|最后(定|确定|改)|" + B + @"final(ly)? (count|number|total|answer|order)" + B + "|" + B + @"set (it |mine |that |my \w+ |our \w+ )?to" + B + "|" + B + @"adjust(ed)?( (it|mine|that|my \w+))?( to)?" + B
        + "|" + B + @"revis(e|ed|ing)( (it|mine|that|my \w+|our \w+|ours))?( to)?" + B
        + "|" + B + @"(down|up|reduce[ds]?|cut|lower|bump(ed)?|drop(ped)?|bring (it|mine)|switch(ed)?) (it |mine |that |me |us )?to" + B, Options)]
    public static partial Regex SetExtra();

    /// <summary>A change whose new total is nothing: "改为零份", "set mine to 0", "make it zero" (a withdrawal).</summary>
    [GeneratedRegex(@"^\s*((mine|it|that|my \w+|our \w+|ours)\s+)?(to\s+|成|为|到)?\s*(0|零|zero|none|nothing|nil)(?![0-9.])", Options)]
    public static partial Regex ZeroTarget();

    /// <summary>Questions asking for information ("how many can I order?", "几点取?"), never requests.</summary>
    [GeneratedRegex(@"几|多少|什么|哪|怎么|最多|上限|" + B + @"(how|what|when|where|which|why|max|maximum|limit)" + B, Options)]
    public static partial Regex InformationQuestion();

    /// <summary>Adding on top of an earlier sign-up: the count after it is the amount added.</summary>
    [GeneratedRegex(@"再加|再来|再要|追加|多加|加多|加\s*([0-9]|[一两二三四五六七八九十])|" + B + @"(add|another|extra|more)" + B, Options)]
    public static partial Regex AddOn();

    /// <summary>Not deciding yet: "考虑一下", "maybe", "let you know", "下次吧" ("我也想要,可惜这周不在家,下次吧").</summary>
    [GeneratedRegex(@"下次吧|下次再|next time|考虑|大概|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(prob|probably|likely|tentative(ly)?)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(?! not)|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))not (\S+\s+){1,2}sure(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))will (update|confirm)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|晚点(确认|再|告诉|定)|稍后(确认|告诉)|再确认|再看看|看情况|再说|问问|想想|看看再|犹豫|不确定|不一定|说不定|待定|商量|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))maybe(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))not sure(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|let you know|think about|thinking about|check with|ask (my|the)|get back to|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))might(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))perhaps(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))possibly(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))tbc(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))probably not(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex Hesitation();

    /// <summary>About something in the past: "上次买的很好吃", "去年的2份吃了好久".</summary>
    [GeneratedRegex(@"上次|去年|以前|买过|吃了|吃过|用过|上回|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))last (time|year|week|month)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))bought(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))used to(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex PastNarrative();

    /// <summary>A self-correction in the same message: the later number replaces the earlier.</summary>
    [GeneratedRegex(@"(^|[,\s])不[,\s]|不对|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))no,|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))no wait(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))wait(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))actually(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))i mean(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))make it(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))oops(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))sorry,? (i mean|make)|改", Options)]
    public static partial Regex Correction();

    /// <summary>Numbers after these are the ones being replaced ("not 2", "不是2份", "instead of two").</summary>
    [GeneratedRegex(@"((?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))not|n't|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))instead of|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))rather than|不是|不要|而不是|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))from|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))was)\s*$", Options)]
    public static partial Regex NegatedBefore();

    /// <summary>Clauses that describe the earlier quantity ("之前报的1份", "I had 2").</summary>
    [GeneratedRegex(@"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(i|we) (had|ordered|booked|wanted|signed up for|put down for|asked for|was down for|were down for)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|之前|刚才|原来|本来|先前|原先|前面|上面|已经|已报|报过|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))already(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))so far(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))earlier(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))previously(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))originally(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))before(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex EarlierQuantity();

    /// <summary>Each of several people: "我和邻居各一份", "一人一份", "1 each", "me and hubby both want one".</summary>
    [GeneratedRegex(@"各|一人(?=\s*([0-9]|[一两二三四五六七八九十]))|每人|每家|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))both( of (us|them))?(?= (want|need|take|get|would|will|'?d|are|in|joining)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9])))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))each(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))per (person|head)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex Each();

    [GeneratedRegex(@"(^|[\s,])(is|are|do|does|did|can|could|will|would|should|has|have|any|how|what|when|where|which|who|why|whats|what's|when's|where's|how's|is there|are there)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex EnglishQuestionStart();

    [GeneratedRegex(@"几|多少|什么|哪|怎么|是否|能不能|可不可以|有没有|要不要|行不行|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))how(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))what(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))when(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))where(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))which(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))why(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex QuestionWord();

    /// <summary>A polite request dressed as a question: "Can you update mine to 2 please?", "可以改做三份吗".</summary>
    [GeneratedRegex(@"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(can|could|would|will) (you|u)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9])).{0,40}(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(update|change|add|put|sign|count|make|reserve|save|give|book|remove|cancel|take)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(can|could|may) (i|we) (get|have|take|order|book|reserve|add)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))please(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))pls(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|麻烦|帮我|^\W*(可以|能不能|能否|可不可以|可唔可以)", Options)]
    public static partial Regex PoliteRequest();

    /// <summary>Asking another member ("@小王 你不是也想要吗?"), not speaking for oneself.</summary>
    [GeneratedRegex(@"^@|你不是|你家不是|你们不是|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))you (should|wanted|said)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))don'?t you(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))", Options)]
    public static partial Regex AddressingOther();

    /// <summary>Headcounts for "each" replies.</summary>
    [GeneratedRegex(@"我和|我跟|和我|我同(?!事|学|意|样|上|问|款|一|时)|(?<![a-z])[a-z]+ and i(?= (both|each|want|need|will|would|are|'d))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))me and(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))and me(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))my \w+ and i(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|我们俩|我们两|咱俩|俩人|两个人|两家|仨|三个人|我们三|三家|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))both of us(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(we|us) both(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))the two of us(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))three of us(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|" + SpokenHeadcount, Options)]
    public static partial Regex Headcount();

    /// <summary>
    /// A headcount said as a number (added with dev-11): "三口人", "一家四口", "四个人", "5位", "6 of us", "family of 4", "4 people".
    /// Not "一人一份" (one each), not "3人份" (portions).
    /// </summary>
    private const string SpokenHeadcount = @"(?<![0-9一二两三四五六七八九十])([0-9]{1,2}|[两二三四五六七八九十]{1,2}|俩|仨)\s*(个人|口人|口|位|人)(?!份|[0-9一每])|"
        + @"(?<![a-z0-9])([0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(of us|people|persons)(?![a-z])|(?<![a-z])family of ([0-9]{1,2}|two|three|four|five|six|seven|eight)(?![a-z0-9])";

    [GeneratedRegex(@"((?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))(\d+|one|two|three|four|five|six)(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))|[0-9一两二三四五六]+份?)\s*(for|给)\s*(me|my|us|our|him|her|[^\s,]{1,6})", Options)]
    public static partial Regex CountForSomeone();

    /// <summary>Nothing but thanks, acknowledgement, laughter or emoji.</summary>
    [GeneratedRegex(@"^[\s\p{P}\p{S}]*(谢谢|多谢|感谢|辛苦|收到|好的|好嘞|好滴|ok|okay|thanks?|thank you|thx|ty|cheers|great|nice|cool|got it|noted|哈+|h(a)+|lol|👍|🙏)?[\s\p{P}\p{S}]*$", Options)]
    public static partial Regex OnlyPleasantries();
}
