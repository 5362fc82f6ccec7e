using System.Reflection;
using System.Runtime.CompilerServices;
using RecLab.Data;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;
using RecLab.Splitting;

namespace RecLab.Experiments.Configuration;

/// <summary>
/// Binds a <see cref="YamlNode"/> tree to the typed schema records, collecting every error instead of stopping at the
/// first: unknown and duplicate keys, missing required keys, wrong types, unknown algorithm kinds and options, options
/// out of range. Each bound node is remembered by its key path so later checks can point at it.
/// </summary>
internal sealed class ConfigBinder(RecommenderRegistry registry, List<ConfigError> errors)
{
    /// <summary>Value nodes by key path (<c>algorithms[1].options.neighbors</c>), for locating later errors.</summary>
    public Dictionary<string, YamlNode> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Key nodes by key path, for errors about a key rather than its value.</summary>
    public Dictionary<string, YamlScalar> Keys { get; } = new(StringComparer.Ordinal);

    public ExperimentConfig? BindExperiment(YamlNode root) => (ExperimentConfig?)BindRecord(typeof(ExperimentConfig), root, "");

    private void Error(YamlNode node, string path, string message) => errors.Add(node.Mark.Error(path, message));

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The schema keys of a record type: its settable public properties, snake_case.</summary>
    public static IReadOnlyList<(string Key, PropertyInfo Property)> SchemaKeys(Type type) =>
        OptionsBinder.Settable(type).Select(p => (YamlNames.Snake(p.Name), p)).ToList();

    public static bool IsRequired(PropertyInfo property) => property.GetCustomAttribute<RequiredMemberAttribute>() is not null;

    public static bool AllowsNull(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null ||
        (!property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);

    private object? BindRecord(Type type, YamlNode node, string path)
    {
        Nodes[path] = node;
        if (node is not YamlMapping mapping)
        {
            Error(node, path, $"expected a mapping of keys ({string.Join(", ", SchemaKeys(type).Select(k => k.Key))}), got {node.Describe()}");
            return null;
        }
        var instance = Activator.CreateInstance(type)!;
        var keys = SchemaKeys(type);
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Entries)
        {
            var key = keyNode.Value;
            var keyPath = Join(path, key);
            if (seen.TryGetValue(key, out var first))
            {
                Error(keyNode, keyPath, $"duplicate key (first given at line {first.Mark.Line})");
                continue;
            }
            seen[key] = keyNode;
            if (!keys.Any(k => k.Key == key))
            {
                var names = keys.Select(k => k.Key).ToList();
                Error(keyNode, keyPath, "unknown key" + (DidYouMean.Closest(key, names) is { } close
                    ? $" (did you mean '{close}'?)"
                    : $"; valid keys: {string.Join(", ", names)}"));
                continue;
            }
            Keys[keyPath] = keyNode;
            entries[key] = value;
        }
        foreach (var (key, property) in keys)
        {
            var keyPath = Join(path, key);
            if (!entries.TryGetValue(key, out var value))
            {
                if (IsRequired(property))
                    Error(mapping, path, $"missing required key '{key}'");
                continue;
            }
            // Options and grid depend on the algorithm's kind: bound below, once the kind is known.
            if (type == typeof(AlgorithmConfig) && property.Name is nameof(AlgorithmConfig.Options) or nameof(AlgorithmConfig.Grid))
                continue;
            if (value is YamlScalar { IsNull: true } && IsRequired(property) && !AllowsNull(property))
            {
                Nodes[keyPath] = value;
                Error(value, keyPath, $"required: expected {Describe(property.PropertyType)}, got nothing");
                continue;
            }
            var (ok, bound) = BindValue(property.PropertyType, AllowsNull(property), value, keyPath);
            if (ok)
                property.SetValue(instance, bound);
        }
        if (instance is AlgorithmConfig algorithm)
            instance = BindAlgorithmOptions(algorithm, entries, path);
        return instance;
    }

