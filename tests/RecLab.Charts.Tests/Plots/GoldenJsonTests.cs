using System.Text.Json.Nodes;
using Plotly.NET;
using RecLab.Charts.Tests.Support;

namespace RecLab.Charts.Tests.Plots;

/// <summary>
/// Each standard plot's whole Plotly.NET JSON against a reviewed copy in <c>Golden/</c>, compared as parsed JSON: a
/// change of data, layout or Plotly.NET version shows up as a diff to read. After a deliberate change, rewrite the
/// copies with <c>RECLAB_UPDATE_GOLDEN=1 dotnet test tests/RecLab.Charts.Tests --filter GoldenJsonTests</c> and
/// review the diff.
/// </summary>
public sealed class GoldenJsonTests
{
    private static readonly string Folder = Path.Combine(RepoRoot.Path, "tests", "RecLab.Charts.Tests", "Plots", "Golden");

    public static TheoryData<string> Names() => [.. SampleResults.StandardCharts().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Standard_plot_json_matches_its_golden_copy(string name)
    {
        var chart = SampleResults.StandardCharts().Single(c => c.Name == name).Chart;
        var actual = JsonNode.Parse(GenericChart.toFigureJson(chart))!;
        var path = Path.Combine(Folder, name + ".json");
        if (Environment.GetEnvironmentVariable("RECLAB_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, JsonAssert.Indent(actual) + "\n");

        Assert.True(File.Exists(path), $"{path} is missing: run with RECLAB_UPDATE_GOLDEN=1 to write it, then review it.");
        JsonAssert.Equal(File.ReadAllText(path), actual.ToJsonString());
    }

    [Fact]
    public void Every_golden_copy_belongs_to_a_standard_plot()
    {
        var names = SampleResults.StandardCharts().Select(c => c.Name + ".json").Order(StringComparer.Ordinal);

        Assert.Equal(names, Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
