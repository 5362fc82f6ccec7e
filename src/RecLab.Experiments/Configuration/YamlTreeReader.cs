using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RecLab.Experiments.Configuration;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s with YamlDotNet's parser (events), keeping positions and duplicate
/// keys. Aliases resolve to their anchored node; a syntax error becomes one <see cref="ConfigError"/> at its position.
/// Nesting is bounded (<see cref="MaxDepth"/>), counting what aliases bring in, so that neither this reader nor the
/// binder after it can recurse deep enough to overflow the stack (about 20,000 levels would: an uncatchable crash).
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Most levels of lists and mappings; an experiment file needs about six.</summary>
    public const int MaxDepth = 64;

    /// <summary>The single document of <paramref name="text"/>, or null with the syntax error in <paramref name="errors"/>.</summary>
    public static YamlNode? Read(string text, string source, List<ConfigError> errors)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                errors.Add(new ConfigError(source, 1, 1, "", "the file is empty (expected a mapping with version, name, datasets, splits, algorithms, metrics)"));
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, source, anchors, 1);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                errors.Add(new ConfigError(source, (int)second.Start.Line, (int)second.Start.Column, "",
                    "only one YAML document is allowed (remove the second '---')"));
                return null;
            }
            return root;
        }
        catch (InvalidOperationException e) when (e.Source == "YamlDotNet")
        {
            // YamlDotNet's scanner throws this (without a position) when the text ends inside a flow collection.
            errors.Add(new ConfigError(source, text.TrimEnd('\n').Split('\n').Length, 1, "",
                "invalid YAML: the file ends inside a '[...]' or '{...}' that is not closed"));
            return null;
        }
        catch (NestingTooDeepException e)
        {
            errors.Add(new ConfigError(source, (int)e.Start.Line, (int)e.Start.Column, "", e.Message));
            return null;
        }
        catch (YamlException e)
        {
            // YamlDotNet's message has no position (it is in Start, 1-based); the inner exception, when any, says more.
            var message = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;
            errors.Add(new ConfigError(source, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), "",
                "invalid YAML: " + message));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, string source, Dictionary<string, YamlNode> anchors, int depth)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
                throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            // A chain of aliases can build depth that the text does not show.
            if (depth - 1 + target.Height > MaxDepth)
                throw TooDeep(alias);
            return target;
        }
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var node = new YamlScalar(Mark(scalar, source), scalar.Value, scalar.Style == ScalarStyle.Plain);
            return Anchor(scalar.Anchor, node, anchors);
        }
        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            if (depth > MaxDepth)
                throw TooDeep(sequenceStart);
            var sequence = new YamlSequence(Mark(sequenceStart, source)) { Height = 1 };
            Anchor(sequenceStart.Anchor, sequence, anchors);
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var item = ReadNode(parser, source, anchors, depth + 1);
                sequence.Items.Add(item);
                sequence.Height = Math.Max(sequence.Height, item.Height + 1);
            }
            return sequence;
        }
        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            if (depth > MaxDepth)
                throw TooDeep(mappingStart);
            var mapping = new YamlMapping(Mark(mappingStart, source)) { Height = 1 };
            Anchor(mappingStart.Anchor, mapping, anchors);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current;
                var key = ReadNode(parser, source, anchors, depth + 1);
                if (key is not YamlScalar keyScalar)
                    throw new YamlException(keyStart!.Start, keyStart.End, "a key must be a plain name, not a list or mapping");
                var value = ReadNode(parser, source, anchors, depth + 1);
                mapping.Entries.Add(new(keyScalar, value));
                mapping.Height = Math.Max(mapping.Height, value.Height + 1);
            }
            return mapping;
        }
        var current = parser.Current;
        throw new YamlException(current?.Start ?? YamlDotNet.Core.Mark.Empty, current?.End ?? YamlDotNet.Core.Mark.Empty, $"unexpected {current?.GetType().Name ?? "end of input"}");
    }

    private static NestingTooDeepException TooDeep(ParsingEvent e) =>
        new(e.Start, e.End, $"nesting too deep: more than {MaxDepth} levels of lists and mappings (an experiment file needs about six)");

    private sealed class NestingTooDeepException(YamlDotNet.Core.Mark start, YamlDotNet.Core.Mark end, string message) : YamlException(start, end, message);

    private static T Anchor<T>(AnchorName anchor, T node, Dictionary<string, YamlNode> anchors) where T : YamlNode
    {
        if (!anchor.IsEmpty)
            anchors[anchor.Value] = node;
        return node;
    }

    private static SourceMark Mark(ParsingEvent e, string source) => new(source, (int)e.Start.Line, (int)e.Start.Column);
}
