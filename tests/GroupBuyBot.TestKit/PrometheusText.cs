using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GroupBuyBot.TestKit;

/// <summary>
/// A scrape of <c>/metrics</c>, parsed strictly as Prometheus' text exposition format (version 0.0.4): a <c># TYPE</c>
/// once per family before its samples, each family's lines together, names and labels as the format allows, values
/// that parse, histograms with cumulative buckets ending in <c>+Inf</c> equal to their <c>_count</c>. Anything else
/// throws, so a test that reads a value has checked the whole text too.
/// </summary>
public sealed partial class PrometheusText
{
    private readonly List<Sample> _samples = [];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    private PrometheusText(string text)
    {
        Text = text;
        Parse(text);
        CheckHistograms();
    }

    public string Text { get; }

    /// <summary>Every family's type by name (<c>counter</c>, <c>gauge</c>, <c>histogram</c>, …).</summary>
    public IReadOnlyDictionary<string, string> Types => _types;

    public IReadOnlyList<Sample> Samples => _samples;

    public static PrometheusText Parse(string text, string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("text/plain", StringComparison.Ordinal) || !contentType.Contains("version=0.0.4", StringComparison.Ordinal))
        {
            throw new FormatException($"Not Prometheus' text format: Content-Type {contentType}");
        }

        return new PrometheusText(text);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/> (0 when there are none).</summary>
    public double Value(string name, params (string Label, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    /// <summary>Whether any sample is named <paramref name="name"/>.</summary>
    public bool Has(string name) => _samples.Exists(s => s.Name == name);

    private void Parse(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal); // families whose lines are over
        string? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length >= 3 && parts[1] is "HELP" or "TYPE")
                {
                    var family = parts[2];
                    if (!MetricName().IsMatch(family)) throw new FormatException($"Bad metric name: {line}");
                    Enter(family);
                    if (parts[1] == "TYPE")
                    {
                        if (parts.Length != 4 || parts[3] is not ("counter" or "gauge" or "histogram" or "summary" or "untyped")) throw new FormatException($"Bad TYPE line: {line}");
                        if (!_types.TryAdd(family, parts[3])) throw new FormatException($"A second TYPE for {family}");
                    }
                }

                continue; // other comments are allowed anywhere
            }

            var sample = ParseSample(line);
            var owner = FamilyOf(sample.Name) ?? throw new FormatException($"A sample before its family's TYPE line: {line}");
            Enter(owner);
            _samples.Add(sample);
        }

        void Enter(string family)
        {
            if (family == current) return;
            if (!seen.Add(family)) throw new FormatException($"The lines of {family} are not together");
            current = family;
        }
    }

    private string? FamilyOf(string sample)
    {
        if (_types.TryGetValue(sample, out var type) && type is not ("histogram" or "summary")) return sample;
        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && _types.TryGetValue(sample[..^suffix.Length], out var parent) && parent is "histogram" or "summary")
            {
                return sample[..^suffix.Length];
            }
        }

        return null;
    }

    private static Sample ParseSample(string line)
    {
        var match = SampleLine().Match(line);
        if (!match.Success) throw new FormatException($"Not a sample line: {line}");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
        {
            if (!labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value))) throw new FormatException($"A label twice: {line}");
        }

        var value = match.Groups["value"].Value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(match.Groups["name"].Value, labels, value);
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\') text.Append(value[i]);
            else text.Append(value[++i] switch { 'n' => '\n', var c => c });
        }

        return text.ToString();
    }

    private void CheckHistograms()
    {
        foreach (var family in _types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = _samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
            foreach (var buckets in series)
            {
                var ordered = buckets.Select(b => (Le: b.Labels.TryGetValue("le", out var le) ? le : throw new FormatException($"A bucket of {family} without le"), b.Value))
                    .Select(b => (Bound: b.Le == "+Inf" ? double.PositiveInfinity : double.Parse(b.Le, CultureInfo.InvariantCulture), b.Value)).OrderBy(b => b.Bound).ToList();
                if (!double.IsPositiveInfinity(ordered[^1].Bound)) throw new FormatException($"{family} {{{buckets.Key}}} has no +Inf bucket");
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (ordered[i].Value < ordered[i - 1].Value) throw new FormatException($"{family} {{{buckets.Key}}}: buckets are not cumulative");
                }

                var count = _samples.Where(s => s.Name == family + "_count" && SameSeries(s, buckets.Key)).Select(s => s.Value).Single();
                if (count != ordered[^1].Value) throw new FormatException($"{family} {{{buckets.Key}}}: +Inf bucket {ordered[^1].Value} but count {count}");
            }
        }
    }

    private static bool SameSeries(Sample sample, string key) =>
        string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) == key;

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>\S+)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
