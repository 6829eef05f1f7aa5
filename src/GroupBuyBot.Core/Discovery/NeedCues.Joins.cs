namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Joins the lexicon missed until dev-8, as families: "我也 + the verb of the need" ("我也换", "我们也装一个"), trying it
/// with a count ("那我也试试 2包"), claiming what is left ("剩下那盒给我吧", "dibs on the last one"), "我们报!", a yes
/// that holds on a condition or a date ("周末的话我去", "15号我可以", "Saturday works for us"), "add us", and "I'll
/// split with you". The reversal of a no ("算了还是给我也带一桶吧") is read in <see cref="LastContrastiveClause"/>.
/// </summary>
public static partial class NeedCues
{
    // The joins below, kept by how they begin (see MatchesJoin): Chinese words and signs first.
    private const string MoreJoinWords =
        @"我(们|家|们家)?(也|都)(换|买|订|装|洗|修|约|拼|参加|入|囤)(?![了过])(?=\s*([,，!！.。~]|$|[0-9一两二三四五六七八九十]|个|份|套|台))"
        + @"|也?(试试|试一下|试一试)\s*[0-9一两二三四五六七八九十]\s*[份个盒箱袋瓶包件套斤只张罐]"
        + @"|(那|这|剩下|剩|最后)[^\s,，。!?？]{0,4}给我(吧|呗|啦|了|!|！|\s|$)"
        + @"|我(们|家|们家)?(也|都|就)?报(?![了过])(?=\s*([!！,，.。~]|$|名|一|两|[0-9]|个))"
        + @"|(的话|就行的话)\s*(我|我们|我家)(也|就)?(去|来|要|报|参加|可以)(?![^\s,，。!?？]{0,2}(吗|么|呢|\?))"
        // Added with dev-10: Cantonese "我都加埋" / "加埋我", a child or partner "一齐" too.
        + @"|我(哋|地|们)?(都|也)加埋|加埋(我|我哋|我地)|(我|我哋|我地)(个|的|家)?(仔|女|囡|儿子|女儿|孩子|娃|老公|老婆|老婆仔)\s*(也|都)?\s*(一起|一齐)\W*$"
        // Added with dev-11: a household's "也 + verb" with what it is for between ("我家也洗吧", "我家阿黄也约", "那我家猫也上门打吧";
        // not "我家猫也打过了"); "我订!"; a count given to me ("给我两包").
        + "|" + HouseholdToo
        + @"|我(们|家|们家)?(也|都)?订(?![了过单])(?=\s*([!！,，.。~]|$))"
        + "|" + GivenCount
        + @"|我(们|家|们家)?(肯定|也|都|就|必须|一定)+算(一|个|[0-9]|我)"
        // Added with dev-12: counting a named person in ("算小明一个", "那就算朵朵一份"; not "算下来一个人", "算了"); keeping a
        // place for someone ("先给豆豆占个位", "帮我留个名额"); a household member's want relayed ("她肯定要的").
        + @"|算(?!了|下|起|是|上来|出|数|账|帐|命|盘|法|得)[^\s,，。!?？0-9]{1,6}?(一个|一份|一位|一只)(?![人月])"
        + @"|(给|帮|替)[^\s,，。!?？]{0,6}?(占|留)(个|一个|两个|[0-9]个)?(位|位置|名额|坑)|先占(个|一个)?(位|坑|名额)"
        + @"|(他|她|他们|她们)(说)?(肯定|一定|也|都)(要|想要|想报|会要|会报|想去|会去)(的)?(?![^\s,，。!?？]{0,4}(吗|么|呢|[?？]))"
        // A want relayed from home ("阿妈话要呀", "她说要三箱"; not "他说要下雨"); "帮佢book埋", an English booking verb in Chinese.
        + @"|(说|话|讲)(她|他|佢)?(也|都|肯定|一定)?(要|想要)(呀|啊|的|啦|喔|哦|!|~|\s*$)"
        + @"|(帮|同|替)(佢|他|她|我|我们|我哋|我家)?[^\s,，。!?？]{0,4}(book|order|register|reg|sign up)(埋|一个|个)?(?![a-z])";

