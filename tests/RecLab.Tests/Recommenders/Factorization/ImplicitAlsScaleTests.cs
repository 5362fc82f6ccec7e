using System.Diagnostics;
using RecLab.Data.Synthetic;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

/// <summary>
/// The implicit-als scale target: 64 factors, 10 iterations on about 10M power-law interactions (94,300 users x 168,200
/// items, the size implicit was measured at) in under 60 s of CPU
/// and at most 0.7 GB of peak working set for building the data and fitting (implicit's process peaks at 0.70 GB for
/// the same fit, ANCHORS.md). Needs optimized code (dotnet test -c Release --settings tests/slow.runsettings).
/// </summary>
[Trait("Category", "Slow")]
[Collection(RunsAlone.Name)]
public sealed class ImplicitAlsScaleTests
{
    [Fact]
    public void Implicit_als_fits_ten_million_interactions_within_the_scale_target()
    {
        OptimizedBuild.Require("The scale target is about optimized code: run with dotnet test -c Release (unoptimized, it takes ten minutes and proves nothing).");
        var reset = PeakMemory.Reset();
        // Earlier tests of this process (cached worlds, the runtime) are not part of the fit's footprint.
        var baseline = reset ? Process.GetCurrentProcess().WorkingSet64 : 0;
        var data = PowerLawInteractions.Generate(94_300, 168_200, 10_000_000, 1);
        _ = data.ByItem;
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var model = new ImplicitAls(new ImplicitAlsOptions { Iterations = 10 });
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        model.Fit(new TrainingSet(data), new FitContext { Seed = 1 });
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var modelBytes = GC.GetTotalMemory(false) - before;
        var processPeak = Process.GetCurrentProcess().PeakWorkingSet64;
        var peak = processPeak - baseline;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{data.Count:N0} interactions: fit {seconds:F1} s wall, {cpu:F1} s CPU, model {modelBytes / 1e6:F0} MB, data {data.SizeInBytes / 1e6:F0} MB, " +
            $"peak working set {(reset ? "above the test's start" : "of the process")} {peak / 1e6:F0} MB " +
            $"(the whole process, test runner and earlier tests included: {processPeak / 1e6:F0} MB)");
        Assert.True(peak <= 700_000_000, $"peak working set {peak / 1e6:F0} MB");
        // CPU time bounds the wall time of an otherwise idle machine even on one core; wall time on a shared one is noise.
        Assert.True(cpu < 60, $"fit took {cpu:F1} s of CPU time ({seconds:F1} s wall)");
    }
}
