using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RecLab.Notebooks.Documents;
using RecLab.Notebooks.Execution;
using RecLab.Notebooks.Tests.Support;
using RecLab.Tests.Support;

namespace RecLab.Notebooks.Tests.Notebooks;

/// <summary>
/// Every committed notebook: its shape (Polyglot metadata, ids, one parameters cell, the bootstrap, recorded results
/// last), its committed outputs (executed, deterministic, small, a static PNG beside each chart), and a run in the
/// kernel whose recorded results fall within tolerance bands of the committed ones, as Microsoft Recommenders tests
/// its notebooks with papermill and scrapbook.
/// </summary>
public sealed partial class CommittedNotebookTests
{
    /// <summary>
    /// How far each recorded result of each notebook (its default parameters) may move from the figure its committed
    /// outputs carry: the band is centred on what the code produced when the outputs were refreshed
    /// (<c>reclab notebook run notebooks --in-place</c>). Counts are exact; metrics allow for a change of sampling
    /// that keeps the protocol. A notebook or a recorded result without a tolerance fails the tests.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, double>> Tolerances = new()
    {
        ["00-quickstart.ipynb"] = new()
        {
            // Every rating as an interaction, user-holdout:0.2, seed 42; the bands allow a change of sampling or of
            // tie-breaking, not of the protocol. Personalised kNN and ALS beat popularity, which beats random by far.
            ["random ndcg@10"] = 0.005,
            ["most-popular ndcg@10"] = 0.01,
            ["item-knn-implicit ndcg@10"] = 0.015,
            ["user-knn-implicit ndcg@10"] = 0.015,
            ["implicit-als ndcg@10"] = 0.015,
            ["ndcg@10"] = 0.015,
        },
        ["01-data-exploration.ipynb"] = new()
        {
            ["users"] = 0,
            ["interactions"] = 0,
            ["density"] = 1e-9,
            ["mean rating"] = 0.0001,
            ["head share"] = 0.01,
        },
        ["02-collaborative-filtering.ipynb"] = new()
        {
            // holdout:0.2 of the ratings, seed 42: shrinkage lowers item-kNN's RMSE, and the neighbours it keeps share
            // dozens of raters with Toy Story instead of two or three. Top-N as in the quickstart.
            ["item-knn rmse, no shrinkage"] = 0.01,
            ["item-knn rmse, shrinkage 100"] = 0.01,
            ["median users in common, no shrinkage"] = 2,
            ["median users in common, shrinkage 100"] = 15,
            ["user-knn rmse, k=40"] = 0.01,
            ["most-popular ndcg@10"] = 0.01,
            ["item-knn-implicit ndcg@10"] = 0.015,
            ["user-knn-implicit ndcg@10"] = 0.015,
        },
        ["03-matrix-factorization.ipynb"] = new()
        {
            // holdout:0.2, seed 42: ALS at LensKit's defaults beats the bias baseline, which SGD at Surprise's merely
            // matches; SGD with little regularization drives its training error far below its test error.
            ["bias rmse"] = 0.005,
            ["biased-mf rmse"] = 0.01,
            ["als rmse"] = 0.01,
            ["biased-mf best grid rmse"] = 0.01,
            ["als best grid rmse"] = 0.01,
            ["biased-mf final training rmse"] = 0.03,
            ["first axis variance share"] = 0.02,
        },
        ["04-content-and-hybrids.ipynb"] = new()
        {
            // user-holdout:0.2, seed 42: content-based alone is far below popularity on MovieLens, so the fitted blend
            // gives it no weight and matches ALS; switching to content below 20 interactions costs a little.
            ["most-popular ndcg@10"] = 0.01,
            ["content-based ndcg@10"] = 0.005,
            ["implicit-als ndcg@10"] = 0.015,
            ["weighted ndcg@10"] = 0.015,
            ["switching ndcg@10"] = 0.015,
            ["never-watched items with features"] = 0,
            ["content weight"] = 0.1,
        },
        ["05-cold-start.ipynb"] = new()
        {
            // synthetic:tiny, cold-users:0.2 with 0-10 onboarding interactions, seed 42: popularity is flat, user-kNN
            // starts at zero and passes it from 3 answers; with 64 test users its lead at 5 is not significant.
            ["popular ndcg@10 onboard=0"] = 0.005,
            ["popular ndcg@10 onboard=1"] = 0.005,
            ["popular ndcg@10 onboard=3"] = 0.005,
            ["popular ndcg@10 onboard=5"] = 0.005,
            ["popular ndcg@10 onboard=10"] = 0.005,
            ["user-knn ndcg@10 onboard=0"] = 0.001,
            ["user-knn ndcg@10 onboard=1"] = 0.01,
            ["user-knn ndcg@10 onboard=3"] = 0.015,
            ["user-knn ndcg@10 onboard=5"] = 0.015,
            ["user-knn ndcg@10 onboard=10"] = 0.015,
            ["best - popular at 5"] = 0.01,
            ["best vs popular p"] = 0.2,
        },
        ["06-ab-testing.ipynb"] = new()
        {
            // synthetic:tiny, 14 days after 7, seed 42: ALS gets more clicks per user than popularity; the A/A test has no
            // significant metric, but its naive daily p-value dips below 0.05 on day 2 while the always-valid one never does.
            ["top CTR / CTR at position 10"] = 0.3,
            ["als ctr difference"] = 0.003,
            ["als conversion difference"] = 0.006,
            ["als clicks difference"] = 0.6,
            ["als revenue-per-user difference"] = 3.0,
            ["als roas difference"] = 3.0,
            ["als ctr p"] = 0.3,
            ["A/A significant metrics"] = 0,
            ["A/A naive stop day"] = 0,
            ["A/A always-valid stop day"] = 0,
            ["users per arm for 10%"] = 60,
        },
        ["07-experiments-from-yaml.ipynb"] = new()
        {
            // The notebook's suite: 4 cells, all reused by the second run; top-N as in the quickstart (user-holdout:0.2).
            ["cells"] = 0,
            ["reused on rerun"] = 0,
            ["popular ndcg@10"] = 0.01,
            ["item-knn neighbors=20 ndcg@10"] = 0.015,
            ["item-knn neighbors=200 ndcg@10"] = 0.015,
            ["user-knn ndcg@10"] = 0.015,
        },
        ["research/algorithm-comparison.ipynb"] = new()
        {
            // The quickstart's protocol; of the six pairs only user-kNN vs implicit ALS is not significant on nDCG@10.
            ["most-popular ndcg@10"] = 0.01,
            ["item-knn-implicit ndcg@10"] = 0.015,
            ["user-knn-implicit ndcg@10"] = 0.015,
            ["implicit-als ndcg@10"] = 0.015,
            ["significant ndcg@10 pairs"] = 1,
        },
        ["research/offline-online.ipynb"] = new()
        {
            // synthetic:tiny, user-temporal:0.2 offline, then a 14-day test with seven equal arms (about 70 users each);
            // bands from seeds 1, 7, 42, 99 and 2024. Offline: ALS first, random far last; online: user-kNN clicks most,
            // pure SVD and random least. The rank correlations move a lot with 7 arms of 70 users; revenue's most.
            ["spearman ndcg@10 vs ctr"] = 0.30,
            ["spearman ndcg@10 vs revenue-per-user"] = 0.60,
            ["popular ndcg@10"] = 0.002,
            ["random ndcg@10"] = 0.0025,
            ["item-knn ndcg@10"] = 0.002,
            ["user-knn ndcg@10"] = 0.003,
            ["als ndcg@10"] = 0.004,
            ["bpr ndcg@10"] = 0.006,
            ["pure-svd ndcg@10"] = 0.003,
            ["popular ctr"] = 0.004,
            ["random ctr"] = 0.003,
            ["item-knn ctr"] = 0.003,
            ["user-knn ctr"] = 0.004,
            ["als ctr"] = 0.004,
            ["bpr ctr"] = 0.004,
            ["pure-svd ctr"] = 0.003,
        },
        ["research/grid-search.ipynb"] = new()
        {
            // user-knn-implicit over 5 neighbourhood sizes x 4 weightings; cosine at 50 neighbours is best, coverage
            // falls as neighbourhoods grow.
            ["grid points"] = 0,
            ["best ndcg@10"] = 0.015,
            ["lowest coverage@10"] = 0.003,
            ["highest coverage@10"] = 0.01,
        },
    };

