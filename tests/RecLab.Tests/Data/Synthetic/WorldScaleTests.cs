using System.Diagnostics;
using RecLab.Data.Synthetic;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Synthetic;

/// <summary>
/// The simulator's memory target (issue 24): generating synthetic:large should peak at no more than 4x the bytes of
/// the world's interaction arrays (the click and impression logs). Prints both, with the wall and CPU seconds.
/// </summary>
[Trait("Category", "Slow")]
[Collection(RunsAlone.Name)]
public sealed class WorldScaleTests
{
    [Fact]
    public void Generating_the_large_world_peaks_within_four_times_its_interaction_arrays()
    {
        OptimizedBuild.Require("The scale target is about optimized code: run with dotnet test -c Release.");
        var reset = PeakMemory.Reset();
        var baseline = reset ? Process.GetCurrentProcess().WorkingSet64 : 0;
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var world = World.Generate(WorldOptions.Large, cancellationToken: TestContext.Current.CancellationToken);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 - baseline;
        var log = world.Log;
        var arrays = log.Clicks.SizeInBytes + log.Impressions.SizeInBytes;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"synthetic:large: {log.Clicks.Count:N0} logged clicks, {log.Impressions.Count:N0} logged impressions, interaction arrays " +
            $"{arrays / 1e6:F0} MB; peak working set {(reset ? "above the test's start" : "of the process")} {peak / 1e6:F0} MB " +
            $"({(double)peak / arrays:F2}x); {seconds:F1} s wall, {cpu:F1} s CPU");
        Assert.True(peak <= 4 * arrays, $"peak {peak / 1e6:F0} MB is {(double)peak / arrays:F2}x the interaction arrays ({arrays / 1e6:F0} MB)");
    }
}
