using System.Globalization;
using System.Text;
using RecLab.Experiments.Cells;
using RecLab.Experiments.Configuration;
using RecLab.Tests.Support;

namespace RecLab.Experiments.Tests.Cells;

/// <summary>
/// Cell ids and seeds of every committed experiment file, pinned: a cell's id names its stored result and its seeds
/// decide its numbers, so a change of how cells are defined that moves either would silently orphan every results
/// folder and change every figure. A deliberate change of meaning raises <see cref="CellDefinition.Format"/>
/// and updates these checksums in the same commit.
/// </summary>
public sealed class CellIdentityTests
{
    [Theory]
    [InlineData("experiments.yaml", 16, "c5a50316486d411c")]
    [InlineData("experiments/cold-start.yaml", 133, "d1fe987fe373bdd0")] // 126 + the oracle's 7 on the synthetic world
    [InlineData("experiments/movielens-latest-small.yaml", 14, "b7b3805b832dba38")]
    [InlineData("experiments/ltr.yaml", 10, "85d06157a4bbf5ec")]
    [InlineData("experiments/exploration.yaml", 5, "32c7f998ef4793a2")]
    [InlineData("experiments/scaling.yaml", 8, "0878eee9a926e94f")] // datasets named by their size (300k to 10M ratings)
    [InlineData("experiments/reproduce/surprise-benchmark.yaml", 45, "000fb6bd9dafd2f3")]
    [InlineData("experiments/reproduce/implicit-ranking.yaml", 12, "57b8f90e1a9336e5")]
    [InlineData("experiments/reproduce/lenskit-getting-started.yaml", 15, "add0a69a51c983be")]
    [InlineData("experiments/reproduce/ms-recommenders-ml100k.yaml", 4, "5fa641fc7e226000")]
    public void Ids_seeds_and_definitions_of_the_committed_files_stay_as_they_were(string file, int cells, string checksum)
    {
        var path = Path.Combine(SharedData.RepoRoot, file);
        var plan = ExperimentPlan.Create(ExperimentFile.Parse(File.ReadAllText(path), path, null, null, checkSources: false));
        var text = new StringBuilder();
        foreach (var cell in plan.Cells)
            text.Append(CultureInfo.InvariantCulture, $"{cell.Id} {cell.SplitSeed} {cell.FitSeed} {cell.Configuration} {cell.Split} {cell.Definition}\n");

        Assert.Equal((cells, checksum), (plan.Cells.Count, CanonicalJson.Sha256(text.ToString())[..16]));
    }
}