    private (bool Ok, object? Value) BindValue(Type type, bool allowsNull, YamlNode node, string path)
    {
        Nodes[path] = node;
        if (node is YamlScalar { IsNull: true })
        {
            if (allowsNull)
                return (true, null);
            Error(node, path, $"expected {Describe(type)}, got null");
            return (false, null);
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(RepeatsConfig))
            return BindRepeats(node, path);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return BindList(type.GetGenericArguments()[0], node, path);
        if (IsScalarType(type))
        {
            if (node is not YamlScalar scalar)
            {
                Error(node, path, $"expected {Describe(type)}, got {node.Describe()}");
                return (false, null);
            }
            return ConvertScalar(type, scalar, path);
        }
        var record = BindRecord(type, node, path);
        return (record is not null, record);
    }

    private (bool, object?) BindList(Type element, YamlNode node, string path)
    {
        if (node is not YamlSequence sequence)
        {
            Error(node, path, $"expected {Describe(typeof(IReadOnlyList<>).MakeGenericType(element))}, got {node.Describe()}");
            return (false, null);
        }
        var list = Array.CreateInstance(element, sequence.Items.Count);
        var ok = true;
        for (var k = 0; k < sequence.Items.Count; k++)
        {
            var (itemOk, item) = BindValue(element, false, sequence.Items[k], $"{path}[{k}]");
            if (itemOk)
                list.SetValue(item, k);
            ok &= itemOk;
        }
        // A list with a bad element is dropped whole, so later checks never see half-bound entries as missing.
        return ok ? (true, list) : (false, null);
    }

