using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>
/// Puts chat text into one comparable shape: capped length, no control or invisible format
/// characters (zero-width, RTL marks, BOM), no lone surrogates, NFKC (full-width digits and
/// punctuation become ASCII), lower case and common traditional characters in their simplified form. Never throws.
/// </summary>
public static class ChatTextNormalizer
{
    public static string Normalize(string? text, int maxChars = 2000)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var source = text.Length > maxChars ? text[..maxChars] : text;
        var builder = new StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    builder.Append(c).Append(source[i + 1]);
                    i++;
                }
                else
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                builder.Append(' ');
                continue;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    // Line breaks separate clauses; other control characters are noise.
                    builder.Append(c == '\n' ? '\n' : ' ');
                    break;
                case UnicodeCategory.Format:
                    // Zero-width spaces/joiners, bidi marks, BOM: invisible, would split words.
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        var cleaned = builder.ToString();
        try
        {
            cleaned = cleaned.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unassigned code points can make normalisation fail; the cleaned text is still usable.
        }

        // Ideographic full stop and comma are not folded by NFKC.
        return FoldTraditional(cleaned.Replace('。', '.').Replace('、', ',').Replace('～', '~').ToLowerInvariant());
    }

    // Traditional characters common in sign-ups and chat, each beside its simplified form (one to one).
    private const string Traditional = "兩個們隻為還這麼嗎來報過點謝該幫邊樣與對說買賣條給讓請數錯換減參團購單預訂號樓門開關時間東車錢價貨發種類雙應後裡裏麵湯飯魚雞鴨豬紅蘋葉歲學課練網絡聽見覺現總經會員夠費塊帶幾沒別記寫筆頭媽爺兒親戶鄰齊訊話電機氣調師週禮歡讀書隊選擇變動亂題問囉僅餘試驗紙衛貓糧藥醫園場館廳飲燈線鐘鍋壺盤雜體籃風熱濕乾淨潔約實際確認準備優長專業處辦轉帳碼區棟層廠產農莊鮮蔥薑蘿蔔豐蝦餅麥餃燒滷鹹醬組張頂輛臺檯幣萬億圓運郵遞據從當舊將離難聯裝僱賬喫煩讚愛興陽陰鐵燉雲無壞帥務計劃畫義於勞樂質導寵狀況衝傳貝寶態鬆緊繳納領級補習託則結續剛嚴靜戲劇廣節腦遊藝術護膚髮鏡襪褲顏";
    private const string Simplified = "两个们只为还这么吗来报过点谢该帮边样与对说买卖条给让请数错换减参团购单预订号楼门开关时间东车钱价货发种类双应后里里面汤饭鱼鸡鸭猪红苹叶岁学课练网络听见觉现总经会员够费块带几没别记写笔头妈爷儿亲户邻齐讯话电机气调师周礼欢读书队选择变动乱题问啰仅余试验纸卫猫粮药医园场馆厅饮灯线钟锅壶盘杂体篮风热湿干净洁约实际确认准备优长专业处办转账码区栋层厂产农庄鲜葱姜萝卜丰虾饼麦饺烧卤咸酱组张顶辆台台币万亿圆运邮递据从当旧将离难联装雇账吃烦赞爱兴阳阴铁炖云无坏帅务计划画义于劳乐质导宠状况冲传贝宝态松紧缴纳领级补习托则结续刚严静戏剧广节脑游艺术护肤发镜袜裤颜";

    private static readonly SearchValues<char> TraditionalChars = SearchValues.Create(Traditional);
    private static readonly FrozenDictionary<char, char> SimplifiedOf = Traditional.Zip(Simplified).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>
    /// Writes common traditional characters in their simplified form ("我要兩盒" reads as "我要两盒"), so members who
    /// write traditional Chinese (Hong Kong, Taiwan) meet the same rules. For matching only, never for display.
    /// </summary>
    public static string FoldTraditional(string text)
    {
        var first = text.AsSpan().IndexOfAny(TraditionalChars);
        if (first < 0) return text; // the usual case, found by a vectorised scan

        var folded = new StringBuilder(text);
        for (var i = first; i < folded.Length; i++)
        {
            if (SimplifiedOf.TryGetValue(folded[i], out var simplified)) folded[i] = simplified;
        }

        return folded.ToString();
    }
}
