using System.Text.Json;
using System.Text.Json.Nodes;
using RecLab.Experiments.Cells;

namespace RecLab.Experiments.Results;

/// <summary>
/// The outputs of one A/B test in a results folder (<c>ab/TEST/</c>) and whether they belong to the current
/// configuration: <c>test.json</c> is written last and holds the id of the definition the files came from.
/// </summary>
internal static class AbTestOutputs
{
    /// <summary>Name of the marker written last; a test is finished when it exists with the current id.</summary>
    public const string MarkerFileName = "test.json";

    /// <summary>
    /// Empties a test's folder, the marker first: from then on it holds no finished test, and no file of an earlier
    /// configuration (a regret.csv the new run would not write) can be read as the new run's.
    /// </summary>
    public static void Clear(string testFolder)
    {
        if (!Directory.Exists(testFolder))
            return;
        File.Delete(Path.Combine(testFolder, MarkerFileName));
        foreach (var file in Directory.EnumerateFiles(testFolder))
            File.Delete(file);
    }

    /// <summary>Copies a finished test's files into an empty <paramref name="to"/>, the marker last, so the copy counts only once complete.</summary>
    public static void Copy(string from, string to, Action<string, string> copy)
    {
        Clear(to);
        foreach (var file in Directory.EnumerateFiles(from).Where(f => Path.GetFileName(f) != MarkerFileName && !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            copy(file, Path.Combine(to, Path.GetFileName(file)));
        copy(Path.Combine(from, MarkerFileName), Path.Combine(to, MarkerFileName));
    }

    /// <summary>The folder of a test's outputs under a results folder.</summary>
    public static string FolderOf(string resultsFolder, string test) => Path.Combine(resultsFolder, "ab", test);

    /// <summary>The id in the test's marker, or null when there is no readable marker.</summary>
    public static string? StoredId(string resultsFolder, string test) =>
        Marker(resultsFolder, test)?["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    /// <summary>True when the folder holds the finished outputs of exactly <paramref name="unit"/>.</summary>
    public static bool IsFinished(string resultsFolder, AbTestUnit unit) => StoredId(resultsFolder, unit.Name) == unit.Id;

    /// <summary>Seconds the stored run of the test took in all, when its marker says.</summary>
    public static double? Seconds(string resultsFolder, string test) =>
        Marker(resultsFolder, test)?["seconds"]?["total"] is JsonValue v && v.TryGetValue<double>(out var s) ? s : null;

    /// <summary>The stored definition's world and days (test days plus pre-period), when its marker says.</summary>
    public static (string World, int Days)? StoredShape(string resultsFolder, string test)
    {
        var node = Marker(resultsFolder, test)?["definition"]?["test"];
        try
        {
            return node?["world"]?.GetValue<string>() is { } world
                ? (world, (node["days"]?.GetValue<int>() ?? 0) + (node["pre_days"]?.GetValue<int>() ?? 0))
                : null;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A visible note for summary.md and report.html: outputs of another configuration are never shown as this one's.</summary>
    public static string StaleNote(AbTestUnit unit, string storedId) =>
        $"Stale: ab/{unit.Name}/ holds the results of another configuration of this test (id {storedId}; this configuration: {unit.Id}), " +
        "so they are not shown. Run the experiment again to simulate this one.";

    private static JsonNode? Marker(string resultsFolder, string test)
    {
        var path = Path.Combine(FolderOf(resultsFolder, test), MarkerFileName);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
