using System.Text;

namespace GroupBuyBot.Core.Discovery;

/// <summary>
/// The content "fingerprint" of a message for topic similarity: Chinese character bigrams (no word
/// segmentation needed) and English word tokens, both without function words, so "车厘子我也要"
/// and "想团几箱智利车厘子" share "车厘", "厘子".
/// </summary>
public static class ContentGrams
{
    // Characters that carry grammar, people or counts rather than the product or service.
    // Cantonese grammar too (唔/嘅/咗/啲/喇/嚟/佢/哋…), or "唔该" (thanks) and "成日" (always) would tie topics together.
    private const string FunctionChars = "我你他她它们的了吗呢吧啊哈也都还就要想算个一二两俩三四五六七八九十几份户家是在有没不这那和跟给把被说去来很太好呀哦嘛么啦嗯呗哪谁什多少吧对报人位次再又刚才已经得着过让请帮问能可以会用唔嘅咗啲喇嚟佢哋咁嗰乜冇俾畀谂嘢喎咩噉成日";

    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "you", "your", "our", "ours", "are", "was", "were", "but", "with", "this", "that", "these", "those",
        "have", "has", "had", "anyone", "else", "want", "wants", "need", "needs", "please", "count", "too", "also", "just", "would",
        "love", "like", "into", "from", "they", "them", "their", "will", "what", "when", "how", "does", "did", "can", "could",
        "get", "got", "one", "two", "three", "four", "five", "yes", "yeah", "sign", "put", "down", "keen", "join", "then", "there",
        "here", "well", "great", "thanks", "thank", "much", "some", "any", "all", "who", "why", "where", "which", "out", "off",
        "about", "after", "before", "more", "less", "only", "very", "really", "still", "too", "his", "her", "hers", "him", "its",
        "it's", "i'm", "i'd", "i'll", "we'd", "we'll", "we're", "you're", "she", "he", "not", "don't", "can't", "so", "far",
        "ok", "okay", "cool", "nice", "oh", "ah", "hmm", "lol", "haha", "sure", "maybe", "time", "week", "day", "today",
        "tomorrow", "as", "for", "me", "us", "my", "mine", "now", "though", "if", "of", "on", "in", "at", "to", "is", "be", "do",
        "up", "go", "going", "been", "being", "let", "know", "think", "people", "ever", "each", "other", "every",
    };

    public static HashSet<string> Of(string normalizedText)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        char? previousHan = null;
        foreach (var c in normalizedText)
        {
            if (IsHan(c))
            {
                FlushWord(word, grams);
                if (previousHan is char p && !FunctionChars.Contains(p) && !FunctionChars.Contains(c))
                {
                    grams.Add(string.Concat(p, c));
                }

                previousHan = c;
                continue;
            }

            previousHan = null;
            if (c is >= 'a' and <= 'z' || c == '\'')
            {
                word.Append(c);
            }
            else
            {
                FlushWord(word, grams);
            }
        }

        FlushWord(word, grams);
        return grams;
    }

    private static void FlushWord(StringBuilder word, HashSet<string> grams)
    {
        if (word.Length == 0)
        {
            return;
        }

        var token = word.ToString().Trim('\'');
        word.Clear();
        if (token.EndsWith("'s", StringComparison.Ordinal))
        {
            token = token[..^2];
        }

        if (token.Length < 3 || EnglishStopWords.Contains(token))
        {
            return;
        }

        // Crude plural folding: "sessions"/"session", "dogs"/"dog"; enough for topic overlap.
        if (token.Length > 4 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal))
        {
            token = token[..^1];
        }

        grams.Add(token);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
