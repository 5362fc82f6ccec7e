using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace RecLab.Experiments.Results;

/// <summary>
/// An experiment's results folder: <c>cells/ID.json</c> per finished cell and <c>per_user/ID.csv</c> (long format:
/// <c>user,metric,value</c>) when per-user output is on. Every file is written atomically, so a crash or Ctrl-C never
/// leaves a half-written cell, and a rerun can trust every file it finds.
/// </summary>
public sealed class CellStore : ICellStore
{
    /// <summary>JSON settings of cell files: snake_case, indented, NaN written as a string.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Opens (without creating) the store in <paramref name="folder"/>.</summary>
    public CellStore(string folder) => Folder = Path.GetFullPath(folder);

    /// <summary>The experiment's results folder.</summary>
    public string Folder { get; }

    string? ICellStore.Folder => Folder;

    /// <summary>Where cell files go.</summary>
    public string CellsFolder => Path.Combine(Folder, "cells");

    /// <summary>Where per-user files go.</summary>
    public string PerUserFolder => Path.Combine(Folder, "per_user");

    /// <summary>The path of a cell's file.</summary>
    public string CellPath(string id) => Path.Combine(CellsFolder, id + ".json");

    /// <summary>The stored record of a cell, or null when there is none (or it cannot be read, so the cell reruns).</summary>
    public CellRecord? TryLoad(string id)
    {
        var path = CellPath(id);
        if (!File.Exists(path))
            return null;
        try
        {
            var record = JsonSerializer.Deserialize<CellRecord>(File.ReadAllText(path), Json);
            return record?.Id == id ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every readable cell record, by id.</summary>
    public IReadOnlyDictionary<string, CellRecord> LoadAll()
    {
        var records = new Dictionary<string, CellRecord>(StringComparer.Ordinal);
        if (!Directory.Exists(CellsFolder))
            return records;
        foreach (var path in Directory.EnumerateFiles(CellsFolder, "*.json"))
            if (TryLoad(Path.GetFileNameWithoutExtension(path)) is { } record)
                records[record.Id] = record;
        return records;
    }

    /// <summary>Writes the per-user values (first) and the cell record (last: its presence means the cell is done).</summary>
    public void Save(CellRecord record, IReadOnlyList<PerUserValues>? perUser)
    {
        if (perUser is not null)
        {
            AtomicFile.Write(Path.Combine(Folder, PerUserPath(record.Id)), stream => WritePerUser(stream, perUser));
            record = record with { PerUser = PerUserPath(record.Id) };
        }
        AtomicFile.WriteAllText(CellPath(record.Id), JsonSerializer.Serialize(record, Json) + "\n");
    }

    /// <summary>The relative path of a cell's per-user file.</summary>
    public static string PerUserPath(string id) => $"per_user/{id}.csv";

    /// <summary>A cell's per-user values, by metric; empty when it has none.</summary>
    public IReadOnlyList<PerUserValues> LoadPerUser(CellRecord record)
    {
        if (record.PerUser is null)
            return [];
        var columns = new Dictionary<string, (List<string> Users, List<double> Values)>(StringComparer.Ordinal);
        var order = new List<string>();
        using var csv = CsvReader.FromFile(Path.Combine(Folder, record.PerUser), CsvOptions.Reader);
        while (csv.Read())
        {
            var metric = csv.GetString("metric");
            if (!columns.TryGetValue(metric, out var column))
            {
                columns[metric] = column = ([], []);
                order.Add(metric);
            }
            column.Users.Add(csv.GetString("user"));
            column.Values.Add(double.Parse(csv.GetString("value"), NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return order.Select(m => new PerUserValues(m, columns[m].Users, columns[m].Values)).ToList();
    }

    private static void WritePerUser(Stream stream, IReadOnlyList<PerUserValues> perUser)
    {
        using var csv = CsvWriter.Create(stream, CsvOptions.Writer, leaveOpen: true);
        csv.WriteHeader(["user", "metric", "value"]);
        foreach (var metric in perUser)
            for (var k = 0; k < metric.Users.Count; k++)
                csv.WriteRecord([metric.Users[k], metric.Metric, metric.Values[k].ToString("R", CultureInfo.InvariantCulture)]);
    }
}
