using RecLab.Data.Synthetic;
using RecLab.Simulation.Economics;

namespace RecLab.Simulation.Tests.Economics;

/// <summary>Every preset's funnel sits inside the published ranges of the calibration table, each range with a source.</summary>
public sealed class WorldCalibrationTests
{
    [Theory]
    [InlineData("tiny")]
    [InlineData("small")]
    public void Every_figure_is_in_its_published_range(string preset) => AssertCalibrated(preset);

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_figure_of_the_large_world_is_in_its_published_range() => AssertCalibrated("large");

    [Fact]
    public void Sponsored_slots_are_clicked_below_organic_posts_and_every_range_has_a_source()
    {
        var table = WorldCalibration.Measure(Worlds.Tiny, "tiny");
        var ratio = table.Figures.Single(f => f.Name == "sponsored / organic CTR");
        Assert.True(ratio.Value < 1, $"sponsored / organic CTR {ratio.Value:F2}");
        Assert.All(table.Figures, f =>
        {
            Assert.NotEmpty(f.Sources);
            Assert.True(f.Low < f.High, f.Name);
            Assert.All(f.Sources, s => Assert.StartsWith("http", s.Url));
        });
        var markdown = table.ToMarkdown();
        Assert.Contains("| campaign ROAS |", markdown);
        Assert.Contains("https://vwo.com/blog/ecommerce-conversion-rate/", markdown);
    }

    [Fact]
    public void A_world_off_the_published_funnel_fails_its_figures()
    {
        // The old defaults' click and purchase intercepts, no ad avoidance: CTR about 4%, a tenth of product clicks bought, ROAS in the dozens.
        var world = World.Generate(WorldOptions.Tiny with { ClickBias = -3.2, PurchaseBias = -2.8, SponsoredPenalty = 0 },
            cancellationToken: TestContext.Current.CancellationToken);
        var table = WorldCalibration.Measure(world, "tiny (old funnel)");
        Assert.False(table.AllInRange);
        Assert.Contains(table.Figures, f => f.Name == "campaign ROAS" && !f.InRange);
        Assert.Contains(table.Figures, f => f.Name == "session conversion" && !f.InRange);
    }

    private static void AssertCalibrated(string preset)
    {
        var world = preset == "tiny" ? Worlds.Tiny : World.Generate(WorldOptions.Preset(preset), cancellationToken: TestContext.Current.CancellationToken);
        var table = WorldCalibration.Measure(world, preset);
        var output = TestContext.Current.TestOutputHelper;
        foreach (var f in table.Figures)
            output?.WriteLine($"{preset}: {f.Name,-26} {f.Format(f.Value),9}  in [{f.Format(f.Low)}, {f.Format(f.High)}]: {f.InRange}");
        Assert.All(table.Figures, f => Assert.True(f.InRange, $"{preset}: {f.Name} {f.Format(f.Value)} outside [{f.Format(f.Low)}, {f.Format(f.High)}]"));
    }
}
