using System.Globalization;
using System.Text;

namespace RecLab.Evaluation.Metrics;

/// <summary>
/// Metric names as written in YAML and on the command line: <c>name@N</c> or <c>name</c>, case-insensitive, so
/// Elliot's <c>nDCG@10</c> works too. A list-length metric written without <c>@N</c> uses <see cref="DefaultN"/>.
/// </summary>
public static class MetricSpec
{
    /// <summary>List length used when a metric that takes one is named without <c>@N</c>.</summary>
    public const int DefaultN = 10;

    /// <summary>The longest list a metric may measure: longer than any list a person reads, short enough to allocate per thread.</summary>
    public const int MaxN = 100_000;

    private static readonly MetricInfo[] Table =
    [
        new("precision", [], true, "relevant items in the top N / N"),
        new("recall", [], true, "relevant items in the top N / relevant items"),
        new("ndcg", [], true, "normalized DCG: binary gain, log2 discount, ideal over min(N, |relevant|)"),
        new("lenskit-ndcg", [], true, "LensKit's NDCG: binary gain, discount 1/max(1, log2 k), ideal over all |relevant| (lkpy NDCG())"),
        new("map", [], true, "mean average precision, denominator min(N, |relevant|)"),
        new("mrr", [], true, "mean reciprocal rank of the first relevant item in the top N (0 if none)"),
        new("hit", ["hitrate", "hr"], true, "share of users with at least one relevant item in the top N"),
        new("auc", [], false, "area under the ROC curve over all candidates (ties count 1/2)"),
        new("coverage", [], true, "share of the catalogue in at least one user's top N"),
        new("gini", [], true, "Gini index of top-N exposure over all items (0 equal, 1 one item gets all)"),
        new("novelty", [], true, "mean self-information -log2(pop/users) of the top N"),
        new("ild", ["diversity"], true, "intra-list diversity: mean pairwise cosine distance of item features"),
        new("arp", ["popularity"], true, "average training popularity of the top N"),
        new("new-share", [], true, "item cold start: share of the top N that are new items (no training interaction)"),
        new("new-exposure", [], true, "item cold start: position-weighted (1/log2(k+1)) share of the top N given to new items"),
        new("new-coverage", [], true, "item cold start: share of new items in at least one user's top N"),
        new("rmse", [], false, "root mean squared rating error"),
        new("mae", [], false, "mean absolute rating error"),
    ];

    /// <summary>Every accepted metric, in help order.</summary>
    public static IReadOnlyList<MetricInfo> All => Table;

    /// <summary>Canonical names as written in help, e.g. <c>ndcg@N</c>, <c>auc</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Table, Display);

    /// <summary>A help block: one metric per line with its aliases and description.</summary>
    public static string HelpText
    {
        get
        {
            var lines = new StringBuilder();
            foreach (var m in Table)
            {
                var label = Display(m) + (m.Aliases.Count > 0 ? " (" + string.Join(", ", m.Aliases) + ")" : "");
                lines.Append(CultureInfo.InvariantCulture, $"  {label,-32}{m.Description}").Append('\n');
            }
            lines.Append(CultureInfo.InvariantCulture, $"  Names are case-insensitive (nDCG@10 works); @N defaults to {DefaultN}.");
            return lines.ToString();
        }
    }

    /// <summary>Parses one metric, e.g. <c>ndcg@10</c>, <c>nDCG@10</c>, <c>hitrate@5</c>, <c>coverage</c>, <c>rmse</c>.</summary>
    /// <exception cref="ArgumentException">Unknown name (the message lists valid names and suggests the closest), a bad N, or an N given to a metric without one.</exception>
    public static IMetric Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spec = text.Trim();
        var at = spec.IndexOf('@');
        var name = (at < 0 ? spec : spec[..at]).Trim();
        var info = Find(name) ?? throw new ArgumentException(
            $"Unknown metric '{name}'{DidYouMean.Hint(name, AllNames())}. Valid metrics: {string.Join(", ", Names)}.", nameof(text));
        var n = DefaultN;
        if (at >= 0)
        {
            if (!info.TakesN)
                throw new ArgumentException($"Metric '{info.Name}' takes no list length; write '{info.Name}' without '@'.", nameof(text));
            var digits = spec[(at + 1)..].Trim();
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1)
                throw new ArgumentException($"Metric '{spec}': the list length after '@' must be a whole number of at least 1, got '{digits}'.", nameof(text));
            if (n > MaxN)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Metric '{spec}': the list length after '@' must be at most {MaxN:N0}."), nameof(text));
        }
        return Create(info.Name, n);
    }

    /// <summary>Parses a comma-separated list such as <c>ndcg@10,precision@10,coverage</c>; duplicates are an error.</summary>
    /// <exception cref="ArgumentException">An entry fails <see cref="Parse"/>, the list is empty, or a metric appears twice.</exception>
    public static IReadOnlyList<IMetric> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var metrics = new List<IMetric>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var metric = Parse(part);
            if (!seen.Add(metric.Name))
                throw new ArgumentException($"Metric '{metric.Name}' is listed twice.", nameof(text));
            metrics.Add(metric);
        }
        if (metrics.Count == 0)
            throw new ArgumentException($"No metrics given. Valid metrics: {string.Join(", ", Names)}.", nameof(text));
        return metrics;
    }

    private static MetricInfo? Find(string name)
    {
        foreach (var m in Table)
        {
            if (string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
                return m;
            foreach (var alias in m.Aliases)
                if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase))
                    return m;
        }
        return null;
    }

    private static IEnumerable<string> AllNames()
    {
        foreach (var m in Table)
        {
            yield return m.Name;
            foreach (var alias in m.Aliases)
                yield return alias;
        }
    }

    private static string Display(MetricInfo m) => m.TakesN ? m.Name + "@N" : m.Name;

    private static IMetric Create(string name, int n) => name switch
    {
        "precision" => new Precision(n),
        "recall" => new Recall(n),
        "ndcg" => new Ndcg(n),
        "lenskit-ndcg" => new Ndcg(n, NdcgConvention.LensKit),
        "map" => new AveragePrecision(n),
        "mrr" => new ReciprocalRank(n),
        "hit" => new HitRate(n),
        "auc" => new Auc(),
        "coverage" => new CatalogCoverage(n),
        "gini" => new Gini(n),
        "novelty" => new Novelty(n),
        "ild" => new IntraListDiversity(n),
        "arp" => new AverageRecommendationPopularity(n),
        "new-share" => new NewItemShare(n),
        "new-exposure" => new NewItemExposure(n),
        "new-coverage" => new NewItemCoverage(n),
        "rmse" => new Rmse(),
        "mae" => new Mae(),
        _ => throw new InvalidOperationException($"Metric '{name}' is listed without a factory."),
    };
}
