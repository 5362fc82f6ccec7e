using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecLab.Data;
using Spectre.Console;

namespace RecLab.Cli.Commands;

/// <summary>Formats a <see cref="DatasetSummary"/> as a table or as JSON.</summary>
internal static class DatasetSummaryView
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(DatasetSummary s, double loadSeconds)
    {
        var json = new JsonObject
        {
            ["name"] = s.Name,
            ["users"] = s.Users,
            ["items"] = s.Items,
            ["rated_items"] = s.RatedItems,
            ["interactions"] = s.Interactions,
            ["density"] = Math.Round(s.Density, 6),
            ["feedback"] = s.Feedback,
            ["rating_scale"] = s.Scale is { } scale ? new JsonObject { ["min"] = scale.Min, ["max"] = scale.Max, ["step"] = scale.Step } : null,
            ["mean_value"] = Math.Round(s.MeanValue, 4),
            ["value_distribution"] = s.ValueDistribution is null ? null
                : new JsonObject(s.ValueDistribution.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key.ToString(CultureInfo.InvariantCulture), kv.Value))),
            ["per_user"] = Spread(s.PerUser),
            ["per_item"] = Spread(s.PerItem),
            ["time_span"] = s.TimeSpan is { } t ? new JsonObject { ["first"] = t.First.ToString("O"), ["last"] = t.Last.ToString("O") } : null,
            ["item_features"] = s.ItemFeatureFields is null ? null
                : new JsonObject(s.ItemFeatureFields.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value))),
            ["items_with_features"] = s.ItemsWithFeatures,
            ["user_features"] = s.UserFeatureFields is null ? null
                : new JsonObject(s.UserFeatureFields.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, kv.Value))),
            ["skipped_lines"] = s.SkippedLines,
            ["duplicates"] = s.Duplicates,
            ["load_seconds"] = Math.Round(loadSeconds, 3),
        };
        return json.ToJsonString(Indented);
    }

    private static JsonObject Spread((int Min, double Median, int Max) s) =>
        new() { ["min"] = s.Min, ["median"] = s.Median, ["max"] = s.Max };

    public static void Render(IAnsiConsole console, DatasetSummary s, double loadSeconds)
    {
        var table = new Table().Title(Markup.Escape(s.Name)).AddColumns("", "");
        table.HideHeaders();
        void Row(string key, string value) => table.AddRow(Markup.Escape(key), Markup.Escape(value));
        var inv = CultureInfo.InvariantCulture;
        Row("users", s.Users.ToString("N0", inv));
        Row("items", $"{s.Items.ToString("N0", inv)} in the catalogue, {s.RatedItems.ToString("N0", inv)} with interactions");
        Row("interactions", s.Interactions.ToString("N0", inv));
        Row("density", s.Density.ToString("P3", inv) + " (interactions / (users x rated items))");
        Row("feedback", s.Feedback + (s.Scale is { } scale ? $", scale {scale}" : ""));
        Row("mean value", s.MeanValue.ToString("0.000", inv));
        if (s.ValueDistribution is { } dist)
        {
            var total = Math.Max(1, dist.Sum(kv => kv.Value));
            Row("distribution", string.Join("  ", dist.Select(kv =>
                $"{kv.Key.ToString("0.#", inv)}: {((double)kv.Value / total).ToString("P1", inv)}")));
        }
        Row("per user", $"min {s.PerUser.Min}, median {s.PerUser.Median.ToString(inv)}, max {s.PerUser.Max}");
        Row("per item", $"min {s.PerItem.Min}, median {s.PerItem.Median.ToString(inv)}, max {s.PerItem.Max}");
        if (s.TimeSpan is { } t)
            Row("time span", $"{t.First:yyyy-MM-dd} to {t.Last:yyyy-MM-dd}");
        if (s.ItemFeatureFields is { } fields)
            Row("item features", string.Join(", ", fields.Select(kv => $"{kv.Key} {kv.Value}")) + $" ({s.ItemsWithFeatures} items have some)");
        if (s.UserFeatureFields is { } ufields)
            Row("user features", string.Join(", ", ufields.Select(kv => $"{kv.Key} ({kv.Value} categories)")));
        if (s.SkippedLines > 0)
            Row("skipped lines", s.SkippedLines.ToString(inv));
        Row("duplicates merged", s.Duplicates.ToString(inv));
        Row("load time", loadSeconds.ToString("0.000 s", inv));
        console.Write(table);
    }
}
