using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RecLab.Randomness;
using RecLab.Tests.Support;

namespace RecLab.Cli.Tests.Fuzz;

/// <summary>
/// Mutated experiment files (every committed one and the invalid fixtures) through <c>reclab run --dry-run</c>, with
/// hostile <c>--set</c> overrides, and a mutated ratings sample through <c>reclab data info</c> and <c>reclab eval</c>,
/// all in process. A case fails when an exception escapes the command or is reported as a bug (exit 70), the exit code
/// is not one of 0, 1, 2, an error does not say where (file:line for files, the argument for arguments), or it takes over 10 s.
/// </summary>
public sealed class CliFuzzTests : IDisposable
{
    // Issue 23's limit. The slowest of the 2,573 slow cases takes 1.3-1.5 s in Release (kfold:1000 over the ~400-rating
    // sample is refused when the data is read, before any cell runs); a case that does not end is cancelled at 60 s.
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_few_hundred_mutated_inputs_end_in_a_documented_exit_code_and_a_located_error() =>
        await Fuzz(cases: 300, seed: 23, emptyValueShare: 10);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Thousands_of_mutated_inputs_end_in_a_documented_exit_code_and_a_located_error() =>
        await Fuzz(cases: 2_000, seed: 2023, emptyValueShare: 1);

    private static readonly string[] Overrides =
    [
        "seed=-1", "seed=18446744073709551616", "repeats=0", "repeats=1000000000", "repeats=1001", "name=", "name=../x", "output=",
        "datasets[0].source=synthetic:tiny", "datasets[0].source=", "datasets[0].name=", "splits[0].spec=kfold:1000000000", "splits[0].spec=",
        "algorithms[0].kind=nope", "algorithms[0].options.damping=Infinity", "algorithms[0].options.factors=2147483648",
        "evaluation.alpha=1e39", "evaluation.bootstrap_resamples=1000000000", "ab_tests[0].campaign.topic=", "ab_tests[0].days=1000000000",
        "ab_tests[0].arms[0].traffic=NaN", "metrics[0]=ndcg@1000000000", "report.charts[0]=", "a.b.c.d.e.f=1", "[0]=1", "=1", "seed",
    ];

    private static readonly string[] Algorithms =
    [
        "most-popular", "bias", "bias:user_regularization=0,item_regularization=0", "item-knn:neighbors=5", "biased-mf:epochs=2,factors=4",
        "biased-mf:learning_rate=50", "als:regularization=0,factors=4", "implicit-als:alpha=1e30,factors=4,iterations=2",
        "ease:regularization=1e-30", "pure-svd:factors=3", "slope-one", "random",
    ];

    private static readonly string[] Splits = ["user-holdout:0.2", "kfold:3", "kfold:1000", "holdout:0.5", "user-temporal:0.2", "leave-last-out"];