    /// <summary>
    /// What the committed figures of the notebooks on ml-latest-small must be, whoever refreshed them: reference
    /// values (the data's own counts; top-N and RMSE figures beside the peers in ANCHORS.md) with tolerances. The
    /// synthetic world's notebooks have none: their figures follow its calibration.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, (double Expected, double Tolerance)>> Anchors = new()
    {
        ["00-quickstart.ipynb"] = new()
        {
            // Every rating as an interaction, user-holdout:0.2, seed 42; the bands allow a change of sampling or of
            // tie-breaking, not of the protocol. Personalised kNN and ALS beat popularity, which beats random by far.
            ["random ndcg@10"] = (0.005, 0.005),
            ["most-popular ndcg@10"] = (0.185, 0.01),
            ["item-knn-implicit ndcg@10"] = (0.274, 0.015),
            ["user-knn-implicit ndcg@10"] = (0.321, 0.015),
            ["implicit-als ndcg@10"] = (0.307, 0.015),
            ["ndcg@10"] = (0.321, 0.015),
        },
        ["01-data-exploration.ipynb"] = new()
        {
            ["users"] = (610, 0),
            ["interactions"] = (100_836, 0),
            ["density"] = (100_836.0 / (610 * 9_724), 1e-9),
            ["mean rating"] = (3.5016, 0.0001),
            ["head share"] = (0.60, 0.01),
        },
        ["02-collaborative-filtering.ipynb"] = new()
        {
            // holdout:0.2 of the ratings, seed 42: shrinkage lowers item-kNN's RMSE, and the neighbours it keeps share
            // dozens of raters with Toy Story instead of two or three. Top-N as in the quickstart.
            ["item-knn rmse, no shrinkage"] = (0.909, 0.01),
            ["item-knn rmse, shrinkage 100"] = (0.891, 0.01),
            ["median users in common, no shrinkage"] = (2, 2),
            ["median users in common, shrinkage 100"] = (56, 15),
            ["user-knn rmse, k=40"] = (0.899, 0.01),
            ["most-popular ndcg@10"] = (0.185, 0.01),
            ["item-knn-implicit ndcg@10"] = (0.274, 0.015),
            ["user-knn-implicit ndcg@10"] = (0.321, 0.015),
        },
        ["03-matrix-factorization.ipynb"] = new()
        {
            // holdout:0.2, seed 42: ALS at LensKit's defaults beats the bias baseline, which SGD at Surprise's merely
            // matches; SGD with little regularization drives its training error far below its test error.
            ["bias rmse"] = (0.875, 0.005),
            ["biased-mf rmse"] = (0.876, 0.01),
            ["als rmse"] = (0.856, 0.01),
            ["biased-mf best grid rmse"] = (0.872, 0.01),
            ["als best grid rmse"] = (0.856, 0.01),
            ["biased-mf final training rmse"] = (0.414, 0.03),
            ["first axis variance share"] = (0.093, 0.02),
        },
        ["04-content-and-hybrids.ipynb"] = new()
        {
            // user-holdout:0.2, seed 42: content-based alone is far below popularity on MovieLens, so the fitted blend
            // gives it no weight and matches ALS; switching to content below 20 interactions costs a little.
            ["most-popular ndcg@10"] = (0.185, 0.01),
            ["content-based ndcg@10"] = (0.020, 0.005),
            ["implicit-als ndcg@10"] = (0.307, 0.015),
            ["weighted ndcg@10"] = (0.308, 0.015),
            ["switching ndcg@10"] = (0.297, 0.015),
            ["never-watched items with features"] = (18, 0),
            ["content weight"] = (0, 0.1),
        },
        ["07-experiments-from-yaml.ipynb"] = new()
        {
            // The notebook's suite: 4 cells, all reused by the second run; top-N as in the quickstart (user-holdout:0.2).
            ["cells"] = (4, 0),
            ["reused on rerun"] = (4, 0),
            ["popular ndcg@10"] = (0.191, 0.01),
            ["item-knn neighbors=20 ndcg@10"] = (0.275, 0.015),
            ["item-knn neighbors=200 ndcg@10"] = (0.241, 0.015),
            ["user-knn ndcg@10"] = (0.320, 0.015),
        },
        ["research/algorithm-comparison.ipynb"] = new()
        {
            // The quickstart's protocol; of the six pairs only user-kNN vs implicit ALS is not significant on nDCG@10.
            ["most-popular ndcg@10"] = (0.185, 0.01),
            ["item-knn-implicit ndcg@10"] = (0.274, 0.015),
            ["user-knn-implicit ndcg@10"] = (0.321, 0.015),
            ["implicit-als ndcg@10"] = (0.307, 0.015),
            ["significant ndcg@10 pairs"] = (5, 1),
        },
        ["research/grid-search.ipynb"] = new()
        {
            // user-knn-implicit over 5 neighbourhood sizes x 4 weightings; cosine at 50 neighbours is best, coverage
            // falls as neighbourhoods grow.
            ["grid points"] = (20, 0),
            ["best ndcg@10"] = (0.320, 0.015),
            ["lowest coverage@10"] = (0.010, 0.003),
            ["highest coverage@10"] = (0.068, 0.01),
        },
    };

