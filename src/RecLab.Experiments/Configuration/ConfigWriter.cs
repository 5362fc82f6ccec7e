using System.Collections;
using System.Globalization;
using RecLab.Experiments.Schema;
using RecLab.Recommenders;
using RecLab.Splitting;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RecLab.Experiments.Configuration;

/// <summary>
/// Writes a configuration as YAML in the file's own schema: snake_case keys, values equal to their defaults
/// omitted (required keys always written), strings quoted where YAML would read them as something else.
/// </summary>
internal static class ConfigWriter
{
    public static string Write(ExperimentConfig config)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, new EmitterSettings().WithBestIndent(2));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Record(emitter, config);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Record(IEmitter emitter, object record)
    {
        var defaults = Activator.CreateInstance(record.GetType())!;
        emitter.Emit(new MappingStart());
        foreach (var (key, property) in ConfigBinder.SchemaKeys(record.GetType()))
        {
            var value = property.GetValue(record);
            if (record is AlgorithmConfig algorithm && value is RecommenderOptions options)
            {
                AlgorithmOptions(emitter, algorithm, options);
                continue;
            }
            if (!ConfigBinder.IsRequired(property) && Same(value, property.GetValue(defaults)))
                continue;
            Key(emitter, key);
            Value(emitter, value);
        }
        emitter.Emit(new MappingEnd());
    }

    private static void AlgorithmOptions(IEmitter emitter, AlgorithmConfig algorithm, RecommenderOptions options)
    {
        var defaults = (RecommenderOptions)Activator.CreateInstance(options.GetType())!;
        var changed = OptionsBinder.Settable(options.GetType())
            .Where(p => algorithm.Grid.All(g => g.Option != p.Name) && !Same(p.GetValue(options), p.GetValue(defaults)))
            .ToList();
        if (changed.Count == 0)
            return;
        Key(emitter, "options");
        emitter.Emit(new MappingStart());
        foreach (var p in changed)
        {
            Key(emitter, YamlNames.Snake(p.Name));
            Value(emitter, p.GetValue(options));
        }
        emitter.Emit(new MappingEnd());
    }

    private static void Value(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case string s:
                emitter.Emit(new Scalar(null, null, s, LooksTyped(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                break;
            case RepeatsConfig repeats:
                if (repeats.Seeds is null)
                    Value(emitter, repeats.Count);
                else
                    Value(emitter, repeats.Seeds);
                break;
            case ISplitter split:
                Value(emitter, split.Spec);
                break;
            case RecommenderSpec spec when spec.HasDefaultOptions:
                Value(emitter, spec.Kind);
                break;
            case RecommenderSpec spec:
                emitter.Emit(new MappingStart());
                Key(emitter, "kind");
                Value(emitter, spec.Kind);
                Key(emitter, "options");
                Record(emitter, spec.Options!);
                emitter.Emit(new MappingEnd());
                break;
            case GridAxis axis:
                // Only reached through the grid list: a grid is written as a mapping of axis: [values].
                throw new InvalidOperationException($"Grid axis {axis.Option} outside a grid.");
            case IReadOnlyList<GridAxis> grid:
                emitter.Emit(new MappingStart());
                foreach (var axis in grid)
                {
                    Key(emitter, YamlNames.Snake(axis.Option));
                    emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
                    foreach (var v in axis.Values)
                        Value(emitter, v);
                    emitter.Emit(new SequenceEnd());
                }
                emitter.Emit(new MappingEnd());
                break;
            case bool or Enum or int or long or ulong or float or double:
                emitter.Emit(new Scalar(null, null, OptionsBinder.Format(value), ScalarStyle.Plain, true, false));
                break;
            case Array array when array.GetType().GetElementType() is { IsPrimitive: true } or { IsEnum: true }:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Flow));
                foreach (var item in array)
                    Value(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case IEnumerable list:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in list)
                    Value(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            default:
                Record(emitter, value);
                break;
        }
    }

    private static void Key(IEmitter emitter, string key) =>
        emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, true, false));

    /// <summary>True when a plain scalar with this text would not read back as the same string.</summary>
    private static bool LooksTyped(string s) =>
        s.Length == 0 || s.Any(char.IsControl) || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) || s is "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE" ||
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>Equal in canonical form (records holding lists compare by content, not by reference).</summary>
    private static bool Same(object? a, object? b) => Cells.CanonicalJson.Of(a) == Cells.CanonicalJson.Of(b);
}
