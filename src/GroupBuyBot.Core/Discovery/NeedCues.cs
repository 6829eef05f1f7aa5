using GroupBuyBot.Core.SignUps.Replies;
using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Discovery;

/// <summary>What one chat message does with respect to a possible shared need.</summary>
public enum NeedAct
{
    /// <summary>Nothing about wanting: chit-chat, news, an answer.</summary>
    Other,

    /// <summary>A question only ("多少钱一台?", "Does it include blood tests?").</summary>
    Question,

    /// <summary>States an own want ("我想给爸妈约个体检", "I'm looking for a piano").</summary>
    Want,

    /// <summary>A want that also asks others to join ("有没有一起的?", "Anyone keen?").</summary>
    Solicit,

    /// <summary>Joins someone else's want ("+1", "me too", "算我一个", "我家空调也该洗了").</summary>
    Join,

    /// <summary>Declines or withdraws ("我就不去了", "算了我不要了", "I'll pass", "take me off").</summary>
    Decline,

    /// <summary>Tries to instruct the bot; never evidence of interest.</summary>
    Instruction,
}

/// <summary>
/// Cheap zh/en cue lexicons over single messages, and the window pre-filter that lets the host skip
/// windows where nobody wants anything (saving LLM calls).
/// </summary>
public static partial class NeedCues
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const string B = @"(?:(?<![a-z0-9])(?=[a-z0-9])|(?<=[a-z0-9])(?![a-z0-9]))";

    // Where a word begins: {B} before a letter or digit, written so the regex generator can search from what follows it.
    private const string W = @"(?<![a-z0-9])";

    // Asking others to come along: the signature of a group-buy proposal.
    // "Any P4 parents looking for…", "any dog owners after…": a group named with a qualifier is asked along too.
    [GeneratedRegex(
        @"有没有(人|一起|要|想|兴趣|家长|邻居|同事|朋友|团)|有没有.{0,6}(班|团)[?吗]|有人(一起|想|要|有兴趣|同一?(天|班|时|路))|有.{0,4}一起(的)?[吗嘛么?]|一起(团|买|拼|约|报|订|凑|包)|团一下|团购[吗?]|拼单|凑单|(?<!我|我们|我家|我们家|(我|我们|我家|我们家)(也|都|很|挺|蛮|超|比较|非常)+)有兴趣|有要的|有意向|谁想|谁要|要的(扣|说|接)|报名的|"
        + $@"{B}anyone (else )?(want|need|keen|interested|fancy|up for|for|in|wanna){B}|{B}anyone'?s? (else|other)|{B}who'?s? (in|keen|interested|up for|doing it|doing this|entering|joining|signing up){B}|{B}want in{B}|{B}any takers{B}|{B}split (it|the|a|costs?){B}|{B}join me{B}|{B}(interested|keen)\?|{B}(let me know|lmk) (if|sizes?|how many|quantit|numbers|who){B}|{B}who else{B}|{B}(anyone|anybody)\s*[?!]+\s*$|{B}(want|wanna|like) to (split|share|go in|chip in|go halves)|{B}split (one|this|that|a \w+) with{B}|要不要.{{0,8}}(一起|包[月年场车]|团|拼|合买|合租)|要的(请|就)?\s*(回|报|留言|举手|吱|reply|comment|私)|有冇(人|边个)?.{{0,6}}(想|要|一齐)|一齐(叫|买|团|order|订|去)|揪团|揪一|要不(咱们|我们|大家)?一起|(我们|咱们|大家)凑一凑|想要的.{{0,6}}(mark|扣|接龙|报名)|mark一下|"
        + @"有人(?!知道|认识|记得|看到|收到|听说|在)[^,，。!?？]{1,14}(吗|嘛|么)(?![^\s?？!,.])|有谁家?(一起|要|想|需要)|谁家[^,，。!?？]{0,6}(要|想|需要)|一起[^,，。!?？]{0,3}的(说|扣|吱|接|报|留言)|"
        + $@"{B}(anybody|somebody|someone) (else )?(want|wants|need|needs|keen|interested|fancy|up for|wanna){B}|{B}(who'?s|whos) coming{B}|{B}anyone (wan|wants|due|else due|up for|going|coming){B}|{B}(is|would|will) anyone (be )?(up for|keen|want|interested){B}|{B}(anyone|who) want to (join|come|go halves|split){B}|{B}who (wants|needs|would like)( one| some| in| it)?\s*\?|{B}we'?re going,? (anyone|who){B}|"
        + $@"{B}(anyone|anybody) (else )?(looking for|after|in need of){B}|{B}if (anyone|anybody)('?s \w+)? (needs?|wants?){B}|{B}(can|could) (someone|somebody|anyone) (sort|organi[sz]e|arrange|order|get|do) (some|a|an|the|us)?{B}|(能不能|可不可以|能否)(也|顺便|再)?(帮忙)?(团|拼|开团|一起团|一起买)|可以(也|顺便|再)(帮忙)?(团|拼)"
        // Added with dev-12: "any of you with little ones fancy…?", "any parents keen?", "anyone's kids want to learn…?",
        // "想练间歇的一起吗?".
        + $@"|{B}any (of you|of us|one of you|parents|neighbours|neighbors|families|residents)( [\w']+){{0,5}}? (want|wants|need|needs|keen|interested|fancy|up for|wanna){B}|{B}any ([\w'-]+ ){{0,2}}(parents|mums|moms|dads|neighbours|neighbors|families|residents|owners|folks|riders|runners)( [\w']+){{0,5}}? (want|wants|need|needs|keen|interested|fancy|up for|wanna|looking for|after|in need of){B}|{B}anyone'?s (kids?|children|sons?|daughters?|little ones|parents|helpers?)( [\w']+)? (want|wants|need|needs|keen|interested){B}|想[^,，。!?？]{{1,10}}的(人)?(一起|来|报名)[^,，。!?？]{{0,2}}(吗|嘛|么|[?？])",
        Options)]
    private static partial Regex Solicitation { get; }

    // The deal's terms for a group, in an offer: "满10台打八折", "三家以上每家280", "£50 each if 3+ families book", "10+ rate".
    [GeneratedRegex(
        $@"满\s*[0-9一二两三四五六七八九十]+\s*(个|人|家|户|台|份|箱|位|组|单)|[0-9一二两三四五六七八九十]+\s*(家|户|人|位|个人|台)(以上|起)|凑够|人多(运费)?(更|就|能)?便宜|团购价|"
        + $@"{B}if (we|a few of us|enough (of us|people)|[0-9]+\+? (families|households|people|of us|flats|houses|units)) (order|book|take|get|go|join|sign|enter|register){B}|{B}[0-9]+\+ (families|households|people|of us|flats|houses|units|kids){B}|{B}(group|bulk|society|block) (rate|discount|price|deal){B}|{B}if we order [0-9]+{B}|{B}if (we|a few of us|enough of us) [a-z ]{{2,20}}[0-9]+\s*\+"
        // Added with dev-11: "if we are 8+", "if several of us sign up", "5 pairs is free shipping", "cheaper per person".
        + $@"|{B}if (we|we'?re|we are|there are) [0-9]+\s*\+|{B}if (several|some|a few|more|enough|all) of us (sign|order|book|join|go|take|get|enter|register){B}|{B}[0-9]+\+? [a-z]+ (is|are|gets?|for|=) (free (shipping|delivery|postage)|[0-9]+\s*% off){B}|{B}cheaper (per|for each) (person|head|family|household|pair|unit){B}",
        Options)]
    private static partial Regex GroupTerms { get; }

    // First-person wanting of something that can be bought, booked or hired.
    // Not an offer on a condition ("需要的话我推个微信", "有需要的可以私我"), nor asking what it takes ("Would we need mats?").
    [GeneratedRegex(
        @"我(家|们家?)?(也|都|还|自己)*(想|要|打算|准备|需要|得)(买|团|约|报|找|订|请|包|搞|做|学|去|带|给|换|装|洗|修|囤|拼|入|试|组织)|想(给|带|团|报|约|找|包|请|订|买|学|囤|拼)|(?<!(有|如果|要是|假如|若|不)[^,，。!?？]{0,2})需要(?!的话|的(朋友|人|话|可以|请|私|找|联系|扣))|急需|我家(肯定|一定)(要|去)|我自己也要|"
        + $@"{B}(i|we)'?d (like|love) to{B}|{B}(i'?m|i am|we'?re) (looking for|thinking of|planning to|booking|after|overdue){B}|{B}thinking of (ordering|buying|getting|booking){B}|(?<!(do|does|did|would|will|should|shall|must|don'?t|wouldn'?t|won'?t)\s+){B}(i|we) (really )?(want|need){B}|{B}we definitely want{B}|{B}i'?ve been wanting{B}|{B}desperate for{B}|{B}(i'?m |we'?re |so )?tempted{B}(?![^.!?]{{0,20}}{B}but{B})|{B}overdue for{B}|{B}(i'?m|i am|we'?re) (ordering|getting|buying|hiring|organising|organizing|arranging){B}",
        Options)]
    private static partial Regex OwnWant { get; }

    // Joining an existing want, including implicit "mine needs it too" statements, as four patterns by how an alternative
    // begins: a Chinese word or a sign, an English word, a guard on what comes before, the message's start. In one
    // alternation the regex generator found no character to search for and tried all 160 alternatives at every position
    // (5x slower on the dev sets' messages); IsMatch of "A|B" is IsMatch(A) || IsMatch(B), so the split reads the same.
    private static bool MatchesJoin(string text) =>
        JoinWords.IsMatch(text) || EnglishJoin.IsMatch(text) || GuardedJoin.IsMatch(text) || JoinAtStart.IsMatch(text);

    [GeneratedRegex(
        @"帮[^,，。!?？]{0,10}?(报|订|留|带|买)\s*([0-9]|一|两|个)|(也|都)在(找|等)|(我|我哋|我们)?(嚟|来)?补(位|上|个位)|我(也|都)?要半|(俾|畀)我\s*([0-9]|一|两|半)|算(我|上我|我们|我家|上)|也算|加我|带我(?!妈|爸|老|儿|女|孩|娃|婆|公|爷|奶|外|姥)|我(们|家)?(也|都|还)?(想要|要|想)(去|报|参加|来|洗|修|做|学|一|两|[0-9]|!|$)|我们?家?(也|都)?要[,!\s]|也要|都要|想报|我报|报上|也报|我家报|报名(?!开始|开启|开放|通道|截止|时间|链接|入口|方式|已经开|了吗)|我也去|我们也去|也想(去|报|找|学|约|要|做)|给我(来|留)|来一|留一|跟一|我也参加|一起吧|(也|是|确实|早就?|都)该[a-z洗修换剪保养清做买报约打弄补]"
        + $@"|帮我(们|家)?(也|一起)?(带|订|留|报|拿|买|洗|约|加|算|弄|做|团|拼|定)|给我(们|家)?(也|一起)?(洗|带|留|订|弄|做|修|报|约|来)|我们家(也|都|还)?想(去|要|报|学|做|买|洗|试|约)|(正|也|早就|一直|刚好)想(做|去|买|学|约|报|洗|弄|换|试|要|团)|我也(洗|修|做|弄|换|剪|约|买|订|装)一下|钱我出|我出钱|[,，]\s*(一起)+\W*$|(一起){{2}}|我(们|家)?\s*in(?![a-z])|我(们|家|们家)?(也|都|很|挺|蛮|超|比较|非常)*(感|有)兴趣|求带|求上车|顺便.{{0,8}}(帮|给|同)我|(帮|同)我\S{{0,3}}埋|我?也(给|帮|替)\S{{0,4}}(报|订|约|买|带|留|拿)|给(我|我们家)?(爸|妈|爸妈|老人|孩子|娃|儿子|女儿)\S{{0,2}}(报|订|约)(一|个|两)|(我|也)凑(一|个|[0-9])|蹲(一|了|个|到)?|我都要|算埋我|我哋都|一齐叫|我要我要|要要要|我我我|我算一个|也(做|订|来)一(套|份|个|张|箱|盒)|算我们家|帮我们(报|订|抢|买)|帮我(抢|揪)|我也要揪|🙋"
        + "|" + MoreJoinWords,
        Options)]
    private static partial Regex JoinWords { get; }

    [GeneratedRegex(
        $@"{W}(count|sign|put|add) (me|us|\w+) (in|up|down){B}|{W}count (me|us){B}|{W}sign \w+ up{B}|{W}put (me|us) down{B}|{W}(i'?m|we'?re) in(?=\s*($|[^\sa-z0-9]|(for|too|then|if|lah|la|leh|also|as well|again|guys|mate)(?![a-z])))|{W}in for{B}|{W}(me|us) too{B}|{W}(me|us) as well{B}|{W}for (me|us) (please|too|as well){B}|{W}(me|us) please{B}|{W}yes,? please{B}|{W}(i|we)'?d (love|like|be up for|do|book|sign up|join|take|want|go){B}|{W}up for (that|it){B}|{W}keen{B}|{W}(i|we)'?ll (join|take|do|sign up|book|have|come){B}|{W}please\W*$|{W}(for|sign) (our|my) [^.?!]{{0,30}}{B}please{B}|{W}same for (me|us){B}|{W}i want (one|in|some){B}|{W}(i|we)'?d (buy|pay|order|get|try|be in|chip in|split|share)( for)?{B}|{W}same here{B}|{W}ditto{B}|{W}(definitely|very|really|def|so|i'?m|we'?re|also|would be) interested{B}|{W}book (me|us|\w+) in{B}|{W}(too|as well),? (please|pls){B}|{W}(i'?m|we'?re|i am|we are) (also |definitely |totally )?up for{B}|{W}for (me|us)\s*(,|!|\.|$|thanks|cheers)"
        + $@"|{W}(please |pls |kindly )?(book|order|reserve|keep|save|include|add|put)( \w+){{0,3}} for (us|me|our \w+|my \w+){B}"
        + $@"|{W}i'?ll (come|grab|take|join){B}|{W}go halves{B}|{W}i take{B}|{W}(i|we) also want{B}|{W}also want{B}|{W}we (join|can join|could fill){B}|{W}(can )?count me in{B}|{W}(we'?d|i'?d) (have|do) (one|it|that){B}|{W}for me too{B}|{W}(i|we) would (also )?(like|love){B}|{W}would (love|be great for us){B}|{W}(my|our) (son|daughter|kid|kids|boy|girl|wife|husband) (can|could) (join|come){B}|{W}add me{B}|{W}yes pls{B}|{W}i'?m (so )?keen{B}"
        + "|" + MoreEnglishJoins,
        Options)]
    private static partial Regex EnglishJoin { get; }

    [GeneratedRegex(
        @"(?<![a-z0-9]\s)\+\s?[0-9]|(?<![a-z0-9\p{IsCJKUnifiedIdeographs}])\+(?![0-9])|(?<![不需想])(要|来)\s*(一|两|三|四|五|[0-9])\s*([份盒箱袋瓶包件套斤只]|个(?!人|月|小时))"
        + $@"|(?<![a-z])拼\W*$"
        + "|" + MoreGuardedJoins,
        Options)]
    private static partial Regex GuardedJoin { get; }

    [GeneratedRegex(
        $@"^\W*(一起|同去|同求)\W*$|^\W*interested{B}|(^|\n)\s*[0-9]{{1,2}}\s*[.、)]\s*[^0-9\s.][^\n?？]{{0,24}}$|^\W*mark(?![a-z])|^\W*拼\W*$"
        + $@"|^\W*(\d+|one|two|three|half( a)?) (dozen|box(es)?|kg|packs?|bags?|boxes)( \w+)?( for (us|me))?,? (please|pls){B}"
        + "|" + MoreJoinsAtStart,
        Options)]
    private static partial Regex JoinAtStart { get; }

    // A no put off with the verb of the need ("今年先不弄", "暂时不洗"), and a sign-up verb negated ("别算我", "don't count
    // me", "leave us out"), which names the same verb as a join.
    [GeneratedRegex(
        @"不去了|" + NoLongerVerb + "|就不(了|去|参加|凑|要|报|用)|先不(了|要|报|去|凑|弄|搞|洗|修|换|装|做|买|订|约|参加|团|拼|跟|考虑)|暂时不(弄|搞|洗|修|换|装|做|买|订|约|参加|团|拼|跟|要|报|去)|不凑了|不参加|这次不|不用(了|啦)|不需要|算了|不要了|(不|没)(打算|想)(去|买|要|报)|取消|退出|撤了|我撤|不报了|去掉我|删掉我|请不了|去不了|来不了|"
        + $@"{B}i'?ll (pass|skip|sit this one out){B}|{B}remove (me|us|[a-z]-?[0-9]{{1,4}}[a-z]?){B}|{B}no need( for (me|us))?{B}|{B}(not|no) for (me|us){B}|{B}no [a-z]+( [a-z]+)? for (me|us)( this time| thanks)?\W*$|{B}count (me|us) out{B}|{B}take (me|us) off{B}|{B}drop(ping)? out{B}|{B}withdraw|{B}can'?t make it{B}|{B}not (this time|interested){B}|{B}(i'?m|we'?re) out{B}|{B}next time{B}|{B}cancel|{B}(don'?t|do not) (need|want) (it|them|that|the \w+|any)( \w+)? any ?more{B}|{B}no longer (need|want){B}|不跟了|就不跟|(别|不要|不用|甭|勿|莫)(再)?(算|加|报|带|登记|记)(上)?(我|我们|我家|我哋|咱)|唔使(喇|啦|了)|(?<!要)唔要|{B}pull(ing)? out{B}|{B}(please )?(don'?t|do not) (count|put|sign|add|include|book) (me|us){B}|{B}leave (me|us) out{B}|{B}(have|need) to (skip|pass|bail){B}|(^|[,，\s])skip\W*$"
        // Added with dev-12: put off to another time ("下次吧", "改天再约", "maybe another time"); the time does not suit
        // ("6am is difficult for me", "not possible for me"); "will not be able to join".
        + $@"|下次(吧|再说|再约|再参加|再一起|再报|啦)|下回(吧|再)|改天(吧|再)|以后再说|{B}another time{B}|{B}rain ?check{B}"
        + $@"|{B}(is|are|'s|will be|would be) (very |too |quite |a bit |a little )?(difficult|not possible|impossible|not convenient|inconvenient|tough|not doable|too early|too late|too far) for (me|us){B}|{B}not possible for (me|us){B}"
        + $@"|{B}(will not|won'?t|not|never) be able to (join|come|attend|make it|participate|take part|do it){B}|{B}(unable|not able) to (join|come|attend|make it|participate|take part){B}|{B}(i|we) (cannot|can'?t) (join|come|attend|participate|take part){B}",
        Options)]
    private static partial Regex DeclineOrWithdraw { get; }

    // Already has or bought it, so the member does not want it now.
    [GeneratedRegex(
        @"已经(买|下单|约|订|洗|有|剪|做|换|装)|刚(买|洗|剪|做|换|装)过|刚(买|装)的|(上个?月|昨天|前天|上周)(就|刚)?(买|下单|洗|剪|做)|新装的|"
        + $@"{B}already (bought|have|got|booked|covers|did|done|ordered){B}|{B}just (had|bought|got|did){B}|{B}(had|has) (his|hers|ours|mine|it) done{B}|{B}(mine|ours|my \w+|our \w+) (was|were|got|has been|have been) (done|fixed|serviced|cleaned|treated){B}|{B}(i|we) just (serviced|did|fixed|cleaned|replaced){B}",
        Options)]
    private static partial Regex AlreadyHas { get; }

    // "I'd be keen but…", "would love to but…": a wish turned down in the same breath.
    [GeneratedRegex(
        $@"{B}((i'?d|i would|would) (be keen|love to|join|come|do it|go)|(i'?m )?tempted){B}[^.!?]{{0,20}}{B}but{B}|本来想.{{0,12}}(但是|可是|不过)",
        Options)]
    private static partial Regex WouldButNot { get; }

    // Asking for a provider or a place to buy: "有没有靠谱的师傅", "有人知道哪里能请人上门清洗空调吗", "anyone know good
    // aircon servicing guy?". Asking for one is wanting the service, whoever it is for.
    [GeneratedRegex(
        $@"有没有人(知道|认识|推荐)[^?,]{{0,12}}(的|师傅|阿姨|老师|店)|(有人|谁|边个|你们|大家|各位)(知道|认识|推荐|晓得|识)[^?,]{{0,16}}(哪|边度|边间|师傅|阿姨|老师|店|电话|靠谱)|有没有(靠谱的|好的|推荐的?)|有冇(人识|人知|靠谱|好嘅)|求推荐|哪里(能|可以|有)(请|找|买|叫|订)|"
        + $@"{B}(anyone|anybody|someone|somebody) (know|knows|recommend|recommends|got|has|have)( of)? (a|an|any|good|decent|reliable|where|who|someone|somebody){B}|{B}where (can|do|could) (i|we|you) (get|buy|find|order|book){B}|{B}any (recommendations?|recs?) for{B}",
        Options)]
    private static partial Regex ProviderSeeking { get; }

    // A no: "不", "太贵", "not worth".
    [GeneratedRegex($@"不|没|太贵|{B}(not|no|don'?t|won'?t|never){B}", Options)]
    private static partial Regex Negation { get; }

    // Searched from the end: the last "but" decides.
    [GeneratedRegex(
        @"(?<![a-z])but(?![a-z])|但是|不过|可是|(?<=(算了|不了|不要了)\W{0,2})还是|(?<![a-z])on second thoughts?(?![a-z])",
        RegexOptions.RightToLeft | Options)]
    private static partial Regex LastContrast { get; }

    // Agreeing first: "我家也是!!几家一起约", "我屋企都系!", "我女儿也是!", "Omg same!", "好啊…一起报".
    [GeneratedRegex(
        $@"^\W*((omg|oh|wow|哇|巧了)\W*)?(我[^,，。!?？\s]{{0,4}}(也|都)(是|系|一样)|我也想(找|要|约|去)|{B}(me too|same here|ours too|mine too|same|same same|me also){B})",
        Options)]
    private static partial Regex AgreementLead { get; }

    // A new subject is being opened: "仲有", "另外", "对了", "separate thing", "random one but".
    [GeneratedRegex(
        $@"^\W*(仲有|另外|对了|还有个事|还有件事|{B}(also|btw|separate thing|random one|on another note|unrelated){B})",
        Options)]
    private static partial Regex NewSubject { get; }

    // A running list by the organiser: "荔枝目前:…", "so far: me, A, B", "so that's me, X, Y", and a heading before a list
    // ("Vest order: Sam M, Jo L, …", "包车: 我、小王、阿May").
    [GeneratedRegex(
        $@"目前[::]|统计|名单|{B}(so far|so that'?s|tally|list so far){B}|^\W*(?![0-9]{{1,2}}[::][0-9])\S{{1,8}}[::]\s*\S+\s*[0-9]|^[^\n::?？,，]{{1,20}}[::][^\n?？,，]{{1,16}}[,，、][^\n?？,，]{{1,16}}[,，、]",
        Options)]
    private static partial Regex Tally { get; }

    [GeneratedRegex(@"哈哈|😂|🤣|😆|(?<![a-z])(lol|(ha){2,}|haha+|lmao|(he){2,})(?![a-z])", Options)]
    private static partial Regex Laughter { get; }

    // Joke signals beyond laughter: things no group can buy (annual leave, a yacht, one's hairline),
    // absurd "+10086"-style counts, and crying-laughing at one's own plight.
    [GeneratedRegex(
        $@"年假|假期|台风假|发际线|头发|彩票|游艇|私人飞机|月球|火星|脱单|对象|团(个|一个)?(女朋友|男朋友|老公|老婆)|😭|🛥|⛵|🚤|🛳|🚀|(?<![0-9a-z])\+\s*[0-9]{{3,}}|{B}(a yacht|yachts?|private jet|an island|the moon|mars|lottery|a boyfriend|a girlfriend|annual leave|a holiday|hairline){B}"
        // Added with dev-12: more things no group of neighbours buys, and sums in the millions ("£1.2m ono", "三百万").
        + $@"|潜艇|潜水艇|直升机|飞船|{B}(submarines?|helicopters?|spaceships?|space station){B}|[£$€¥]\s*[0-9][0-9.,]*\s*(m|mn|mil|million|bn|billion){B}|{B}[0-9][0-9.,]*\s*(million|billion){B}|[0-9一二两三四五六七八九十几]+\s*(百万|千万|亿)",
        Options)]
    private static partial Regex Playful { get; }

    [GeneratedRegex(@"@\S*(bot|助手|机器人)|机器人[:,]|(?<![a-z])(bot|机器人)(请|,)", Options)]
    private static partial Regex BotAddress { get; }

    // Trying to change the bot's rules or role: "ignore previous instructions", "you are now…", "忽略之前的指令".
    // Its settings and limits are rules too ("忽略你之前的所有设置").
    [GeneratedRegex(
        $@"{B}(ignore|disregard|forget|override)\W+(all |any |the |your |my |of )*(previous|prior|above|earlier|preceding|all|your|these|those|system)\W+(\w+\W+){{0,2}}(instructions?|rules?|prompts?|directions?|guidelines|messages|context){B}|(忽略|无视|忘记|忘掉|不要理会).{{0,8}}(指令|规则|设定|设置|配置|命令|提示|要求|指示|限制)|{B}system (override|prompt|message){B}|系统(指令|提示)|{B}(you are|you'?re|u r) now{B}|{B}(act|behave) as (a|an|the|if){B}|{B}pretend (to be|you are|you'?re){B}|{B}from now on,? (you|the bot){B}|{B}new instructions{B}|{B}(developer|admin|god|debug) mode{B}|{B}jailbreak|你现在是|从现在(开始|起)你|扮演|假装你是|新(的)?指令|(管理员|开发者)模式",
        Options)]
    private static partial Regex RuleChange { get; }

    // Changing the bot's data: a price, everyone's quantities. "everyone's quantity can be 1 box" has no such verb.
    [GeneratedRegex(
        $@"{B}set (the |a |its )?price{B}|{B}(change|set|update|make) (everyone'?s?|everybody'?s?|all( the)?( members'?| users'?)?) (quantit|orders?|sign[- ]?ups?|amounts?)|(所有人|每个人|大家|全部人?)的?(数量|份数|订单)?都?(改成|改为|设为|设成|设置为)|(价格|价钱|单价)(改成|改为|设为|设成|定为)",
        Options)]
    private static partial Regex ChangeData { get; }

    // An order to open a buy, at the start of a clause: "create a buy for…", "Bot, open a group buy". Counted only
    // when it asks nobody anything (see IsInstructionToBot): "let's start a group buy", "I'll open a buy" and
    // "Start a group order for rice? I'm in" are members organising, not orders.
    [GeneratedRegex(
        $@"(^|[.!;:,]\s*)(please |pls |now |just )?(create|open|start|launch|set up|post|announce) (a |an |the |one |new |another |\d+ )*(group[- ]?buys?|buys?|orders?|团购|拼团){B}",
        Options)]
    private static partial Regex OpenBuyOrder { get; }

    // What a member can only ask the bot itself to do (with the bot addressed): "机器人,发起一个团购", "@GroupBuyBot 开个团".
    [GeneratedRegex(
        $@"发起|创建|新建|开(个|一个)?(团|单)|(设|定|改)(置)?价|删除|关闭|结束(团|报名)|{B}(open|create|start|launch|close|delete|announce|post)( a| an| the| new)? (group[- ]?buy|buy|order|list){B}",
        Options)]
    private static partial Regex BotActVerb { get; }

    // "你家不是也想要吗" urges another member (see UrgesAnother for a message that opens by naming one).
    [GeneratedRegex(@"你不是|你家不是|你们不是|帮你|(?<![a-z])(you should|don'?t you|you were|you said|what about you)(?![a-z])", Options)]
    private static partial Regex UrgingOther { get; }

    // "Did anyone else hear the fox?": asking about the past is never a call for company.
    [GeneratedRegex($@"^\W*(did|has|have|was|were) (anyone|anybody|someone|you){B}|(有没有人|有人)(收到|看到|知道|听到|见到|见过|捡到|在家|在吗|丢)|(有没有人|有人).{{0,12}}(还没|没)(到|收到|来)", Options)]
    private static partial Regex PastQuestion { get; }

    // Yes-type answers: "Yes!", "Yeah, ours is overdue", "好啊", "可以可以".
    // A bare "In.", "Want!", "要!" says yes the same way.
    [GeneratedRegex($@"^\W*(ooh,? |oh,? |ah,? )?(yes|yeah|yep|yup|yess+|sure|definitely|absolutely|of course|count me|好啊|好呀|好的呀|可以(啊|呀|可以)|要要|必须的?|当然)(?![a-z])|(?<![a-z])yes\s*!|(?<![a-z])so\W+(yes|yep|yeah)\W*$|^\W*有(啊|呀|的|喔|哦|呢|架)?\s*!|^\W*(in|want|wan|要)\s*([.!]|$)", Options)]
    private static partial Regex Affirmative { get; }

    // Speaking for oneself or one's household.
    [GeneratedRegex($@"我|咱|{B}(i|i'?m|i'?d|i'?ll|me|my|mine|we|we'?re|we'?d|we'?ll|us|our|ours){B}", Options)]
    private static partial Regex FirstPerson { get; }

    // Added with dev-12: an explicit join at the very start of a message.
    [GeneratedRegex($@"^\s*(\+\s?1(?![0-9])|算(我|上我|我们|我家)(一个|一份)?|(count|put) (me|us) (in|down){B}|(i'?m|we'?re) in(?![a-z])|(me|us) too{B})", Options)]
    private static partial Regex OpensWithJoin { get; }

    [GeneratedRegex(@"[?吗么呢嘛][\s\p{So}\p{Sk}\p{Cs}]*$", Options)]
    private static partial Regex EndsAsQuestion { get; }

    /// <summary>
    /// The message tries to change the bot's rules or make it act ("ignore previous instructions", "you are now…",
    /// "create a buy for…", "机器人,发起一个团购"). Mentioning or addressing the bot is not enough: "机器人,把我家也算上一套"
    /// and "everyone's quantity can be 1 box, I'm in too" are sign-ups.
    /// </summary>
    public static bool IsInstructionToBot(string normalizedText) =>
        RuleChange.IsMatch(normalizedText)
        || ChangeData.IsMatch(normalizedText)
        || BotAddress.IsMatch(normalizedText) && BotActVerb.IsMatch(normalizedText)
        || OpenBuyOrder.IsMatch(normalizedText) && !normalizedText.Contains('?', StringComparison.Ordinal) && !Solicitation.IsMatch(normalizedText);

    public static bool HasWantCue(string normalizedText) => OwnWant.IsMatch(normalizedText) || Solicitation.IsMatch(normalizedText);

    public static bool IsSolicitation(string normalizedText) => Solicitation.IsMatch(normalizedText);

    public static bool IsJoinIn(string normalizedText) => MatchesJoin(normalizedText) && !UrgesAnother(normalizedText);

    public static bool IsDeclineOrWithdrawal(string normalizedText) => DeclineOrWithdraw.IsMatch(normalizedText) || AlreadyHas.IsMatch(normalizedText);

    /// <summary>The message opens a new subject ("另外", "仲有", "also anyone…").</summary>
    public static bool OpensNewSubject(string normalizedText) => NewSubject.IsMatch(normalizedText);

    /// <summary>The message is an organiser's running list of who is in.</summary>
    public static bool IsTally(string normalizedText) => Tally.IsMatch(normalizedText);

    public static bool HasLaughter(string normalizedText) => Laughter.IsMatch(normalizedText);

    /// <summary>Laughter or an absurd object/count: the message is likely a joke, not a want.</summary>
    public static bool IsPlayful(string normalizedText) => Laughter.IsMatch(normalizedText) || Playful.IsMatch(normalizedText);

    /// <summary>Names something no group can buy (a partner, annual leave, a yacht) or an absurd count ("+10086").</summary>
    public static bool NamesAJokeThing(string normalizedText) => Playful.IsMatch(normalizedText.Replace("😭", "", StringComparison.Ordinal));

    /// <summary>A yes-type answer ("Yes!", "好啊"): interest when it answers a call for company.</summary>
    public static bool IsAffirmative(string normalizedText) => Affirmative.IsMatch(normalizedText) && !IsIronic(normalizedText);

    /// <summary>
    /// States a deal's terms for a group ("满10台打八折", "£50 each if 3+ families book", "10+ rate"): raised at the top of
    /// the chat, not as an answer, such a message offers a group buy, whether or not it asks anyone along.
    /// </summary>
    public static bool OffersGroupTerms(ChatMessage message) =>
        message.ReplyToId is null && GroupTerms.IsMatch(ChatTextNormalizer.Normalize(message.Text));

    /// <summary>True when the speaker talks about themselves or their household.</summary>
    public static bool SpeaksForSelf(string normalizedText) => FirstPerson.IsMatch(normalizedText);

    /// <summary>Classifies a raw message text. Order matters: the strongest reading wins.</summary>
    public static NeedAct Classify(string text)
    {
        var t = ChatTextNormalizer.Normalize(text);
        if (t.Length == 0)
        {
            return NeedAct.Other;
        }

        if (IsInstructionToBot(t))
        {
            return NeedAct.Instruction;
        }

        // "Swimming's a no for me, but I'd do the screening": what follows "but" is the decision.
        var decisive = LastContrastiveClause(t);

        // JoinIn is the largest pattern and most branches below ask it: each text is matched once (it was up to 7 times).
        bool? wholeJoins = null, decisiveJoins = null;
        bool Joins() => wholeJoins ??= MatchesJoin(t);
        bool DecisiveJoins() => string.Equals(decisive, t, StringComparison.Ordinal) ? Joins() : decisiveJoins ??= MatchesJoin(decisive);

        // "we just did one in March so I'll skip, but sounds like a good deal": a "but" that only praises keeps the no.
        var declineScope = DecisiveJoins() || OwnWant.IsMatch(decisive) ? decisive : t;
        if (IsDeclineOrWithdrawal(declineScope) && !(DecisiveJoins() && !DeclineOrWithdraw.IsMatch(decisive))
            || WouldButNot.IsMatch(t) && !DecisiveJoins())
        {
            return NeedAct.Decline;
        }

        if (UrgesAnother(t) || IsIronic(t))
        {
            return NeedAct.Other; // urging someone else, or a mock "I'd LOVE to 🙃", is not the speaker's own interest
        }

        // Nobody else is urged from here on, so IsJoinIn(t) is Joins().

        if (AsksInWithOwnCount(t))
        {
            return NeedAct.Join; // "can join? 2 units": asks to be let in, and says for what
        }

        if (PastQuestion.IsMatch(t) && !OwnWant.IsMatch(t) && !ProviderSeeking.IsMatch(t))
        {
            return NeedAct.Question;
        }

        // Added with dev-12: a message that opens by joining ("+1, but I have no wide-angle lens, can anyone lend one?",
        // "算我一个,有人顺路吗?") joins, whatever it asks after.
        if (OpensWithJoin.IsMatch(t) && Joins())
        {
            return NeedAct.Join;
        }

        // A call for company outranks join wording inside it ("我想报个课…有人一起吗?"), unless it opens
        // by agreeing with what was raised ("我家也是!!几家一起约") or says yes without asking ("好啊 一起报").
        if (Solicitation.IsMatch(t))
        {
            var agrees = AgreementLead.IsMatch(t) || Affirmative.IsMatch(t) && !t.Contains('?', StringComparison.Ordinal) && !EndsAsQuestion.IsMatch(t);
            return agrees ? NeedAct.Join : NeedAct.Solicit;
        }

        if (ProviderSeeking.IsMatch(t) && !Joins())
        {
            return NeedAct.Want;
        }

        if (OwnWant.IsMatch(t) && !Joins())
        {
            return EndsAsQuestion.IsMatch(t) ? NeedAct.Solicit : NeedAct.Want;
        }

        if (Joins() || (AgreementLead.IsMatch(t) || SameProblem.IsMatch(t)) && CommitsToIt(t) && !EndsAsQuestion.IsMatch(t))
        {
            return NeedAct.Join; // "我家也是!去年就想洗了": agreeing and wanting it too; "我的也是,物流太慢了" only agrees
        }

        if (HasWantCue(t))
        {
            return NeedAct.Want;
        }

        return EndsAsQuestion.IsMatch(t) || t.Contains('?', StringComparison.Ordinal) ? NeedAct.Question : NeedAct.Other;
    }

    /// <summary>
    /// The pre-filter: true when at least one message raises a want and at least two distinct
    /// members speak with want or join cues. Windows failing it cannot hold a shared need.
    /// </summary>
    public static bool IsWorthExtracting(IReadOnlyList<ChatMessage> window)
    {
        var raised = false;
        var interested = new HashSet<long>();
        foreach (var message in window)
        {
            var act = Classify(message.Text);
            raised |= act is NeedAct.Want or NeedAct.Solicit;
            if (act is NeedAct.Want or NeedAct.Solicit or NeedAct.Join)
            {
                interested.Add(message.FromId);
            }
        }

        return raised && interested.Count >= 2;
    }

    private static string LastContrastiveClause(string t)
    {
        // "算了还是给我也带一桶吧", "nah, on second thought count me in": a no taken back is a contrast too.
        var match = LastContrast.Match(t);
        return match.Success && match.Index + match.Length < t.Length ? t[(match.Index + match.Length)..] : t;
    }
}