    /// <summary>Recorded text results (which algorithm came first), each one of the values allowed, beside the numeric bands.</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Texts = new()
    {
        ["research/offline-online.ipynb"] = new()
        {
            ["best offline algorithm"] = ["user-knn"],
            // With about 70 users an arm, which personalised arm clicks most is noise; that one does is not.
            ["best online algorithm"] = ["user-knn", "item-knn", "als", "bpr", "pure-svd"],
        },
    };

    public static TheoryData<string> Notebooks() => [.. Repository.Notebooks()];

    private static string PathOf(string notebook) => Path.Combine(Repository.NotebooksFolder, notebook);

    private static NotebookDocument Load(string notebook) => NotebookDocument.Load(PathOf(notebook));

    private static string Key(string notebook) => notebook.Replace('\\', '/');

    [Fact]
    public void There_are_notebooks()
    {
        Assert.Contains("00-quickstart.ipynb", Repository.Notebooks());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_has_the_polyglot_metadata_ids_and_its_executed_outputs(string notebook)
    {
        var text = File.ReadAllText(PathOf(notebook));
        var json = JsonNode.Parse(text)!;

        Assert.Empty(NbformatSchema.Problems(json));
        Assert.Equal(NotebookDocument.CSharpMetadata().ToJsonString(), json["metadata"]!.ToJsonString());
        // Committed as nbformat writes it: reading and writing changes nothing.
        Assert.Equal(text, NotebookDocument.Parse(text, notebook).ToJson());
        var code = json["cells"]!.AsArray().Where(c => (string)c!["cell_type"]! == "code").ToList();
        foreach (var cell in code)
        {
            Assert.Equal("csharp", (string)cell!["metadata"]!["dotnet_interactive"]!["language"]!);
            Assert.Equal("csharp", (string)cell["metadata"]!["polyglot_notebook"]!["kernelName"]!);
            Assert.DoesNotContain(cell["outputs"]!.AsArray(), o => (string)o!["output_type"]! == "error");
        }

        // Executed top to bottom by the refresh command: counts 1, 2, 3...
        Assert.Equal(Enumerable.Range(1, code.Count).Select(i => (int?)i), code.Select(c => (int?)c!["execution_count"]));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_stays_inside_the_repository_and_its_outputs_are_small_and_the_same_on_every_machine(string notebook)
    {
        var text = File.ReadAllText(PathOf(notebook));

        Assert.DoesNotContain("shared/data", text, StringComparison.Ordinal);
        foreach (var machineSpecific in new[] { "/work/", "/tmp/", "/home/", "/root/", "C:\\\\" })
            Assert.DoesNotContain(machineSpecific, text, StringComparison.Ordinal);
        // Outside the images' base64, where any short name turns up by chance.
        Assert.DoesNotMatch($@"\b{Regex.Escape(Environment.MachineName)}\b", Regex.Replace(text, "base64,[A-Za-z0-9+/=]+", ""));
        Assert.True(text.Length < 2 * 1024 * 1024 * 3 / 4, $"{notebook} is {text.Length / 1024} KiB; a notebook stays well under 2 MiB.");
        // plotly.js by reference: its bundle starts with this banner.
        Assert.DoesNotContain("plotly.js v", text, StringComparison.Ordinal);
        // Wall-clock times appear only when asked for (--timings).
        Assert.DoesNotContain("fit (s)", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_chart_in_the_committed_outputs_has_a_compressed_static_png_beside_it(string notebook)
    {
        var charts = 0;
        foreach (var output in Load(notebook).Cells.SelectMany(c => c.Outputs).OfType<DisplayOutput>())
        {
            if (!output.Data.TryGetValue("text/html", out var html) || !html.Contains("class=\"reclab-figure\"", StringComparison.Ordinal))
                continue;
            charts++;
            var image = PngOf().Match(html);
            Assert.True(image.Success, $"{notebook}: a chart without its static image");
            var png = Convert.FromBase64String(image.Groups["base64"].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            // A palette PNG (IHDR colour type 3) of a few to a few tens of KB, as DESIGN asks.
            Assert.Equal(3, png[25]);
            Assert.InRange(png.Length, 2_000, 40_000);
        }

        // Every notebook draws at least one chart; none in its outputs means they were never refreshed.
        Assert.True(charts > 0, $"{notebook}: no chart in the committed outputs; refresh them (reclab notebook run notebooks --in-place).");
    }

    [GeneratedRegex("<img alt=\"[^\"]*\" src=\"data:image/png;base64,(?<base64>[A-Za-z0-9+/=]+)\">")]
    private static partial Regex PngOf();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_starts_from_the_bootstrap_has_one_parameters_cell_and_records_results_last(string notebook)
    {
        var code = Load(notebook).Cells.Where(c => c.Kind == CellKind.Code).ToList();

        Assert.Matches("""^#load "(\.\./)*reclab\.csx"$""", code[0].Source);
        Assert.Single(code, c => c.HasTag(NotebookCell.ParametersTag));
        Assert.Contains("Notebook.Record(", code[^1].Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_readme_table_lists_each_notebook(string notebook)
    {
        var readme = File.ReadAllText(Path.Combine(Repository.NotebooksFolder, "README.md"));

        Assert.Contains($"[{Path.GetFileNameWithoutExtension(notebook)}]({Key(notebook)})", readme, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_committed_figures_have_tolerances_and_those_on_MovieLens_match_their_reference_values(string notebook)
    {
        var committed = CommittedFigures.Of(PathOf(notebook));
        Assert.True(Tolerances.TryGetValue(Key(notebook), out var tolerances), $"{notebook} has no tolerances: add its recorded results to {nameof(Tolerances)}.");
        var texts = Texts.GetValueOrDefault(Key(notebook), []);

        Assert.Equal(tolerances.Keys.Concat(texts.Keys).Order(), committed.Keys.Order());
        foreach (var (name, (expected, tolerance)) in Anchors.GetValueOrDefault(Key(notebook), []))
        {
            var value = Assert.IsType<double>(committed[name]);
            Assert.True(Math.Abs(value - expected) <= tolerance, $"{notebook}: committed {name} = {value}, expected {expected} ± {tolerance}");
        }

        foreach (var (name, allowed) in texts)
            Assert.Contains(Assert.IsType<string>(committed[name]), allowed);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_notebook_runs_in_the_kernel_and_its_figures_hold_within_the_bands_of_the_committed_ones(string notebook)
    {
        var committed = CommittedFigures.Of(PathOf(notebook));
        var tolerances = Tolerances[Key(notebook)];
        // Data by name through a cache seeded from the shared sample, as a user who ran `reclab data fetch` has it.
        var parameters = new Dictionary<string, string> { ["data"] = Path.Combine(SharedData.CacheRoot(), "ml-latest-small") };

        var run = await new NotebookRunner().RunAsync(PathOf(notebook), new NotebookRunOptions { Parameters = parameters }, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.DoesNotContain(run.Warnings, w => !w.Contains("--param data skipped", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"{notebook}: {run.Elapsed.TotalSeconds:0.0} s (kernel start-up {run.StartUp.TotalSeconds:0.0} s); " +
                                                        string.Join(", ", run.Recorded.Select(r => $"{r.Key} = {r.Value}")));
        Assert.Equal(committed.Keys.Order(), run.Recorded.Select(r => r.Key).Order());
        foreach (var (name, value) in run.Recorded)
        {
            if (value is double number)
                Assert.True(Math.Abs(number - (double)committed[name]) <= tolerances[name],
                    $"{notebook}: {name} = {number}, committed {committed[name]} ± {tolerances[name]}: refresh the outputs if the change is meant (reclab notebook run notebooks --in-place)");
            else
                Assert.Contains(Assert.IsType<string>(value), Texts[Key(notebook)][name]);
        }
    }
}
