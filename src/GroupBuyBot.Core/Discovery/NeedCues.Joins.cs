namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Joins the lexicon missed until dev-8, as families: "我也 + the verb of the need" ("我也换", "我们也装一个"), trying it
/// with a count ("那我也试试 2包"), claiming what is left ("剩下那盒给我吧", "dibs on the last one"), "我们报!", a yes
/// that holds on a condition or a date ("周末的话我去", "15号我可以", "Saturday works for us"), "add us", and "I'll
/// split with you". The reversal of a no ("算了还是给我也带一桶吧") is read in <see cref="LastContrastiveClause"/>.
/// </summary>
public static partial class NeedCues
{
    private const string MoreJoins =
        @"我(们|家|们家)?(也|都)(换|买|订|装|洗|修|约|拼|参加|入|囤)(?![了过])(?=\s*([,，!！.。~]|$|[0-9一两二三四五六七八九十]|个|份|套|台))"
        + @"|也?(试试|试一下|试一试)\s*[0-9一两二三四五六七八九十]\s*[份个盒箱袋瓶包件套斤只张罐]"
        + @"|(那|这|剩下|剩|最后)[^\s,，。!?？]{0,4}给我(吧|呗|啦|了|!|！|\s|$)"
        + @"|我(们|家|们家)?(也|都|就)?报(?![了过])(?=\s*([!！,，.。~]|$|名|一|两|[0-9]|个))"
        + @"|(的话|就行的话)\s*(我|我们|我家)(也|就)?(去|来|要|报|参加|可以)(?![^\s,，。!?？]{0,2}(吗|么|呢|\?))"
        + @"|(?<![0-9])[0-9一二三四五六七八九十]{1,3}\s*号\s*(我|我们|我家)(也|都)?(可以|行|ok|没问题)(?![^\s,，。!?？]{0,6}(吗|么|呢|\?|帮|问))"
        + $@"|{B}dibs{B}|{B}(that|the last|the other|the spare)( one)?'?s mine{B}|{B}add us{B}(?!\s+(on|to)\s)"
        + $@"|{B}(mon|tues|wednes|thurs|fri|satur|sun)day works for (me|us){B}|{B}(i|we)'?ll (split|share|go halves|chip in|go in)( it| one| a \w+)? with{B}"
        // Added with dev-10: Cantonese "我都加埋" / "加埋我", a child or partner "一齐" too, a want that asks whether the
        // kind is there ("我要黑刺的有吗?"), "I join" / "also join" said of oneself, and Malay "nak 1kg" (wants one kilo).
        + @"|我(哋|地|们)?(都|也)加埋|加埋(我|我哋|我地)|(我|我哋|我地)(个|的|家)?(仔|女|囡|儿子|女儿|孩子|娃|老公|老婆|老婆仔)\s*(也|都)?\s*(一起|一齐)\W*$"
        + @"|^\W*我(也|们|家|们家)?要[^\s,，。!?？]{1,8}?的?\s*(有吗|有没有|有冇|可以吗|行吗|得唔得)\W*$"
        + $@"|{B}(i|we) (can |will |also |wanna |want to )?join{B}(?!\s+(me|us)\b)|{B}also join{B}(?!\s+(me|us)\b)|{B}(nak|mau|mahu)\s+([0-9]|(satu|dua|tiga|se(kilo|kotak|biji|ekor|pek)){B})";
}
