using System.Globalization;
using System.Text;

namespace GroupBuyBot.Core.Evaluation;

/// <summary>Named figures of one evaluation run; the headline metric is the last one.</summary>
public sealed record EvaluationReport(IReadOnlyList<(string Name, double Value)> Metrics)
{
    public double Headline => Metrics.Count > 0 ? Metrics[^1].Value : 0.0;

    public double Get(string name)
    {
        foreach (var (metricName, value) in Metrics)
        {
            if (metricName == name)
            {
                return value;
            }
        }

        throw new KeyNotFoundException($"No metric named '{name}'.");
    }

    public string Format()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in Metrics)
        {
            var shown = value == Math.Floor(value) && Math.Abs(value) >= 1
                ? value.ToString("0", CultureInfo.InvariantCulture)
                : value.ToString("0.000", CultureInfo.InvariantCulture);
            builder.Append(name).Append('=').Append(shown).AppendLine();
        }

        return builder.ToString();
    }
}
