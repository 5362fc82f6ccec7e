using System.Text.RegularExpressions;
using RecLab.Data.Downloads;
using RecLab.Data.Synthetic;
using RecLab.Evaluation;
using RecLab.Evaluation.Metrics;
using RecLab.Experiments.Schema;
using RecLab.Simulation.Campaigns;
using RecLab.Splitting;

namespace RecLab.Experiments.Configuration;

/// <summary>
/// Checks what binding cannot: values in range, names unique, references to datasets, splits and algorithms defined,
/// split specs and metric names valid, data sources present. Errors point at the offending node.
/// </summary>
internal sealed partial class ExperimentValidator(ConfigBinder binder, List<ConfigError> errors, string source, bool checkSources, DataCache? cache = null)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();

    public void Validate(ExperimentConfig config)
    {
        if (config.Version != 1)
            Error("version", $"unsupported version {config.Version}; this RecLab reads version 1");
        if (config.Name is { } name && !SafeName().IsMatch(name))
            Error("name", $"'{name}' cannot name a results folder: use letters, digits, '.', '_' and '-', starting with a letter or digit");
        if (config.Output is { Length: 0 })
            Error("output", "must not be empty");
        // A list that failed to bind (or is missing) was reported already: checking it again would only add noise.
        if (config.Datasets is not null)
            Datasets(config.Datasets);
        if (config.Splits is not null)
            Splits(config.Splits);
        if (config.Algorithms is not null)
            Algorithms(config.Algorithms, config.Datasets);
        if (config.Metrics is not null)
            Metrics(config.Metrics);
        Evaluation(config);
        if (config.Algorithms is not null)
            AbTests(config);
        Report(config.Report);
        Names(config);
        Size(config);
    }

    /// <summary>Every name at most <see cref="Limits.NameLength"/> characters: names head table rows and name folders.</summary>
    private void Names(ExperimentConfig config)
    {
        var names = new List<(string? Name, string Path)> { (config.Name, "name") };
        names.AddRange((config.Datasets ?? []).Select((d, i) => ((string?)d.Name, $"datasets[{i}].name")));
        names.AddRange((config.Splits ?? []).Select((x, i) => (x.Name, $"splits[{i}].name")));
        names.AddRange((config.Algorithms ?? []).Select((a, i) => (a.Name, $"algorithms[{i}].name")));
        foreach (var (t, i) in (config.AbTests ?? []).Select((t, i) => (t, i)))
        {
            names.Add((t.Name, $"ab_tests[{i}].name"));
            names.AddRange((t.Arms ?? []).Select((arm, a) => (arm.Name, $"ab_tests[{i}].arms[{a}].name")));
        }
        foreach (var (name, path) in names)
            if (name is { Length: > Limits.NameLength })
                Error(path, FormattableString.Invariant($"at most {Limits.NameLength} characters (got {name.Length:N0})"));
    }

    /// <summary>
    /// The number of cells, counted from the file without expanding it (datasets × folds over the splits and
    /// onboarding sizes × repeats × algorithm configurations), against <see cref="Limits.Cells"/>; the error points
    /// at the largest factor.
    /// </summary>
    private void Size(ExperimentConfig config)
    {
        if (config.Datasets is not { Count: > 0 } datasets || config.Splits is not { Count: > 0 } splits || config.Algorithms is not { Count: > 0 } algorithms)
            return;
        var factors = new List<(double Size, string Path)> { (datasets.Count, "datasets") };
        double folds = 0;
        for (var i = 0; i < splits.Count; i++)
        {
            if (splits[i].Spec is null)
                return;
            int foldCount;
            try
            {
                foldCount = SplitSpec.Parse(splits[i].Spec).FoldCount;
            }
            catch (ArgumentException)
            {
                return;
            }
            var n = (double)foldCount * Math.Max(1, splits[i].Onboarding?.Count ?? 1);
            folds += n;
            factors.Add((n, $"splits[{i}].spec"));
        }
        var repeats = config.Repeats.Seeds?.Count ?? config.Repeats.Count;
        factors.Add((repeats, "repeats"));
        double points = 0;
        for (var i = 0; i < algorithms.Count; i++)
        {
            var n = algorithms[i].Grid.Aggregate(1.0, (product, axis) => product * axis.Values.Count);
            points += n;
            factors.Add((n, algorithms[i].Grid.Count > 0 ? $"algorithms[{i}].grid" : $"algorithms[{i}]"));
        }
        var cells = datasets.Count * folds * repeats * points;
        if (cells > Limits.Cells)
            Error(factors.MaxBy(f => f.Size).Path, FormattableString.Invariant(
                $"the experiment would have {cells:#,0} cells ({datasets.Count} dataset{(datasets.Count == 1 ? "" : "s")} × {folds:#,0} folds over the splits × ") +
                FormattableString.Invariant($"{repeats:#,0} repeat{(repeats == 1 ? "" : "s")} × {points:#,0} algorithm configurations), more than {Limits.Cells:N0}; ask for fewer folds, repeats or grid points"));
    }

    private void Error(string path, string message)
    {
        var node = Locate(path);
        errors.Add(node is null ? new ConfigError(source, 1, 1, path, message) : node.Mark.Error(path, message));
    }

    /// <summary>The node at <paramref name="path"/>, else its nearest written ancestor (defaults are not written).</summary>
    private YamlNode? Locate(string path)
    {
        while (true)
        {
            if (binder.Nodes.TryGetValue(path, out var node))
                return node;
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
                return binder.Nodes.GetValueOrDefault("");
            path = path[..cut];
        }
    }

    private void Unique(IEnumerable<(string? Name, string Path)> entries, string what)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in entries)
        {
            if (name is null)
                continue;
            if (seen.TryGetValue(name, out var first))
                Error(path, $"{what} '{name}' is already defined at {first}; names must be unique");
            else
                seen[name] = path;
        }
    }

    private void Datasets(IReadOnlyList<DatasetConfig> datasets)
    {
        if (datasets.Count == 0)
            Error("datasets", "needs at least one dataset");
        Unique(datasets.Select((d, i) => ((string?)d.Name, $"datasets[{i}].name")), "dataset");
        for (var i = 0; i < datasets.Count; i++)
        {
            var d = datasets[i];
            var path = $"datasets[{i}]";
            if (d.Source is null == d.Csv is null)
            {
                Error(path, d.Source is null
                    ? "give a 'source' (synthetic:small, ml-100k, a folder or a file) or a 'csv' mapping"
                    : "give either 'source' or 'csv', not both");
            }
            else if (d.Source is { } text)
            {
                if (SyntheticDataset.IsName(text))
                {
                    try
                    {
                        SyntheticDataset.Options(text);
                    }
                    catch (ArgumentException e)
                    {
                        Error($"{path}.source", OneLine(e.Message));
                    }
                }
                else if (checkSources && SourceProblem(text) is { } problem)
                {
                    Error($"{path}.source", problem);
                }
            }
            else if (d.Csv is { } csv)
            {
                if (checkSources && !File.Exists(csv.Path))
                    Error($"{path}.csv.path", $"no such file: {Path.GetFullPath(csv.Path)}");
                if (csv.Delimiter.Length == 0)
                    Error($"{path}.csv.delimiter", "must not be empty");
                if (csv.Kind == Data.FeedbackKind.Explicit && csv.Columns.Value is null)
                    Error($"{path}.csv.kind", "explicit feedback needs a value column (columns.value)");
            }
            var p = d.Preprocessing;
            if (p.ImplicitThreshold is not null && !p.Implicit)
                Error($"{path}.preprocessing.implicit_threshold", "only applies with 'implicit: true'");
            if (p.MinUserInteractions < 0)
                Error($"{path}.preprocessing.min_user_interactions", $"must be at least 0 (got {p.MinUserInteractions})");
            if (p.MinItemInteractions < 0)
                Error($"{path}.preprocessing.min_item_interactions", $"must be at least 0 (got {p.MinItemInteractions})");
        }
    }

    /// <summary>Why a dataset source cannot be loaded, or null when it looks loadable.</summary>
    private string? SourceProblem(string text)
    {
        if (File.Exists(text) || Directory.Exists(text))
            return null;
        if (DatasetCatalog.Find(text) is { } known)
        {
            var data = cache ?? new DataCache();
            return data.Contains(known.Name) ? null
                : $"'{known.Name}' is not in the dataset cache ({data.Root}); fetch it with: reclab data fetch {known.Name}";
        }
        var names = DatasetCatalog.All.Select(d => d.Name).ToList();
        return $"'{text}' is neither a file, a folder, a known dataset{DidYouMean.Hint(text, names)} ({string.Join(", ", names)}) nor synthetic:PRESET" +
            $" (relative paths start from {Directory.GetCurrentDirectory()})";
    }

    private void Splits(IReadOnlyList<SplitConfig> splits)
    {
        if (splits.Count == 0)
            Error("splits", "needs at least one split");
        Unique(splits.Select((s, i) => ((string?)s.Label, $"splits[{i}]")), "split");
        for (var i = 0; i < splits.Count; i++)
        {
            if (splits[i].Spec is null)
                continue;
            ISplitter splitter;
            try
            {
                splitter = SplitSpec.Parse(splits[i].Spec);
            }
            catch (ArgumentException e)
            {
                Error($"splits[{i}].spec", FirstLine(e.Message));
                continue;
            }
            if (splits[i].Onboarding is not { } sizes)
                continue;
            if (sizes.Count == 0)
                Error($"splits[{i}].onboarding", "needs at least one onboarding size, e.g. [0, 1, 3, 5, 10]");
            else if (sizes.Any(n => n < 0) || sizes.Distinct().Count() != sizes.Count)
                Error($"splits[{i}].onboarding", $"sizes must be distinct and at least 0 (got {string.Join(", ", sizes)})");
            else
            {
                try
                {
                    ColdStartSplit.ForOnboardingCurve(splitter, sizes.Max());
                }
                catch (ArgumentException e)
                {
                    Error($"splits[{i}].onboarding", FirstLine(e.Message));
                }
            }
        }
    }

    private void Algorithms(IReadOnlyList<AlgorithmConfig> algorithms, IReadOnlyList<DatasetConfig>? datasets)
    {
        if (algorithms.Count == 0)
            Error("algorithms", "needs at least one algorithm");
        // A dataset whose name failed to bind was reported already; checking references against the rest would only add noise.
        var datasetNames = datasets is null || datasets.Any(d => string.IsNullOrEmpty(d.Name)) ? null : datasets.Select(d => d.Name).ToList();
        for (var i = 0; i < algorithms.Count; i++)
        {
            var restriction = algorithms[i].Datasets;
            for (var d = 0; d < restriction.Count; d++)
            {
                var name = restriction[d];
                if (string.IsNullOrEmpty(name))
                    Error($"algorithms[{i}].datasets[{d}]", "must name a dataset of this file");
                else if (datasetNames is not null && !datasetNames.Contains(name, StringComparer.Ordinal))
                    Error($"algorithms[{i}].datasets[{d}]", $"'{name}' is not a dataset of this file{DidYouMean.Hint(name, datasetNames)}; defined: {string.Join(", ", datasetNames)}");
                else if (restriction.Take(d).Contains(name, StringComparer.Ordinal))
                    Error($"algorithms[{i}].datasets[{d}]", $"'{name}' is listed twice");
            }
        }
        Unique(algorithms.Select((a, i) => (a.Kind is null ? null : a.Label, $"algorithms[{i}]")), "algorithm");
        // Two entries with the same kind, options and grid would be the same cells under two names.
        var definitions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < algorithms.Count; i++)
        {
            var a = algorithms[i];
            if (a.Options is null)
                continue;
            var key = a.Kind + "|" + a.TrainImplicit + "|" + Cells.CanonicalJson.Options(a.Options) + "|" +
                string.Join(";", a.Grid.Select(g => g.Option + "=" + string.Join(",", g.Values.Select(Recommenders.OptionsBinder.Format))));
            if (definitions.TryGetValue(key, out var first))
                Error($"algorithms[{i}]", $"same kind, options and grid as algorithms[{first}] ('{algorithms[first].Label}'); change an option or remove one");
            else
                definitions[key] = i;
        }
    }

    private void Metrics(IReadOnlyList<string> metrics)
    {
        if (metrics.Count == 0)
            Error("metrics", "needs at least one metric, e.g. ndcg@10");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            try
            {
                var metric = MetricSpec.Parse(metrics[i]);
                if (seen.TryGetValue(metric.Name, out var first))
                    Error($"metrics[{i}]", $"'{metric.Name}' is already listed as metrics[{first}]");
                else
                    seen[metric.Name] = i;
            }
            catch (ArgumentException e)
            {
                Error($"metrics[{i}]", FirstLine(e.Message));
            }
        }
    }

    private void Evaluation(ExperimentConfig config)
    {
        var e = config.Evaluation;
        if (!float.IsFinite(e.RelevanceThreshold))
            Error("evaluation.relevance_threshold", "must be a finite number");
        if (e.Alpha is <= 0 or >= 1)
            Error("evaluation.alpha", FormattableString.Invariant($"must be between 0 and 1 exclusive (got {e.Alpha})"));
        if (e.ConfidenceLevel is <= 0 or >= 1)
            Error("evaluation.confidence_level", FormattableString.Invariant($"must be between 0 and 1 exclusive (got {e.ConfidenceLevel})"));
        if (e.BootstrapResamples < 0 || e.BootstrapResamples > Limits.BootstrapResamples)
            Error("evaluation.bootstrap_resamples", FormattableString.Invariant($"must be between 0 and {Limits.BootstrapResamples:N0} (got {e.BootstrapResamples:N0})"));
        if (e.ActivityBuckets is { } bounds)
        {
            try
            {
                ActivityBreakdown.CheckBounds(bounds);
            }
            catch (ArgumentException x)
            {
                Error("evaluation.activity_buckets", FirstLine(x.Message));
            }
        }
        if (e.Significance && !e.PerUser)
            Error("evaluation.per_user", "the significance tests pair algorithms user by user and need per_user: true (or set significance: false)");
        if (e.Baseline is { } baseline && config.Algorithms is not null)
            CheckAlgorithmReference(config, baseline, "evaluation.baseline", "the baseline");
        else if (e.Significance && config.Algorithms is [{ Kind: not null } first, _, ..] && first.Grid.Any(g => g.Values.Count > 1))
            Error("evaluation.baseline", $"the baseline defaults to the first algorithm, but '{first.Label}' has a grid of several points; name a single-configuration baseline");
        var compared = e.Baseline is { } named ? config.Algorithms?.FirstOrDefault(a => a.Kind is not null && a.Label == named) : config.Algorithms?.FirstOrDefault();
        if (e.Significance && compared is { Datasets.Count: > 0 } && config.Datasets is not null && config.Datasets.All(d => !string.IsNullOrEmpty(d.Name)) &&
            config.Datasets.FirstOrDefault(d => !compared.RunsOn(d.Name)) is { } uncovered)
            Error(e.Baseline is null ? "algorithms[0].datasets" : "evaluation.baseline",
                $"the baseline '{compared.Label}' does not run on dataset '{uncovered.Name}', so nothing there could be compared with it; " +
                "choose a baseline that runs on every dataset, or remove its datasets restriction");
    }

    /// <summary>Checks that <paramref name="name"/> names a single-point algorithm.</summary>
    private void CheckAlgorithmReference(ExperimentConfig config, string name, string path, string role)
    {
        var algorithms = config.Algorithms!;
        var target = algorithms.FirstOrDefault(a => a.Kind is not null && a.Label == name);
        if (target is null)
        {
            var labels = algorithms.Where(a => a.Kind is not null).Select(a => a.Label).Distinct().ToList();
            Error(path, $"'{name}' is not an algorithm of this file{DidYouMean.Hint(name, labels)}; defined: {string.Join(", ", labels)}");
        }
        else if (target.Grid.Count > 0 && target.Grid.Any(g => g.Values.Count > 1))
        {
            Error(path, $"{role} '{name}' has a grid of several points; name an algorithm with a single configuration");
        }
    }

    private void AbTests(ExperimentConfig config)
    {
        var tests = config.AbTests ?? [];
        Unique(tests.Select((t, i) => ((string?)t.Name, $"ab_tests[{i}].name")), "A/B test");
        for (var i = 0; i < tests.Count; i++)
        {
            var t = tests[i];
            var path = $"ab_tests[{i}]";
            if (t.Days is < 1 or > Limits.AbTestDays)
                Error($"{path}.days", FormattableString.Invariant($"must be between 1 and {Limits.AbTestDays:N0} (got {t.Days:N0})"));
            if (t.PreDays is < 0 or > Limits.AbTestDays)
                Error($"{path}.pre_days", FormattableString.Invariant($"must be between 0 and {Limits.AbTestDays:N0} (got {t.PreDays:N0})"));
            if (t.RetrainEvery is { } k && (k < 1 || k > t.Days))
                Error($"{path}.retrain_every", $"must be between 1 and days ({t.Days}) (got {k})");
            try
            {
                WorldOptions.Parse(t.World);
            }
            catch (ArgumentException e)
            {
                Error($"{path}.world", OneLine(e.Message));
            }
            var arms = t.Arms ?? [];
            if (arms.Count < 2)
                Error($"{path}.arms", "an A/B test needs at least two arms");
            for (var a = 0; a < arms.Count; a++)
            {
                if (arms[a].Algorithm is { } algorithm)
                    CheckAlgorithmReference(config, algorithm, $"{path}.arms[{a}].algorithm", "the arm's algorithm");
                if (arms[a].Traffic is <= 0 or > 1)
                    Error($"{path}.arms[{a}].traffic", FormattableString.Invariant($"must be in (0, 1] (got {arms[a].Traffic})"));
            }
            Unique(arms.Select((arm, a) => ((string?)(arm.Name ?? arm.Algorithm), $"{path}.arms[{a}]")), "arm");
            var total = arms.Sum(arm => arm.Traffic);
            if (arms.Count >= 2 && Math.Abs(total - 1) > 1e-9)
                Error($"{path}.arms", FormattableString.Invariant($"the traffic shares sum to {total:0.###}, not 1"));
            for (var m = 0; m < t.Metrics.Count; m++)
            {
                if (!AbTestConfig.KnownMetrics.Contains(t.Metrics[m]))
                    Error($"{path}.metrics[{m}]", $"unknown A/B metric '{t.Metrics[m]}'{DidYouMean.Hint(t.Metrics[m], AbTestConfig.KnownMetrics)}; " +
                        $"known: {string.Join(", ", AbTestConfig.KnownMetrics)}");
                else if (t.Metrics[m] == "roas" && t.Campaign is null)
                    Error($"{path}.metrics[{m}]", "roas needs sponsored slots: add a campaign (campaign: {topic: fashion}) to the test");
            }
            if (t.Campaign is { } campaign)
                Campaign(campaign, $"{path}.campaign");
            for (var a = 0; a < arms.Count; a++)
                if (arms[a].Plan is not null && t.Campaign is null)
                    Error($"{path}.arms[{a}].plan", "an influencer plan buys creators for the test's campaign: add a campaign to the test");
        }
    }

    private void Campaign(CampaignConfig campaign, string path)
    {
        var topics = TopicCatalog.All.Select(topic => topic.Name).ToList();
        // A topic given as null failed to bind and was reported there.
        if (campaign.Topic is not null && !topics.Contains(campaign.Topic))
            Error($"{path}.topic", $"unknown topic '{campaign.Topic}'{DidYouMean.Hint(campaign.Topic, topics)}; known: {string.Join(", ", topics)}");
        if (campaign.Products < 1)
            Error($"{path}.products", $"must be at least 1 (got {campaign.Products})");
        if (campaign.Position < 0)
            Error($"{path}.position", $"must be 0 or more (got {campaign.Position})");
        if (campaign.MaxPerUserPerDay < 1)
            Error($"{path}.max_per_user_per_day", $"must be at least 1 (got {campaign.MaxPerUserPerDay})");
        if (!(campaign.CostPerThousand >= 0 && double.IsFinite(campaign.CostPerThousand)))
            Error($"{path}.cost_per_thousand", FormattableString.Invariant($"must be a finite number of dollars, 0 or more (got {campaign.CostPerThousand})"));
        if (!(campaign.Budget > 0 && double.IsFinite(campaign.Budget)))
            Error($"{path}.budget", FormattableString.Invariant($"must be a positive number of dollars (got {campaign.Budget})"));
        try
        {
            AudienceSegment.Parse(campaign.Target);
        }
        catch (FormatException e)
        {
            Error($"{path}.target", e.Message);
        }
    }

    private void Report(ReportConfig report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < report.Charts.Count; i++)
        {
            var chart = report.Charts[i];
            if (!ReportConfig.KnownCharts.Contains(chart))
                Error($"report.charts[{i}]", $"unknown chart '{chart}'{DidYouMean.Hint(chart, ReportConfig.KnownCharts)}; known: {string.Join(", ", ReportConfig.KnownCharts)}");
            else if (!seen.Add(chart))
                Error($"report.charts[{i}]", $"'{chart}' is listed twice");
        }
    }

    private static string OneLine(string message) => string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].TrimEnd('\r');
        var cut = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? line[..cut] : line;
    }
}
