using System.Text.RegularExpressions;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// Buying, not just going: a need is a thing or service bought, booked or paid for together. A call for company with
/// nothing to buy ("今天有人去打球吗?老地方" ← "算我一个", "Quiz night at the Kings Head, anyone fancy it?" ← "+1 count me
/// in", "Who's up for the coffee ride Wednesday?" ← "I'm in") says no price, no count of a thing, no buying or booking
/// word and names no paid service; the messages of a real need nearly always do (on the development sets 191 of 192).
/// </summary>
public static partial class NeedCues
{
    // Money, counts of things, buying and booking, and the services and classes people pay for, in zh and en.
    [GeneratedRegex(
        @"[$¥￥£€₹]|[0-9]\s*(元|块|刀|蚊|镑|rmb|bucks|quid|each|pp|/)|买|购|团|拼|订|报名|报班|预约|租|请人|找人|师傅|上门|代购|囤|接龙|下单|凑|包邮|运费|折|优惠|便宜|价|钱|费|(?<![上下])课(?!代表)|[^一]班|票|箱|袋|盒|斤|份|瓶|套|罐|台|清洗|维修|安装|保洁|补习|补课|家教|辅导|私教|公司|工作室|灭|除虫|家庭|包(月|年|场|车)|场地|学|体验|培训|陶艺|烘焙|瑜伽|游泳|绘画|画画|手工|插花|舞蹈|钢琴|尺码|码数|[0-9]\s*码|修|"
        + $@"{B}(buy(s|ing)?|bought|order(s|ed|ing)?|book(s|ed|ings?)?|hire[sd]?|split|share|chip in|go halves|rates?|discounts?|off|deals?|prices?|costs?|cheap(er)?|fees?|tickets?|class|classes|lesson|lessons|course|tutor|tuition|service|servicing|clean|cleaning|cleaned|deliver(s|ed|ing|y|ies)?|bulk|box|boxes|bag|bags|pack|kg|dozen|tubes?|tins?|slots?|sessions?|membership|kit|crew|guy|company|quote|per|cord|bottles?|cartons?|workshop|clinic|coach|instructor|professional(ly)?|sign(ed)? (me |us )?up|tuner|tuning|court|venue|prep|rental|rent|sizes?|learn|training|trial|pottery|yoga|swim(ming)?|dance|piano|repairs?|fix|mechanic|plumber|electrician|handyman|groom(er|ing)|tune-?ups?){B}"
        // Added with dev-12: litres of a thing, subscriptions and wholesalers.
        + $@"|{B}(litres?|liters?|subscri(be|bed|ption|ptions)|wholesaler?s?|supplier){B}",
        Options)]
    private static partial Regex Commerce { get; }

    // Added with dev-12: the thing is free ("不收费,自带水和午饭", "free entry, bring a torch", "Just bring snacks, no cost"): an
    // outing or a party, nothing bought, unless someone names money after all. Not free delivery or shipping.
    [GeneratedRegex(
        @"不收费|免费(参加|入场|活动|报名|开放|的活动)|不要钱|零费用|费用全免|自带(水|午饭|午餐|食物|吃的|零食|饮料|干粮)|各自带|"
        + $@"{B}(no cost|no charge|free (entry|admission|event|of charge|to (join|attend|come))|(it'?s|is|entry is|admission is) free(?! (shipping|delivery|postage|gift|sample|trial|installation))|costs? nothing|bring your own|byo|just bring){B}",
        Options)]
    private static partial Regex FreeOfCharge { get; }

    [GeneratedRegex(
        $@"[$¥￥£€₹]|[0-9]\s*(元|块|刀|蚊|镑|rmb|bucks|quid|each|pp|/)|买|aa制?|[0-9]\s*%|折|{B}(aa|pay|paid|split|chip in|buy|per head|per person|discount|cheaper|prices?|fees?){B}",
        Options)]
    private static partial Regex NamesMoney { get; }

    /// <summary>The message says what it offers costs nothing (an outing, a party): company, not a buy.</summary>
    public static bool SaysItIsFree(string normalizedText) => FreeOfCharge.IsMatch(normalizedText);

    /// <summary>The message names money or paying.</summary>
    public static bool SpeaksOfMoney(string normalizedText) => NamesMoney.IsMatch(normalizedText);

    /// <summary>The text speaks of buying, booking or paying for something (see the class summary); an order of a count in a topic's thread does too.</summary>
    public static bool SpeaksOfBuying(string normalizedText) => Commerce.IsMatch(normalizedText);
}
