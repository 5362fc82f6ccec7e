using System.Text.RegularExpressions;

namespace RecLab.Experiments.Configuration;

/// <summary>
/// Applies <c>--set key.path=value</c> overrides to a file's node tree before it is bound, so overridden values are
/// validated like written ones. Path syntax: keys separated by <c>.</c>; a list item by position <c>[0]</c> or by
/// its name <c>[ml]</c> (an entry's <c>name</c>, else a split's <c>spec</c> or an algorithm's <c>kind</c>), e.g.
/// <c>seed=7</c>, <c>datasets[0].source=synthetic:tiny</c>, <c>algorithms[knn].options.neighbors=50</c>. The value is a
/// YAML scalar (quote it to force a string); missing keys are created, lists and mappings cannot be replaced.
/// </summary>
internal static partial class Overrides
{
    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_-]*)(?:\[(?<sel>[^\]]+)\])*$")]
    private static partial Regex Segment();

    public static void Apply(YamlNode root, IReadOnlyList<string> overrides, List<ConfigError> errors)
    {
        foreach (var text in overrides)
        {
            var source = $"--set {text}";
            var eq = text.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add(new ConfigError(source, 0, 0, "", "expected key.path=value, e.g. --set seed=7 or --set datasets[0].source=synthetic:tiny"));
                continue;
            }
            var path = text[..eq].Trim();
            var value = text[(eq + 1)..].Trim();
            if (Set(root, path, value, new SourceMark(source, 0, 0)) is { } error)
                errors.Add(new ConfigError(source, 0, 0, path, error));
        }
    }

    /// <summary>Sets one scalar; returns what went wrong, or null.</summary>
    private static string? Set(YamlNode root, string path, string value, SourceMark mark)
    {
        var segments = path.Split('.');
        YamlNode node = root;
        var walked = "";
        for (var s = 0; s < segments.Length; s++)
        {
            var match = Segment().Match(segments[s]);
            if (!match.Success)
                return $"'{segments[s]}' is not a key or key[index] (keys are letters, digits, '_' and '-'; items are [0] or [name])";
            if (node is not YamlMapping mapping)
                return $"'{walked}' is {node.Describe()}, not a mapping, so it has no key '{match.Groups["key"].Value}'";
            var key = match.Groups["key"].Value;
            walked = walked.Length == 0 ? key : $"{walked}.{key}";
            var selectors = match.Groups["sel"].Captures.Select(c => c.Value).ToList();
            var last = s == segments.Length - 1;
            var child = mapping.Get(key);
            if (child is null)
            {
                if (selectors.Count > 0)
                    return $"'{walked}' is not in the file, so it has no items to select";
                child = last ? Scalar(value, mark) : new YamlMapping(mark);
                mapping.Entries.Add(new(new YamlScalar(mark, key, plain: true), child));
                node = child;
                continue;
            }
            for (var j = 0; j < selectors.Count; j++)
            {
                var selector = selectors[j];
                if (child is not YamlSequence sequence)
                    return $"'{walked}' is {child.Describe()}, not a list, so [{selector}] selects nothing";
                var item = Select(sequence, selector);
                if (item is null)
                    return $"'{walked}' has no item [{selector}] ({sequence.Items.Count} items" +
                        (Labels(sequence) is { Count: > 0 } labels ? $": {string.Join(", ", labels)})" : ")");
                walked += $"[{selector}]";
                if (last && j == selectors.Count - 1)
                {
                    if (item is not YamlScalar)
                        return $"'{walked}' is {item.Describe()}; --set replaces scalars only";
                    sequence.Items[sequence.Items.IndexOf(item)] = Scalar(value, mark);
                    return null;
                }
                child = item;
            }
            if (last)
            {
                if (child is not YamlScalar)
                    return $"'{walked}' is {child.Describe()}; --set replaces scalars only";
                var index = mapping.Entries.FindLastIndex(e => e.Key.Value == key);
                mapping.Entries[index] = new(mapping.Entries[index].Key, Scalar(value, mark));
                return null;
            }
            node = child;
        }
        return null;
    }

    private static YamlScalar Scalar(string value, SourceMark mark)
    {
        // Quotes force a string, as in YAML.
        if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
            return new YamlScalar(mark, value[1..^1], plain: false);
        return new YamlScalar(mark, value, plain: true);
    }

    private static YamlNode? Select(YamlSequence sequence, string selector)
    {
        if (int.TryParse(selector, out var index))
            return index >= 0 && index < sequence.Items.Count ? sequence.Items[index] : null;
        return sequence.Items.FirstOrDefault(item => Label(item) == selector);
    }

    private static List<string> Labels(YamlSequence sequence) =>
        sequence.Items.Select(Label).OfType<string>().ToList();

    /// <summary>An entry's name, else its spec (splits) or kind (algorithms): what the tables call it.</summary>
    private static string? Label(YamlNode item) =>
        item is YamlMapping m
            ? (m.Get("name") ?? m.Get("spec") ?? m.Get("kind")) is YamlScalar s ? s.Value : null
            : null;
}