    /// <summary>
    /// <paramref name="cases"/> random cases, then every <paramref name="emptyValueShare"/>-th of the empty-value variants:
    /// each committed file with one of its keys set to nothing by <c>--set key=</c>, as the fault campaign did.
    /// </summary>
    private async Task Fuzz(int cases, ulong seed, int emptyValueShare)
    {
        var corpus = Corpus();
        var ratings = RatingsSample(seed);
        var emptyValues = corpus.Where(c => !c.Name.StartsWith("synthetic-", StringComparison.Ordinal))
            .SelectMany(c => c.Paths.Select(p => (c.Name, c.Text, Override: p + "="))).Where((_, k) => k % emptyValueShare == 0).ToList();
        var failures = new List<string>();
        int crashes = 0, hangs = 0, unlocated = 0, badCodes = 0;
        var slowest = TimeSpan.Zero;
        var codes = new SortedDictionary<int, int>();
        var total = cases + emptyValues.Count;
        for (var n = 0; n < total; n++)
        {
            var mutator = new InputMutator(Seeds.Derive(seed, (ulong)n));
            var (args, file, names) = n < cases ? Case(n, mutator, corpus, ratings) : EmptyValue(n, emptyValues[n - cases]);
            var clock = Stopwatch.StartNew();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            cts.CancelAfter(TimeSpan.FromSeconds(60));
            int code;
            string err;
            try
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                code = await ReclabApp.Create(output, error, plain: true).RunAsync(args, cts.Token);
                err = error.ToString();
            }
            catch (Exception e)
            {
                crashes++;
                failures.Add($"case {n} ({string.Join(' ', args.Select(Short))}): {e.GetType().Name}: {e.Message}");
                continue;
            }
            clock.Stop();
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            codes[code] = codes.GetValueOrDefault(code) + 1;
            if (code == ExitCodes.InternalError || err.Contains("Unhandled exception", StringComparison.Ordinal))
            {
                crashes++;
                failures.Add($"case {n} ({string.Join(" ", args.Select(Short))}): {err.Split("\n")[0]} {err.Split("\n").Skip(1).FirstOrDefault(l => l.Contains(" at ", StringComparison.Ordinal))}");
            }
            else if (clock.Elapsed > CaseLimit || code == ExitCodes.Cancelled)
            {
                hangs++;
                failures.Add($"case {n} ({string.Join(' ', args.Select(Short))}): took {clock.Elapsed.TotalSeconds:0.0} s");
            }
            else if (code is not (ExitCodes.Success or ExitCodes.PartialFailure or ExitCodes.InvalidInput))
            {
                badCodes++;
                failures.Add($"case {n} ({string.Join(' ', args.Select(Short))}): exit code {code}");
            }
            else if (code != ExitCodes.Success && Unlocated(err, file, names) is { } line)
            {
                unlocated++;
                failures.Add($"case {n} ({string.Join(' ', args.Select(Short))}): exit {code}, no location in: {Short(line)}");
            }
        }
        var summary = $"{total} cases, {crashes} crashes, {hangs} hangs, {unlocated} errors without a location" +
            (badCodes > 0 ? $", {badCodes} undocumented exit codes" : "");
        var output2 = TestContext.Current.TestOutputHelper;
        output2?.WriteLine(summary);
        // In CI's log too (diagnostic messages pass at dotnet test's default verbosity): the count is the issue's bar.
        TestContext.Current.SendDiagnosticMessage("fuzz: " + summary);
        output2?.WriteLine($"exit codes: {string.Join(", ", codes.Select(c => $"{c.Key}: {c.Value}"))}; slowest case {slowest.TotalSeconds:0.00} s");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Take(15)));
    }

    private (string[] Args, string File, string[] Names) EmptyValue(int n, (string Name, string Text, string Override) variant)
    {
        var path = _temp.Write($"case-{n}-{variant.Name}", variant.Text);
        return (["run", path, "--dry-run", "--output", _temp["out"], "--set", variant.Override], path, []);
    }

    /// <summary>The arguments of case <paramref name="n"/>, the input file, and the argument values an error may name instead of a file line.</summary>
    private (string[] Args, string File, string[] Names) Case(int n, InputMutator mutator, IReadOnlyList<(string Name, string Text, IReadOnlyList<string> Paths)> corpus,
        string ratings)
    {
        var kind = mutator.Next(10);
        if (kind < 6)
        {
            var (name, text, paths) = mutator.Pick(corpus);
            var path = _temp.Write($"case-{n}-{name}", mutator.MutateYaml(text));
            var args = new List<string> { "run", path, "--dry-run", "--output", _temp["out"] };
            var overrides = new List<string>();
            if (mutator.Next(3) == 0)
                for (var k = 1 + mutator.Next(2); k > 0; k--)
                    // Half of them set a key the file has (the campaign's empty-value variants), half come from a fixed list.
                    overrides.Add(mutator.Next(2) == 0 && paths.Count > 0 ? $"{mutator.Pick(paths)}={mutator.Pick(InputMutator.HostileValues)}" : mutator.Pick(Overrides));
            foreach (var o in overrides)
                args.AddRange(["--set", o]);
            return ([.. args], path, []);
        }
        var data = _temp["case-" + n.ToString(CultureInfo.InvariantCulture) + "-ratings.csv"];
        File.WriteAllBytes(data, mutator.MutateRatings(ratings));
        if (kind < 8)
            return (["data", "info", data], data, []);
        var algorithms = Enumerable.Range(0, 1 + mutator.Next(2)).Select(_ => mutator.Pick(Algorithms)).Distinct().ToList();
        var split = mutator.Pick(Splits);
        var evalArgs = new List<string> { "eval", "--data", data, "--split", split, "--metrics", "ndcg@10,rmse", "--threads", "1", "--format", "csv" };
        foreach (var a in algorithms)
            evalArgs.AddRange(["--algo", a]);
        // An error may name the split as given or in its canonical form (user-temporal:0.2 is user-holdout:0.2:order=time).
        return ([.. evalArgs], data, [split, Splitting.SplitSpec.Parse(split).Spec, .. algorithms.Select(a => a.Split(':')[0])]);
    }

    /// <summary>
    /// The first error line that does not say where, or null. A file's problems name <c>file:line</c> (YAML adds the
    /// column); an override names its <c>--set</c>; a problem of an argument (a split, an algorithm) names that argument.
    /// </summary>
    private static string? Unlocated(string err, string file, string[] names)
    {
        var located = new Regex($"^(error: )?({Regex.Escape(file)}:\\d+(:\\d+)?: |--set .*?: )");
        var configLine = new Regex($"^({Regex.Escape(file)}:|--set )");
        foreach (var line in err.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // Errors are 'error: ...' lines and an invalid file's listed problems; the rest is progress and warnings.
            if (!line.StartsWith("error: ", StringComparison.Ordinal) && !configLine.IsMatch(line))
                continue;
            // The closing line of an invalid file counts the problems listed above it.
            if (Regex.IsMatch(line, $"^error: \\d+ problems? in {Regex.Escape(file)}; nothing was run"))
                continue;
            if (located.IsMatch(line) || line.Contains(file + ":", StringComparison.Ordinal) && Regex.IsMatch(line, $"{Regex.Escape(file)}:\\d+"))
                continue;
            if (line.StartsWith("error: ", StringComparison.Ordinal) && names.Any(name => line.Contains(name, StringComparison.Ordinal)))
                continue;
            return line;
        }
        return null;
    }

    private static string Short(string text) => text.Length <= 120 ? text.ReplaceLineEndings("⏎") : text[..120].ReplaceLineEndings("⏎") + "…";

    /// <summary>Every committed experiment file and the invalid fixtures, by file name, with the key paths of their scalars.</summary>
    private static IReadOnlyList<(string Name, string Text, IReadOnlyList<string> Paths)> Corpus()
    {
        var root = SharedData.RepoRoot;
        var files = new[] { Path.Combine(root, "experiments.yaml") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "experiments"), "*.yaml", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "RecLab.Experiments.Tests", "Configuration", "Invalid"), "*.yaml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 10, $"expected the committed experiment files under {root}");
        // Each file also with its data sources made synthetic, so that mutations get past the check that the data
        // exists (ml-latest-small is not in a test machine's cache) into binding, planning and the dry run.
        var sources = new Regex(@"(?m)^(\s*-?\s*source:\s*)(?!synthetic:)\S+");
        return files.SelectMany(f =>
        {
            var text = File.ReadAllText(f);
            var paths = ScalarPaths(text);
            return new[] { (Path.GetFileName(f), text, paths), ("synthetic-" + Path.GetFileName(f), sources.Replace(text, "${1}synthetic:tiny"), paths) };
        }).DistinctBy(c => c.Item2).ToList();
    }

    /// <summary>Every scalar's key path in <c>--set</c> syntax (<c>ab_tests[0].campaign.topic</c>); none for a file YamlDotNet cannot read.</summary>
    private static IReadOnlyList<string> ScalarPaths(string text)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return [];
        }
        var paths = new List<string>();
        void Walk(YamlDotNet.RepresentationModel.YamlNode node, string path)
        {
            switch (node)
            {
                case YamlDotNet.RepresentationModel.YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                        Walk(value, path.Length == 0 ? key.ToString() : $"{path}.{key}");
                    break;
                case YamlDotNet.RepresentationModel.YamlSequenceNode sequence:
                    for (var k = 0; k < sequence.Children.Count; k++)
                        Walk(sequence.Children[k], $"{path}[{k}]");
                    break;
                default:
                    if (path.Length > 0)
                        paths.Add(path);
                    break;
            }
        }
        if (stream.Documents.Count > 0)
            Walk(stream.Documents[0].RootNode, "");
        return paths;
    }

    /// <summary>A ratings file in MovieLens' CSV shape: 40 users, 60 items, about 400 ratings with timestamps.</summary>
    private static string RatingsSample(ulong seed)
    {
        var rng = new Rng(Seeds.Derive(seed, "ratings"));
        var csv = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (var u = 1; u <= 40; u++)
            for (var i = 1; i <= 60; i++)
                if (rng.NextBool(0.17))
                    csv.Append(CultureInfo.InvariantCulture, $"{u},{i},{(1 + rng.NextInt(10)) * 0.5:0.0},{964_982_703 + rng.NextInt(100_000_000)}\n");
        return csv.ToString();
    }
}
