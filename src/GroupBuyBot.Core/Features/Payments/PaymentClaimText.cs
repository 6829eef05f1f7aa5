using GroupBuyBot.Core.SignUps.Replies;

namespace GroupBuyBot.Core.Features.Payments;

/// <summary>A member's short word that they paid ("已付款", "转了", "paid ✅", "I've sent the money"), not a question or a "not yet".</summary>
public static class PaymentClaimText
{
    private static readonly string[] Said =
    [
        "已付", "付了", "付好了", "付过了", "已转", "转了", "转过去了", "转账了", "已支付", "支付了", "钱已", "已经付", "已经转",
        "paid", "payment sent", "sent the money", "sent you the money", "transferred", "money sent",
    ];

    private static readonly string[] Not = ["unpaid", "没", "未", "还不", "不付", "not", "n't", "yet", "?", "？", "吗", "呢", "how", "where", "多少", "怎么"];

    public static bool IsClaim(string? text)
    {
        var normalized = ChatTextNormalizer.Normalize(text);
        return normalized.Length is > 0 and <= 40
            && Said.Any(s => normalized.Contains(s, StringComparison.Ordinal))
            && !Not.Any(n => normalized.Contains(n, StringComparison.Ordinal));
    }
}