    private (bool, object?) BindRepeats(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalar scalar:
                var (ok, count) = ConvertScalar(typeof(int), scalar, path);
                if (!ok)
                    return (false, null);
                if ((int)count! < 1)
                {
                    Error(node, path, $"must be at least 1 (got {count})");
                    return (false, null);
                }
                if ((int)count > Limits.Repeats)
                {
                    Error(node, path, FormattableString.Invariant($"must be at most {Limits.Repeats:N0} (got {count:N0})"));
                    return (false, null);
                }
                return (true, new RepeatsConfig { Count = (int)count });
            case YamlSequence:
                var (listOk, seeds) = BindList(typeof(ulong), node, path);
                if (!listOk)
                    return (false, null);
                var array = (ulong[])seeds!;
                if (array.Length == 0)
                {
                    Error(node, path, "the list of seeds is empty");
                    return (false, null);
                }
                if (array.Length > Limits.Repeats)
                {
                    Error(node, path, FormattableString.Invariant($"at most {Limits.Repeats:N0} seeds (got {array.Length:N0})"));
                    return (false, null);
                }
                if (array.Distinct().Count() != array.Length)
                {
                    Error(node, path, "the seeds must be distinct");
                    return (false, null);
                }
                return (true, new RepeatsConfig { Count = array.Length, Seeds = array });
            default:
                Error(node, path, $"expected a count (e.g. 3) or a list of seeds (e.g. [1, 2, 3]), got {node.Describe()}");
                return (false, null);
        }
    }

    private AlgorithmConfig BindAlgorithmOptions(AlgorithmConfig algorithm, Dictionary<string, YamlNode> entries, string path)
    {
        if (algorithm.Kind is null || !registry.TryGet(algorithm.Kind, out var info))
        {
            if (algorithm.Kind is not null && Nodes.TryGetValue(Join(path, "kind"), out var kindNode))
                Error(kindNode, Join(path, "kind"), $"unknown algorithm '{algorithm.Kind}'{DidYouMean.Hint(algorithm.Kind, registry.Names)}; " +
                    $"available: {string.Join(", ", registry.Names)}");
            return algorithm;
        }
        algorithm = algorithm with { Kind = info.Name };
        if (algorithm.TrainImplicit && !info.Accepts.Allows(FeedbackKind.Implicit))
            Error(Nodes.GetValueOrDefault(Join(path, "train_implicit")) ?? entries["kind"], Join(path, "train_implicit"),
                $"{info.Name} learns from explicit ratings only; remove train_implicit or choose an algorithm that accepts implicit feedback");
        var properties = OptionsBinder.Settable(info.OptionsType);
        var optionsPath = Join(path, "options");
        var gridPath = Join(path, "grid");
        var (options, setBy) = BindOptions(info, entries.GetValueOrDefault("options"), optionsPath, gridPath);

        var grid = new List<GridAxis>();
        var axisNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value, property, keyPath) in OptionEntries(entries.GetValueOrDefault("grid"), gridPath, info, properties, "a mapping of option: [values]"))
        {
            if (setBy.TryGetValue(property.Name, out var other))
            {
                Error(keyNode, keyPath, $"option {YamlNames.Snake(property.Name)} is both in options (line {other.Mark.Line}) and in the grid; keep one");
                continue;
            }
            if (!axisNodes.TryAdd(property.Name, keyNode))
            {
                Error(keyNode, keyPath, $"option {YamlNames.Snake(property.Name)} is given twice");
                continue;
            }
            Nodes[keyPath] = value;
            if (value is not YamlSequence values || values.Items.Count == 0)
            {
                Error(value, keyPath, $"a grid axis is a non-empty list of values, got {value.Describe()}");
                continue;
            }
            var typed = new List<object?>();
            var ok = true;
            for (var k = 0; k < values.Items.Count; k++)
            {
                var (itemOk, item) = BindOptionValue(property, values.Items[k], $"{keyPath}[{k}]");
                ok &= itemOk;
                typed.Add(item);
            }
            if (ok)
                grid.Add(new GridAxis { Option = property.Name, Values = typed });
        }

        // Counted before any point is made: a few short lists can multiply to billions of points.
        var size = grid.Aggregate(1.0, (product, axis) => product * axis.Values.Count);
        if (size > Limits.Cells)
        {
            Error(Nodes[gridPath], gridPath, FormattableString.Invariant(
                $"the grid has {size:#,0} points ({string.Join(" × ", grid.Select(a => a.Values.Count))}), more than an experiment may have cells ({Limits.Cells:N0}); search fewer values"));
            return algorithm with { Options = options, Grid = [] };
        }

        CheckOptions(GridPoints(options, grid, properties), path, optionsPath, setBy, gridPath, axisNodes);
        return algorithm with { Options = options, Grid = grid };
    }

    /// <summary>
    /// The options block of <paramref name="info"/> over its defaults (none when <paramref name="node"/> is null), each
    /// value bound where it is written; <paramref name="gridPath"/>, when the algorithm can have a grid, is where a list
    /// of values to try belongs. Returns the options and, by property name, the key that set each.
    /// </summary>
    private (RecommenderOptions Options, Dictionary<string, YamlNode> SetBy) BindOptions(RecommenderInfo info, YamlNode? node, string optionsPath, string? gridPath)
    {
        var options = info.DefaultOptions();
        var setBy = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value, property, keyPath) in OptionEntries(node, optionsPath, info, OptionsBinder.Settable(info.OptionsType), $"a mapping of {info.Name}'s options"))
        {
            if (!setBy.TryAdd(property.Name, keyNode))
            {
                Error(keyNode, keyPath, $"option {YamlNames.Snake(property.Name)} is given twice");
                continue;
            }
            if (value is YamlSequence && !property.PropertyType.IsArray)
            {
                Error(value, keyPath, $"a list is not a value of {YamlNames.Snake(property.Name)} ({OptionsBinder.DescribeType(property.PropertyType)})" +
                    (gridPath is null ? "" : $"; to try several values, move it under '{gridPath}'"));
                continue;
            }
            var (ok, bound) = BindOptionValue(property, value, keyPath);
            if (ok)
                options = With(options, property, bound);
        }
        return (options, setBy);
    }

    /// <summary>
    /// Range checks on options (every grid point of them), each error once, where the option is written: under the grid,
    /// under the options, or at <paramref name="path"/> for a default. True when there is none.
    /// </summary>
    private bool CheckOptions(IEnumerable<RecommenderOptions> points, string path, string optionsPath, Dictionary<string, YamlNode> setBy,
        string? gridPath = null, Dictionary<string, YamlNode>? axisNodes = null)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            foreach (var e in point.Check())
            {
                var keyPath = gridPath is not null && axisNodes!.ContainsKey(e.Property) ? Join(gridPath, YamlNames.Snake(e.Property))
                    : setBy.ContainsKey(e.Property) ? Join(optionsPath, YamlNames.Snake(e.Property))
                    : path;
                var message = $"{YamlNames.Snake(e.Property)} {e.Message}";
                if (reported.Add(keyPath + message))
                    Error(Nodes.GetValueOrDefault(keyPath) ?? Nodes[path], keyPath, message);
            }
        }
        return reported.Count == 0;
    }

    /// <summary>
    /// An algorithm inside another's options (a hybrid's component, a bandit's base), bound as an <c>algorithms</c> entry
    /// is: its registered name alone for its defaults, or <c>{kind: NAME, options: {...}}</c>, every error at its own place.
    /// </summary>
    private (bool, object?) BindSpec(YamlNode node, string path)
    {
        Nodes[path] = node;
        if (node is YamlScalar { IsNull: false } name)
            return Registered(name, path) is { } named ? (true, new RecommenderSpec(named.Name, named.DefaultOptions())) : (false, null);
        if (node is not YamlMapping mapping)
        {
            Error(node, path, $"expected an algorithm: a registered name, or a mapping {{kind: NAME, options: {{...}}}}, got {node.Describe()}");
            return (false, null);
        }
        YamlNode? kindNode = null, optionsNode = null;
        foreach (var (key, value) in Entries(mapping, path))
        {
            if (key.Value == "kind")
                kindNode = value;
            else if (key.Value == "options")
                optionsNode = value;
            else
                Error(key, Join(path, key.Value), "unknown key" + (DidYouMean.Closest(key.Value, ["kind", "options"]) is { } close
                    ? $" (did you mean '{close}'?)"
                    : "; valid keys: kind, options"));
        }
        if (kindNode is null)
        {
            Error(mapping, path, "missing required key 'kind'");
            return (false, null);
        }
        var kindPath = Join(path, "kind");
        Nodes[kindPath] = kindNode;
        if (kindNode is not YamlScalar { IsNull: false } kindScalar)
        {
            Error(kindNode, kindPath, $"expected a registered algorithm name, got {kindNode.Describe()}");
            return (false, null);
        }
        if (Registered(kindScalar, kindPath) is not { } info)
            return (false, null);
        var before = errors.Count;
        var optionsPath = Join(path, "options");
        var (options, setBy) = BindOptions(info, optionsNode, optionsPath, gridPath: null);
        var valid = CheckOptions([options], path, optionsPath, setBy);
        return valid && errors.Count == before ? (true, new RecommenderSpec(info.Name, options)) : (false, null);
    }

    /// <summary>
    /// A list of algorithms (<see cref="BindSpec"/> each); a scalar is a <c>|</c>-separated list of names, as
    /// <c>--set</c> and the command line give one. A list with a bad item is dropped whole.
    /// </summary>
    private (bool, object?) BindSpecs(YamlNode node, string path)
    {
        var items = node switch
        {
            YamlSequence sequence => sequence.Items,
            YamlScalar scalar => scalar.Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => (YamlNode)new YamlScalar(scalar.Mark, name, scalar.Plain)).ToList(),
            _ => null,
        };
        if (items is null)
        {
            Error(node, path, $"expected a list of algorithms (each a registered name or {{kind: NAME, options: {{...}}}}), got {node.Describe()}");
            return (false, null);
        }
        var specs = new RecommenderSpec[items.Count];
        var ok = true;
        for (var k = 0; k < items.Count; k++)
        {
            var (itemOk, spec) = BindSpec(items[k], node is YamlSequence ? $"{path}[{k}]" : path);
            ok &= itemOk;
            specs[k] = (RecommenderSpec)spec!;
        }
        Nodes[path] = node;
        return ok ? (true, specs) : (false, null);
    }

    /// <summary>The registered algorithm a scalar names, or null with the error (listing the available ones) reported.</summary>
    private RecommenderInfo? Registered(YamlScalar name, string path)
    {
        if (registry.TryGet(name.Value.Trim(), out var info))
            return info;
        var colon = name.Value.IndexOf(':');
        if (colon > 0 && registry.TryGet(name.Value[..colon].Trim(), out info))
            Error(name, path, $"options are not written inside the name: give {{kind: {info.Name}, options: {{...}}}} with each option as a key");
        else
            Error(name, path, $"unknown algorithm '{name.Value}'{DidYouMean.Hint(name.Value, registry.Names)}; available: {string.Join(", ", registry.Names)}");
        return null;
    }

    /// <summary>The options named in an options or grid block of an algorithm, unknown ones reported.</summary>
    private IEnumerable<(YamlScalar Key, YamlNode Value, PropertyInfo Property, string Path)> OptionEntries(YamlNode? node,
        string path, RecommenderInfo info, IReadOnlyList<PropertyInfo> properties, string expected)
    {
        if (node is null)
            yield break;
        Nodes[path] = node;
        if (node is not YamlMapping mapping)
        {
            if (node is not YamlScalar { IsNull: true })
                Error(node, path, $"expected {expected}, got {node.Describe()}");
            yield break;
        }
        foreach (var (keyNode, value) in Entries(mapping, path))
            if (FindOption(info, properties, keyNode, path) is { } property)
                yield return (keyNode, value, property, Join(path, keyNode.Value));
    }

    /// <summary>The entries of a mapping, with duplicate keys reported and skipped.</summary>
    private IEnumerable<KeyValuePair<YamlScalar, YamlNode>> Entries(YamlMapping mapping, string path)
    {
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (seen.TryGetValue(entry.Key.Value, out var first))
            {
                Error(entry.Key, Join(path, entry.Key.Value), $"duplicate key (first given at line {first.Mark.Line})");
                continue;
            }
            seen[entry.Key.Value] = entry.Key;
            Keys[Join(path, entry.Key.Value)] = entry.Key;
            yield return entry;
        }
    }

    private PropertyInfo? FindOption(RecommenderInfo info, IReadOnlyList<PropertyInfo> properties, YamlScalar key, string path)
    {
        var loose = YamlNames.Loose(key.Value);
        var property = properties.FirstOrDefault(p => YamlNames.Loose(p.Name) == loose);
        if (property is null)
        {
            var names = properties.Select(p => YamlNames.Snake(p.Name)).ToList();
            Error(key, Join(path, key.Value), $"unknown option of {info.Name}" + (DidYouMean.Closest(key.Value, names) is { } close
                ? $" (did you mean '{close}'?)"
                : names.Count == 0 ? "; it has no options" : $"; its options: {string.Join(", ", names)}"));
        }
        return property;
    }

    private (bool, object?) BindOptionValue(PropertyInfo property, YamlNode node, string path)
    {
        Nodes[path] = node;
        var type = property.PropertyType;
        if (node is YamlScalar { IsNull: true })
        {
            if (AllowsNull(property))
                return (true, null);
            Error(node, path, $"expected {OptionsBinder.DescribeType(type)}, got null");
            return (false, null);
        }
        if (type == typeof(RecommenderSpec))
            return BindSpec(node, path);
        if (type == typeof(ISplitter) && node is YamlScalar { IsNull: false } spec && OptionsBinder.SplitProblem(spec.Value) is { } problem)
        {
            Error(node, path, problem);
            return (false, null);
        }
        if (type == typeof(RecommenderSpec[]))
            return BindSpecs(node, path);
        if (type.IsArray && node is YamlSequence sequence)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, sequence.Items.Count);
            for (var k = 0; k < sequence.Items.Count; k++)
            {
                if (sequence.Items[k] is not YamlScalar item)
                {
                    Error(sequence.Items[k], $"{path}[{k}]", $"expected {OptionsBinder.DescribeType(element)}, got {sequence.Items[k].Describe()}");
                    return (false, null);
                }
                var (ok, value) = ConvertScalar(element, item, $"{path}[{k}]");
                if (!ok)
                    return (false, null);
                array.SetValue(value, k);
            }
            return (true, array);
        }
        if (node is not YamlScalar scalar)
        {
            Error(node, path, $"expected {OptionsBinder.DescribeType(type)}, got {node.Describe()}");
            return (false, null);
        }
        return ConvertScalar(Nullable.GetUnderlyingType(type) ?? type, scalar, path);
    }

    private static RecommenderOptions With(RecommenderOptions options, PropertyInfo property, object? value)
    {
        // Records are immutable: set the init-only property on a copy.
        var copy = (RecommenderOptions)options.GetType().GetMethod("<Clone>$")!.Invoke(options, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    /// <summary>Every combination of the grid's values over <paramref name="options"/>, first axis slowest.</summary>
    public static IEnumerable<RecommenderOptions> GridPoints(RecommenderOptions options, IReadOnlyList<GridAxis> grid, IReadOnlyList<PropertyInfo>? properties = null)
    {
        properties ??= OptionsBinder.Settable(options.GetType());
        IEnumerable<RecommenderOptions> points = [options];
        foreach (var axis in grid)
        {
            var property = properties.First(p => p.Name == axis.Option);
            points = points.SelectMany(p => axis.Values.Select(v => With(p, property, v))).ToList();
        }
        return points;
    }

    private static bool IsScalarType(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(ulong) ||
        type == typeof(float) || type == typeof(double) || type.IsEnum;

    /// <summary>A scalar as <paramref name="type"/>: numbers and booleans must be plain (quoted text is a string in YAML).</summary>
    private (bool, object?) ConvertScalar(Type type, YamlScalar scalar, string path)
    {
        Nodes[path] = scalar;
        if (type == typeof(string))
            return (true, scalar.Value);
        if (!scalar.Plain && !type.IsEnum && type != typeof(ISplitter))
        {
            Error(scalar, path, $"expected {Describe(type)}, got {scalar.Describe()} (remove the quotes)");
            return (false, null);
        }
        var text = scalar.Value;
        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "TRUE")
                return (true, true);
            if (text is "false" or "False" or "FALSE")
                return (true, false);
        }
        else if (type == typeof(ulong) && text.StartsWith('-'))
        {
            Error(scalar, path, $"expected {Describe(type)}, got '{text}' (must not be negative)");
            return (false, null);
        }
        else if (OptionsBinder.TryParse(type, text, out var value))
        {
            if (OptionsBinder.NumberProblem(text, value) is not { } problem)
                return (true, value);
            Error(scalar, path, problem);
            return (false, null);
        }
        var hint = type.IsEnum ? DidYouMean.Hint(text, Enum.GetNames(type).Select(Naming.Kebab)) : OptionsBinder.RangeHint(type, text);
        Error(scalar, path, $"expected {Describe(type)}, got {scalar.Describe()}{hint}");
        return (false, null);
    }

    /// <summary>A type as the reference page and messages name it.</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return "a string";
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(int) || type == typeof(long))
            return "an integer";
        if (type == typeof(ulong))
            return "a non-negative integer";
        if (type == typeof(float) || type == typeof(double))
            return "a number";
        if (type.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(Naming.Kebab));
        if (type == typeof(RepeatsConfig))
            return "a count or a list of seeds";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return "a list of " + Plural(type.GetGenericArguments()[0]);
        return "a mapping";
    }

    private static string Plural(Type type) =>
        type == typeof(string) ? "strings"
        : type == typeof(int) || type == typeof(long) ? "integers"
        : type == typeof(ulong) ? "non-negative integers"
        : type == typeof(float) || type == typeof(double) ? "numbers"
        : type.IsEnum ? Describe(type).Replace("one of ", "values among ")
        : "mappings";
}
