using RecLab.Data.Downloads;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;

namespace RecLab.Experiments.Configuration;

/// <summary>
/// Reads experiment files: YAML to typed <see cref="ExperimentConfig"/> records, with <c>--set</c> overrides applied
/// first and every problem reported at once as <c>file:line:column: path: message</c>.
/// </summary>
public static class ExperimentFile
{
    /// <summary>
    /// Reads and validates the file at <paramref name="path"/> (errors name it as given). Dataset names are looked up in
    /// <paramref name="cache"/> (default: <c>RECLAB_DATA</c> or <c>~/.cache/reclab</c>); run with the same cache
    /// (<see cref="Execution.RunOptions.Data"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ExperimentConfigException">Every problem found.</exception>
    public static ExperimentConfig Load(string path, IReadOnlyList<string>? overrides = null, RecommenderRegistry? registry = null, DataCache? cache = null)
    {
        if (Directory.Exists(path))
        {
            var yaml = Directory.EnumerateFiles(path, "*.yaml").Order(StringComparer.Ordinal).Select(Path.GetFileName).ToList();
            throw new IOException($"{path} is a folder, not an experiment file" +
                (File.Exists(Path.Combine(path, "experiment.yaml")) && Directory.Exists(Path.Combine(path, "cells"))
                    ? $": it holds results ('reclab report {path}' redraws them, 'reclab run {Path.Combine(path, "experiment.yaml")}' reruns them)."
                    : yaml.Count > 0 ? $"; it holds {string.Join(", ", yaml.Take(5))}{(yaml.Count > 5 ? ", ..." : "")}." : "."));
        }
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such experiment file.", path);
        return Parse(File.ReadAllText(path), path, overrides, registry, cache);
    }

    /// <summary>Reads and validates YAML text; <paramref name="source"/> names it in errors; dataset names are looked up in <paramref name="cache"/>.</summary>
    /// <exception cref="ExperimentConfigException">Every problem found.</exception>
    public static ExperimentConfig Parse(string yaml, string source, IReadOnlyList<string>? overrides = null, RecommenderRegistry? registry = null, DataCache? cache = null) =>
        Parse(yaml, source, overrides, registry, checkSources: true, cache);

    /// <summary>As the public overload; <paramref name="checkSources"/> false skips checking that data files exist (reading saved results elsewhere).</summary>
    internal static ExperimentConfig Parse(string yaml, string source, IReadOnlyList<string>? overrides, RecommenderRegistry? registry, bool checkSources, DataCache? cache = null)
    {
        var errors = new List<ConfigError>();
        var root = YamlTreeReader.Read(yaml, source, errors);
        if (root is null)
            throw new ExperimentConfigException(errors);
        Overrides.Apply(root, overrides ?? [], errors);
        var binder = new ConfigBinder(registry ?? RecommenderRegistry.Default, errors);
        var config = binder.BindExperiment(root);
        if (config is not null)
            new ExperimentValidator(binder, errors, source, checkSources, cache).Validate(config);
        if (errors.Count > 0 || config is null)
            throw new ExperimentConfigException(Ordered(errors));
        Positions.AddOrUpdate(config, binder.Nodes.ToDictionary(n => n.Key, n => n.Value.Mark, StringComparer.Ordinal));
        return config;
    }

    /// <summary>Where each key path of a parsed configuration was written, for problems found only once data is loaded.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ExperimentConfig, Dictionary<string, SourceMark>> Positions = [];

    /// <summary>
    /// <c>file:line:column: path</c> of <paramref name="path"/> (e.g. <c>splits[0].spec</c>) in the file
    /// <paramref name="config"/> was parsed from, or just the path when it was not written there.
    /// </summary>
    internal static string Locate(ExperimentConfig config, string path) =>
        Positions.TryGetValue(config, out var marks) && marks.TryGetValue(path, out var mark)
            ? mark.Error(path, "").ToString().TrimEnd(' ', ':')
            : path;

    /// <summary>The configuration as YAML that <c>Parse</c> reads back to an equal configuration (defaults omitted).</summary>
    public static string ToYaml(ExperimentConfig config) => ConfigWriter.Write(config);

    /// <summary>Errors in file order (overrides after the file), each once.</summary>
    private static List<ConfigError> Ordered(List<ConfigError> errors) =>
        errors.Distinct()
            .Select((e, i) => (e, i))
            .OrderBy(x => x.e.Line == 0 ? 1 : 0).ThenBy(x => x.e.Line).ThenBy(x => x.e.Column).ThenBy(x => x.i)
            .Select(x => x.e)
            .ToList();
}
