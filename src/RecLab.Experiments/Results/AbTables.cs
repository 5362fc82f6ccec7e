using System.Globalization;
using Microsoft.Data.Analysis;

namespace RecLab.Experiments.Results;

/// <summary>
/// A simulated A/B test's outputs as DataFrames, read from its CSV files with their columns typed (ids and names as
/// text, counts as integers, the rest as doubles; an empty field, such as control's uplift, is null).
/// </summary>
/// <param name="Daily">daily.csv: each metric so far per arm and day, with the uplift and both p-values.</param>
/// <param name="Summary">summary.csv: the final comparison per metric and arm.</param>
/// <param name="Users">users.csv: every member's counters per day (<c>day</c> is text: the pre-period is <c>pre</c>).</param>
/// <param name="Creators">creators.csv: exposure concentration per arm.</param>
public sealed record AbTables(DataFrame Daily, DataFrame Summary, DataFrame Users, DataFrame Creators)
{
    private static readonly HashSet<string> TextColumns = new(["arm", "metric", "user"], StringComparer.Ordinal);

    private static readonly HashSet<string> CountColumns = new(["day", "users", "creators", "creators_reached"], StringComparer.Ordinal);

    /// <summary>Reads the tables of the test whose outputs are in <paramref name="folder"/> (<c>ab/TEST/</c>).</summary>
    /// <exception cref="FileNotFoundException">A table is missing: the test has not run (or failed).</exception>
    public static AbTables Load(string folder) => new(
        Read(folder, AbResultFiles.Daily),
        Read(folder, AbResultFiles.Summary),
        // Days are text in users.csv: the summed pre-period is day "pre".
        Read(folder, AbResultFiles.Users, alsoText: "day"),
        Read(folder, AbResultFiles.Creators));

    /// <summary>A table typed by its header's column names, so columns a newer writer adds are read too.</summary>
    private static DataFrame Read(string folder, string file, string? alsoText = null)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist: the A/B test has not run yet (or failed); run the experiment again.", path);
        var columns = File.ReadLines(path).First().Split(',');
        var types = columns.Select(c => TextColumns.Contains(c) || c == alsoText ? typeof(string) : CountColumns.Contains(c) ? typeof(int) : typeof(double)).ToArray();
        return DataFrame.LoadCsv(path, columnNames: [.. columns], dataTypes: types, header: true, cultureInfo: CultureInfo.InvariantCulture);
    }
}