    // English words: claiming what is left ("dibs on the last one", "that one's mine"), "add us", a day that suits
    // ("Saturday works for us"), "I'll split with you".
    private const string MoreEnglishJoins =
        $@"{W}dibs{B}|{W}(that|the last|the other|the spare)( one)?'?s mine{B}|{W}add us{B}(?!\s+(on|to)\s)"
        + $@"|{W}(mon|tues|wednes|thurs|fri|satur|sun)day works for (me|us){B}|{W}(i|we)'?ll (split|share|go halves|chip in|go in)( it| one| a \w+)? with{B}"
        // Added with dev-10: "I join" / "also join" said of oneself, and Malay "nak 1kg" (wants one kilo).
        + $@"|{W}(i|we) (can |will |also |wanna |want to )?join{B}(?!\s+(me|us)\b)|{W}also join{B}(?!\s+(me|us)\b)|{W}(nak|mau|mahu)\s+([0-9]|(satu|dua|tiga|se(kilo|kotak|biji|ekor|pek)){B})"
        // Added with dev-11: "for me pls"; "I am interesting" (meaning interested).
        + $@"|{W}(also )?for (me|us) (pls|plz|thanks){B}|{W}(i am|i'?m|we are|we'?re) (very |so |also )?interesting{B}"
        // Added with dev-12: "save a spot for Mia", "my daughter also wants to join", "me and my wife would both do it",
        // "both of us are interested", "we will also try".
        + $@"|{W}(save|hold|keep|reserve) (a |one |two |[0-9] )?(spot|place|seat|slot)s? for{B}"
        + $@"|{W}(my|our) [\w-]+( [\w-]+)? (also |too )?wants? to (join|come|do it|sign up|learn|try|be in){B}"
        + $@"|{W}(myself|me|i) and (my|our) [\w-]+( [\w-]+)? (both |also )?(are |would |will |'d |'ll )?(both |also )?(interested|do it|join|come|sign up|be in){B}"
        + $@"|{W}(both|all) (of us )?(are )?interested{B}"
        // Signing up one's own thing: "count my flat in", "put my road bike down", "book our two rooms in" (not "put my foot
        // down"); a count of the thing and please ("2 jerseys please, large"; not "5 minutes please").
        + $@"|{W}(count|put|sign|book|pencil) (my|our) (?!foot|feet)[\w'-]+( [\w'-]+)? (in|down|up){B}"
        + $@"|{W}([0-9]+|one|two|three|four|five|six) (?!(min|mins|minutes|hours?|secs?|seconds|days?|weeks?|more minutes)(?![a-z]))[a-z-]+( [a-z-]+)?,? (please|pls|plz){B}"
        + $@"|{W}(we|we both|both of us) (are|r) (both |also )?interested{B}|{W}(we|i) (will|'ll) (also |definitely )?try{B}";

    // A guard on what comes before: a yes that holds on a date ("15号我可以").
    private const string MoreGuardedJoins =
        @"(?<![0-9])[0-9一二三四五六七八九十]{1,3}\s*号\s*(我|我们|我家)(也|都)?(可以|行|ok|没问题)(?![^\s,，。!?？]{0,6}(吗|么|呢|\?|帮|问))"
        // Added with dev-11: a count ordered with any ordering verb and any unit of a thing ("我要三筒", "那我来十只",
        // "整两袋", "带一包", "我也加一个吧"; not "要两天", "来两个人", "带一个朋友", "不用带两包", "谁再来一把?").
        + "|" + OrderedCount
        // Added with dev-12: a household member's want relayed ("Tom says he'll do it"); adding or including one's own
        // ("kindly add our names", "please include me", "add both my kids"; not "don't include me").
        + $@"|{B}(\w+|my \w+|our \w+) (says|said) (he|she|they)('?ll| will| would|'d| wants?| want to| is keen| is in)( also| too)?( do| join| come| take| have| book| be in| it| one|\W*$){B}"
        + $@"|(?<!(don'?t|do not|not|never) )(?<![a-z])(kindly |please |pls |then )?(add|include|enrol|enroll|register|put down) (both |all )?(my|our) ([\w-]+ )?(names?|kids?|children|sons?|daughters?|boys?|girls?|twins|family|parents){B}"
        + $@"|(?<!(don'?t|do not|not|never) )(?<![a-z])(kindly |please |pls |then )?include (me|us){B}";

