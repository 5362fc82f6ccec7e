using RecLab.Data;
using RecLab.Data.Loading;
using RecLab.Tests.Support;

namespace RecLab.Tests.Data.Loading;

/// <summary>The real ml-latest-small (skipped when the shared sample is absent). Not parallel: the memory test reads the heap.</summary>
[Collection(RunsAlone.Name)]
public sealed class MovieLensSmallTests(ITestOutputHelper output)
{
    [Fact]
    public void Has_the_published_figures()
    {
        var d = MovieLensLoader.Load(SharedData.MovieLensSmall());
        var data = d.Interactions;

        Assert.Equal(610, data.UserCount);
        Assert.Equal(9_742, data.ItemCount);       // every movie in movies.csv
        Assert.Equal(9_724, data.ActiveItemCount()); // 18 movies have tags or metadata but no rating
        Assert.Equal(100_836, data.Count);
        Assert.Equal(0, d.Report.SkippedLines);
        Assert.Equal(0, d.Report.Duplicates);
        Assert.Equal(0, d.Report.ItemsMissingFromMetadata);
        Assert.Equal(RatingScale.HalfToFive, data.Scale);
        Assert.Equal(0.5f, data.ValueColumn.ToArray().Min());
        Assert.Equal(5f, data.ValueColumn.ToArray().Max());
        Assert.True(data.HasTimestamps);

        var toyStory = data.Items.IndexOf("1");
        Assert.Equal("Toy Story (1995)", d.ItemTitles![toyStory]);
        var f = d.ItemFeatures!;
        Assert.True(f.Matrix.Get(toyStory, f.Features.IndexOf("genre:Animation")) > 0);
        Assert.True(f.Matrix.Get(toyStory, f.Features.IndexOf("tag:pixar")) >= 2);
        Assert.Equal(9_742, f.ItemsWithFeatures());
    }

    [Fact]
    public void Costs_at_most_24_bytes_per_interaction_with_both_views()
    {
        var folder = SharedData.MovieLensSmall();
        var options = new LoadOptions { LoadFeatures = false };
        LoadInteractions(folder, options); // warm up: JIT and static caches stay out of the figures

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var threadBefore = GC.GetAllocatedBytesForCurrentThread();
        var data = LoadInteractions(folder, options);
        var declared = data.SizeInBytes; // builds the by-item view
        // The thread's window inside the process's.
        var onThisThread = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(data);

        // The id maps (10,352 strings, their arrays and dictionaries: about 70 bytes per id) are retained too;
        // SizeInBytes leaves them out.
        var ids = data.UserCount + data.ItemCount;
        output.WriteLine($"declared {declared:N0} B ({(double)declared / data.Count:0.00} B/interaction), " +
            $"retained {retained:N0} B ({(double)retained / data.Count:0.00} B/interaction, {(double)(retained - declared) / ids:0} B per id beyond the arrays), " +
            $"allocated while loading {allocated:N0} B ({onThisThread:N0} B on the test thread)");

        Assert.True((double)declared / data.Count <= 24, $"{(double)declared / data.Count:0.00} bytes per interaction");
        Assert.InRange(retained, declared, declared + 100L * ids);
        // The thread's counter read 144 bytes above the process's precise total in 2 to 4 of 15 runs (the same bytes each
        // time, in either reading order): the counters' bookkeeping, a few objects, not the loader's 10.8 MB.
        Assert.InRange(onThisThread, retained / 2, allocated + 4096);
    }

    // In a method of its own, so that no stack slot of the test keeps the Dataset (and its 9,742 titles) alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static InteractionData LoadInteractions(string folder, LoadOptions options) => MovieLensLoader.Load(folder, options).Interactions;
}
