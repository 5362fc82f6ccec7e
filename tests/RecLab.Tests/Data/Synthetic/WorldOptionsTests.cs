using RecLab.Data.Synthetic;

namespace RecLab.Tests.Data.Synthetic;

public sealed class WorldOptionsTests
{
    [Fact]
    public void Presets_have_the_stated_sizes()
    {
        Assert.Equal(500, WorldOptions.Tiny.Users);
        Assert.Equal((5_000, 300, 20_000), (WorldOptions.Small.Users, WorldOptions.Small.Creators, WorldOptions.Small.Items));
        Assert.Equal(100_000, WorldOptions.Large.Users);
        Assert.Equal(1_000_000, WorldOptions.XLarge.Users);
        foreach (var name in WorldOptions.PresetNames)
            WorldOptions.Preset(name).Validate();
    }

    [Fact]
    public void Overrides_apply_to_the_named_preset()
    {
        var options = WorldOptions.Parse("tiny?users=800&seed=7&feedback=ratings&start=2024-03-01");
        Assert.Equal(800, options.Users);
        Assert.Equal(7UL, options.Seed);
        Assert.Equal(WorldOptions.Tiny.Items, options.Items);
        Assert.Equal(SyntheticFeedback.Ratings, options.Feedback);
        Assert.Equal(new DateOnly(2024, 3, 1), options.Start);
        Assert.Equal(WorldOptions.Small, WorldOptions.Parse(""));
    }

    [Fact]
    public void Unknown_key_is_rejected_with_a_hint_and_every_valid_key()
    {
        var e = Assert.Throws<ArgumentException>(() => WorldOptions.Parse("tiny?usres=800"));
        Assert.Contains("'usres'", e.Message);
        Assert.Contains("did you mean 'users'", e.Message);
        foreach (var key in WorldOptions.Keys)
            Assert.Contains(key, e.Message);
    }

    [Theory]
    [InlineData("tiny?users=many", "users")]
    [InlineData("tiny?click_bias=low", "click-bias")]
    [InlineData("tiny?seed=-1", "seed")]
    [InlineData("tiny?start=yesterday", "start")]
    [InlineData("tiny?feedback=stars", "feedback")]
    [InlineData("tiny?users", "key=value")]
    public void Bad_value_names_the_key(string spec, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => WorldOptions.Parse(spec));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Unknown_preset_lists_the_presets()
    {
        var e = Assert.Throws<ArgumentException>(() => WorldOptions.Parse("medium"));
        Assert.Contains("tiny, small, large, xlarge", e.Message);
    }

    [Fact]
    public void Validation_reports_every_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => WorldOptions.Parse("tiny?users=0&explore-share=0&fatigue_decay=1"));
        Assert.Contains("users = 0", e.Message);
        Assert.Contains("explore-share = 0", e.Message);
        Assert.Contains("fatigue-decay = 1", e.Message);
    }

    [Fact]
    public void Every_property_has_a_key_and_every_key_round_trips()
    {
        // A property without a key could not be set from a dataset name or the command line.
        var properties = typeof(WorldOptions).GetProperties().Count(p => p.CanWrite);
        Assert.Equal(properties, WorldOptions.Keys.Count);
        var options = WorldOptions.Tiny;
        foreach (var key in WorldOptions.Keys)
        {
            Assert.Equal(options, options.With(key, options.Get(key)));
            Assert.False(string.IsNullOrWhiteSpace(WorldOptions.Describe(key)));
        }
    }

    [Fact]
    public void Spec_reproduces_the_options()
    {
        var options = WorldOptions.Tiny with { Users = 321, ClickBias = -2.75, Seed = 9 };
        Assert.Equal("tiny?users=321&seed=9&click-bias=-2.75", options.ToSpec("tiny"));
        Assert.Equal(options, WorldOptions.Parse(options.ToSpec("tiny")));
        Assert.Equal(options, WorldOptions.Parse(options.ToSpec()));
    }
}