    // The message's start: a want that asks whether the kind is there ("我要黑刺的有吗?"); the thing first, then "我来!/我要!"
    // ("间歇我来!", "蛋挞我要!").
    private const string MoreJoinsAtStart =
        @"^\W*我(也|们|家|们家)?要[^\s,，。!?？]{1,8}?的?\s*(有吗|有没有|有冇|可以吗|行吗|得唔得)\W*$"
        + @"|^[^\s,，。!?？]{1,8}?(我|我们|我家|我哋)(也|都)?(来|要|去|参加)\s*[!~]";

    private const string CountedUnit =
        @"(份|盒|箱|袋|瓶|包|件|套|斤|只|筒|桶|提|把|双|台|部|粒|磅|张|罐|支|条|对|盆|杯|个(?!人|月|小时|星期|礼拜|钟|朋友|同事|孩子|小孩|学生|时间))";

    private const string OrderedCount =
        @"(?<![不需想别甭没用]|谁[^\s,，。!?？]{0,3}|有人[^\s,，。!?？]{0,3})(要|来|订|定|整|带|拿|加|留|约)\s*(一|两|二|三|四|五|六|七|八|九|十|半|[0-9]{1,3})\s*" + CountedUnit
        + @"(?![^\s,，。!！]{0,6}[?？吗么])";

    private const string GivenCount =
        @"给我(也)?\s*(一|两|二|三|四|五|六|七|八|九|十|半|[0-9]{1,3})\s*" + CountedUnit;

    private const string HouseholdToo =
        @"我(们)?家[^\s,，。!?？]{0,4}?(也|都)(上门|一起)?(洗|约|打|修|换|装|订|买|报|做|弄|拆洗|清洗|加|团|拼)(一洗|一下)?(吧|呗|啦|喇)?(?![了过吗么呢好完])(?=\s*([,，!！.。~]|$|\s|[0-9一两二三四五六七八九十]|个|份|套|台))";

    // Added with dev-11: asking to be let in and saying what for, in one message ("can join? 3 units", "还能加吗 我家两台",
    // "团购那个还有位吗 我一个人"): a join, though it asks. Asking alone ("还能加吗?") stays a question here.
    [System.Text.RegularExpressions.GeneratedRegex(
        $@"{B}(can|could) (i |we )?(also |still )?join{B}|还(能|可以)(加|报|算|上车|参加)|还有(位|位置|名额|空位)|(能|可以)(带|算|加)上?我"
        // Added with dev-12: "can include me?", "can he join?", Cantonese "仲有位?".
        + $@"|{B}(can|could) (you )?(also )?(include|add|count|put) (me|us|him|her|my \w+){B}|{B}(can|could) (he|she|they|my \w+|our \w+) (also |still )?join{B}|仲(有|可以)(位|名额|位置|加|报|join)",
        Options)]
    private static partial System.Text.RegularExpressions.Regex AskIn { get; }

    [System.Text.RegularExpressions.GeneratedRegex(
        $@"[?？吗]\W*.{{0,20}}(?<![0-9])([0-9]{{1,4}}|一|两|二|三|四|五|六|七|八|九|十)\s*(台|部|个|份|套|只|间|位|箱|盒|袋|units?|pax|pairs?|boxes|rooms?|kids?|people|of us|litres?|liters?|l|kg|bags?|bottles?|tins?|packs?|slots?|seats?|children)(?![a-z])",
        Options)]
    private static partial System.Text.RegularExpressions.Regex OwnCountAfterAsking { get; }

    /// <summary>Asks to be let in and says for how many or how much in the same message: a join.</summary>
    private static bool AsksInWithOwnCount(string t) => AskIn.IsMatch(t) && OwnCountAfterAsking.IsMatch(t) || CountThenMayWe.IsMatch(t);

    // Added with dev-12: who is coming and how many first, then asking whether that is all right: "我跟我男友两个人,可以吗?",
    // "我们一家三口可以吗", "me and my sister, 2 pax, can?".
    [System.Text.RegularExpressions.GeneratedRegex(
        $@"(我|我们|我哋)(跟|和|同|带|加)[^\s,，。!?？]{{1,6}}(两|二|三|四|[0-9])\s*(个|位)?人?[,，\s]*(可以|行|得|ok)(吗|么|不|唔|[?？])|(我们|我家)一家(三|四|五)口[,，\s]*(可以|行)(吗|么|[?？])|{B}(me|i) and my \w+,? ([0-9]|two|three) (pax|people|of us),? (can|ok|okay)\s*\?",
        Options)]
    private static partial System.Text.RegularExpressions.Regex CountThenMayWe { get; }
}
