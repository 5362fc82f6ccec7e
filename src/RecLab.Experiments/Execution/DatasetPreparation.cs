using System.Security.Cryptography;
using System.Text;
using RecLab.Data;
using RecLab.Data.Downloads;
using RecLab.Data.Loading;
using RecLab.Experiments.Schema;

namespace RecLab.Experiments.Execution;

/// <summary>Loads a configured dataset and prepares it: implicit conversion, then the minimum-activity filter.</summary>
internal static class DatasetPreparation
{
    public static Dataset Load(DatasetConfig config, DataCache? cache = null)
    {
        Dataset dataset;
        var options = LoadOptions.Default with { SkipBadLines = config.SkipBadLines };
        if (config.Csv is { } csv)
        {
            var c = csv.Columns;
            var byName = new[] { c.User, c.Item, c.Value, c.Time }.Any(x => x is not null && !x.All(char.IsAsciiDigit));
            var format = new DelimitedFormat { Delimiter = csv.Delimiter, HasHeader = csv.Header ?? byName, Quoted = true };
            var kind = csv.Kind ?? (csv.Columns.Value is null ? FeedbackKind.Implicit : FeedbackKind.Explicit);
            dataset = DelimitedLoader.Load(csv.Path, csv.Columns, format, kind, options: options);
        }
        else
        {
            dataset = DatasetLoader.Load(config.Source!, options, cache);
        }
        return Prepare(dataset, config.Name, config.Preprocessing);
    }

    public static Dataset Prepare(Dataset dataset, string name, PreprocessingConfig p)
    {
        var data = dataset.Interactions;
        var dropped = false;
        if (p.Implicit)
        {
            var converted = data.ToImplicit(p.ImplicitThreshold);
            dropped = converted.Count < data.Count;
            data = converted;
        }
        var keep = ActiveRows(data, p);
        if (keep is null && !dropped)
            return new Dataset(name, data, dataset.ItemFeatures, dataset.UserFeatures, dataset.ItemTitles, dataset.Report, dataset.Source);
        // Rows were dropped: users and items left without any leave the catalogue (they would be ranked as candidates otherwise).
        return Compact(dataset, data, keep ?? Enumerable.Repeat(true, data.Count).ToArray(), name);
    }

    /// <summary>The rows that survive the activity filter, or null when every row does.</summary>
    private static bool[]? ActiveRows(InteractionData data, PreprocessingConfig p)
    {
        if (p.MinUserInteractions <= 1 && p.MinItemInteractions <= 1)
            return null;
        var users = data.UserColumn();
        var items = data.ItemColumn;
        var keep = new bool[data.Count];
        Array.Fill(keep, true);
        var userCount = new int[data.UserCount];
        var itemCount = new int[data.ItemCount];
        var changed = true;
        var first = true;
        while (changed && (first || p.Filter == ActivityFilter.Iterated))
        {
            changed = false;
            first = false;
            Count(keep, users, items, userCount, itemCount);
            for (var r = 0; r < keep.Length; r++)
                if (keep[r] && userCount[users[r]] < p.MinUserInteractions)
                    (keep[r], changed) = (false, true);
            Count(keep, users, items, userCount, itemCount);
            for (var r = 0; r < keep.Length; r++)
                if (keep[r] && itemCount[items[r]] < p.MinItemInteractions)
                    (keep[r], changed) = (false, true);
        }
        return keep.All(k => k) ? null : keep;
    }

    private static void Count(bool[] keep, int[] users, ReadOnlySpan<int> items, int[] userCount, int[] itemCount)
    {
        Array.Clear(userCount);
        Array.Clear(itemCount);
        for (var r = 0; r < keep.Length; r++)
        {
            if (!keep[r])
                continue;
            userCount[users[r]]++;
            itemCount[items[r]]++;
        }
    }

    /// <summary>The kept rows with fresh id maps, so removed users and items leave the catalogue; features follow.</summary>
    private static Dataset Compact(Dataset dataset, InteractionData data, bool[] keep, string name)
    {
        var builder = new InteractionDataBuilder(capacity: keep.Count(k => k));
        var users = data.UserColumn();
        var items = data.ItemColumn;
        var values = data.ValueColumn;
        for (var r = 0; r < keep.Length; r++)
        {
            if (!keep[r])
                continue;
            builder.Add(data.Users[users[r]], data.Items[items[r]], values[r], data.HasTimestamps ? data.TimestampAt(r) : null);
        }
        var compact = builder.Build(data.Kind, data.Scale);

        ItemFeatures? itemFeatures = null;
        if (dataset.ItemFeatures is { } features)
        {
            var fb = new ItemFeaturesBuilder();
            for (var i = 0; i < compact.ItemCount; i++)
            {
                var old = features.Items.IndexOf(compact.Items[i]);
                var indices = features.Matrix.RowIndices(old);
                var weights = features.Matrix.RowValues(old);
                for (var k = 0; k < indices.Length; k++)
                {
                    var feature = features.Features[indices[k]];
                    var colon = feature.IndexOf(':');
                    fb.Add(i, feature[..Math.Max(colon, 0)], feature[(colon + 1)..], weights[k]);
                }
            }
            itemFeatures = fb.Build(compact.Items);
        }
        UserFeatures? userFeatures = null;
        if (dataset.UserFeatures is { } demographics)
        {
            var ub = new UserFeaturesBuilder([.. demographics.Fields]);
            for (var u = 0; u < compact.UserCount; u++)
            {
                var old = demographics.Users.IndexOf(compact.Users[u]);
                foreach (var field in demographics.Fields)
                    ub.Set(u, field, demographics.LabelOf(field, old));
            }
            userFeatures = ub.Build(compact.Users);
        }
        var titles = dataset.ItemTitles is { } t
            ? Enumerable.Range(0, compact.ItemCount).Select(i => t[data.Items.IndexOf(compact.Items[i])]).ToList()
            : null;
        return new Dataset(name, compact, itemFeatures, userFeatures, titles, dataset.Report, dataset.Source);
    }

    /// <summary>
    /// SHA-256 of the prepared interactions: external ids, values and timestamps row by row in canonical order (users and
    /// items in order of first appearance, which can break ties in results, so a reordered file has another checksum).
    /// </summary>
    public static string Checksum(InteractionData data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var users = data.UserColumn();
        var items = data.ItemColumn;
        var values = data.ValueColumn;
        var line = new StringBuilder();
        for (var r = 0; r < data.Count; r++)
        {
            line.Clear().Append(data.Users[users[r]]).Append('\t').Append(data.Items[items[r]]).Append('\t')
                .Append(values[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            if (data.HasTimestamps)
                line.Append('\t').Append(data.TimestampAt(r));
            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
