using System.Text;
using System.Text.RegularExpressions;
using GroupBuyBot.Core.Evaluation;

namespace GroupBuyBot.Core.SignUps.Replies;

/// <summary>A reply and what it asks for, as a labelled corpus gives it.</summary>
public sealed record LabelledReply(string Text, SignUpIntent Intent);

/// <summary>
/// A small learned reading of what a reply asks for: multinomial logistic regression over the character 1–3-grams
/// (and English words) of the reply, numbers folded to one symbol. It learns at first use (the host warms it at
/// start-up: ReplyIntentWarmUp), in about a third of a second, from the labelled development corpora embedded in this
/// assembly (the project file lists them; no held-out set is among them). The local rules still read every reply and
/// find the quantity; this model decides the intent only where the rules are unsure (<see cref="SignUpReplyParser"/>).
/// Why: the rules scored 0.98 on the sets they were tuned on and about 0.80 on sets nobody tuned on; this model,
/// trained without the set it is scored on, about 0.95 (docs/discovery.md, "The learned intent").
/// </summary>
public sealed partial class ReplyIntentModel
{
    private const int Epochs = 15;
    private const double LearningRate = 0.5;
    private const string Bias = "\u0001bias";

    private static readonly SignUpIntent[] Classes = [SignUpIntent.None, SignUpIntent.Join, SignUpIntent.Set, SignUpIntent.Leave];
    private const string CorpusPrefix = "ReplyIntentCorpus/";

    private static readonly Lazy<IReadOnlyList<LabelledReply>> Corpus = new(ReadEmbeddedCorpus);
    private static readonly Lazy<ReplyIntentModel> Trained = new(() => Train(Corpus.Value));

    // Feature -> its weight for each class, in the order of Classes.
    private readonly Dictionary<string, double[]> _weights;

    private ReplyIntentModel(Dictionary<string, double[]> weights) => _weights = weights;

    /// <summary>The model learned from every embedded corpus.</summary>
    public static ReplyIntentModel Default => Trained.Value;

    /// <summary>How many labelled replies <see cref="Default"/> learns from.</summary>
    public static int EmbeddedExamples => Corpus.Value.Count;

    /// <summary>
    /// The model learned from the embedded corpora less every reply whose text is in <paramref name="texts"/> (and how
    /// many that left out): for scoring a corpus, so that its figures are those of replies the model never saw.
    /// </summary>
    public static (ReplyIntentModel Model, int LeftOut) Without(IEnumerable<string> texts)
    {
        var excluded = texts.ToHashSet(StringComparer.Ordinal);
        var examples = Corpus.Value;
        var left = examples.Count(e => excluded.Contains(e.Text));
        return (left == 0 ? Default : Train(examples.Where(e => !excluded.Contains(e.Text))), left);
    }

    /// <summary>Learns from <paramref name="examples"/>; the same examples give the same model.</summary>
    public static ReplyIntentModel Train(IEnumerable<LabelledReply> examples)
    {
        var rows = examples.Select(e => (Features: Features(e.Text).Append(Bias).ToArray(), Class: Array.IndexOf(Classes, e.Intent))).ToArray();
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var feature in rows.SelectMany(r => r.Features))
        {
            weights.TryAdd(feature, new double[Classes.Length]);
        }

        var model = new ReplyIntentModel(weights);
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var random = new Random(1); // a fixed order of visits: the same corpora always give the same weights
        var probabilities = new double[Classes.Length];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, label) = rows[i];
                model.Probabilities(features, probabilities);
                // Longer replies have more features; scaling the step keeps one reply's pull about the same.
                var step = LearningRate / Math.Sqrt(features.Length);
                foreach (var feature in features)
                {
                    var w = weights[feature];
                    for (var c = 0; c < Classes.Length; c++)
                    {
                        w[c] += step * ((c == label ? 1 : 0) - probabilities[c]);
                    }
                }
            }
        }

        return model;
    }

    /// <summary>The likeliest intent of <paramref name="text"/> and the model's probability for it.</summary>
    public (SignUpIntent Intent, double Confidence) Predict(string text)
    {
        var probabilities = new double[Classes.Length];
        Probabilities(Features(text).Append(Bias), probabilities);
        var best = 0;
        for (var c = 1; c < Classes.Length; c++)
        {
            if (probabilities[c] > probabilities[best]) best = c;
        }

        return (Classes[best], probabilities[best]);
    }

    // Features never seen in training carry no weight.
    private void Probabilities(IEnumerable<string> features, double[] into)
    {
        Array.Clear(into);
        foreach (var feature in features)
        {
            if (!_weights.TryGetValue(feature, out var w)) continue;
            for (var c = 0; c < Classes.Length; c++) into[c] += w[c];
        }

        var max = into.Max();
        var sum = 0.0;
        for (var c = 0; c < Classes.Length; c++) sum += into[c] = Math.Exp(into[c] - max);
        for (var c = 0; c < Classes.Length; c++) into[c] /= sum;
    }

    /// <summary>
    /// The reply's character 1–3-grams between start and end marks, and its English words, each once. Traditional
    /// characters fold to simplified ones, digits to "0" and Chinese numerals to "〇", so "兩盒" and "3盒" teach the
    /// same thing as "两盒" and "5盒".
    /// </summary>
    internal static IEnumerable<string> Features(string text)
    {
        var folded = ChatTextNormalizer.Normalize(text, 400);
        folded = Digits().Replace(folded, "0");
        folded = ChineseNumerals().Replace(folded, "〇");
        folded = Spaces().Replace(folded, " ");
        var marked = "^" + folded + "$";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= marked.Length; i++)
            {
                var gram = marked.Substring(i, n);
                if (!string.IsNullOrWhiteSpace(gram) && seen.Add(gram)) yield return gram;
            }
        }

        foreach (Match word in EnglishWord().Matches(folded))
        {
            if (seen.Add("w:" + word.Value)) yield return "w:" + word.Value;
        }
    }

    private static List<LabelledReply> ReadEmbeddedCorpus()
    {
        var assembly = typeof(ReplyIntentModel).Assembly;
        var examples = new List<LabelledReply>();
        foreach (var name in EmbeddedCorpusNames())
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var labelled = EvaluationCorpus.ParseSignUp(line);
                examples.Add(new LabelledReply(labelled.Text, labelled.Intent));
            }
        }

        return examples;
    }

    /// <summary>The names of the embedded corpora the model learns from.</summary>
    public static IReadOnlyList<string> EmbeddedCorpusNames() =>
        [.. typeof(ReplyIntentModel).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(CorpusPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex("[一二两三四五六七八九十俩仨]")]
    private static partial Regex ChineseNumerals();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("[a-z']+")]
    private static partial Regex EnglishWord();
}
