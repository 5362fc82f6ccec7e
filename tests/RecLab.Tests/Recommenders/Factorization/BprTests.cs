using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class BprTests : RecommenderContract<Bpr>
{
    private static readonly BprOptions Small = new() { Factors = 8, Epochs = 200, LearningRate = 0.05f };

    protected override Bpr Create() => new(Small);

    [Theory]
    [InlineData(NegativeSampling.Uniform)]
    [InlineData(NegativeSampling.Popularity)]
    public void Both_samplers_learn_the_checkerboard(NegativeSampling sampling)
    {
        var train = new TrainingSet(Checkerboard.Implicit());
        var model = new Bpr(Small with { Sampling = sampling });
        model.Fit(train, new FitContext { Seed = 2 });
        for (var u = 0; u < train.UserCount; u++)
            Assert.All(model.Recommend(UserQuery.ForUser(train.Interactions, u), 2), r => Assert.True(Checkerboard.HeldOut(u, r.Item)));
    }

    [Fact]
    public void Cornacs_variant_learns_the_checkerboard_and_starts_its_biases_at_zero()
    {
        var train = new TrainingSet(Checkerboard.Implicit());
        var cornac = Small with { Sampling = NegativeSampling.Uniform, Initialization = BprInitialization.Cornac };
        var untrained = new Bpr(cornac with { Epochs = 1, LearningRate = 1e-30f });
        untrained.Fit(train, new FitContext { Seed = 3 });
        Assert.All(untrained.ItemBiases.ToArray(), b => Assert.Equal(0f, b, 1e-20f));
        var implicitStart = new Bpr(Small with { Epochs = 1, LearningRate = 1e-30f });
        implicitStart.Fit(train, new FitContext { Seed = 3 });
        Assert.Contains(implicitStart.ItemBiases.ToArray(), b => Math.Abs(b) > 1e-6f);

        var model = new Bpr(cornac);
        model.Fit(train, new FitContext { Seed = 2 });
        for (var u = 0; u < train.UserCount; u++)
            Assert.All(model.Recommend(UserQuery.ForUser(train.Interactions, u), 2), r => Assert.True(Checkerboard.HeldOut(u, r.Item)));
    }

    [Fact]
    public void Uniform_negatives_never_touch_an_item_without_training_data()
    {
        // "ghost" is in the id space (another fold's item) but has no training interaction: cornac's item index
        // would not hold it, so it must never be drawn as a negative and keeps its zero start.
        var b = new InteractionDataBuilder();
        for (var u = 0; u < 6; u++)
            for (var i = 0; i < 6; i++)
                if ((u + i) % 2 == 0)
                    b.Add($"u{u}", $"i{i}", 1);
        b.Add("u0", "ghost", 1);
        var all = b.Build(FeedbackKind.Implicit, null);
        var ghost = all.Items.IndexOf("ghost");
        var rows = Enumerable.Range(0, all.Count).Where(r => all.ItemColumn[r] != ghost).ToArray();
        var train = new TrainingSet(all.Subset(rows));
        var model = new Bpr(Small with { Sampling = NegativeSampling.Uniform, Initialization = BprInitialization.Cornac });
        model.Fit(train, new FitContext { Seed = 4 });
        Assert.All(model.ItemFactors(ghost).ToArray(), f => Assert.Equal(0f, f));
        Assert.Equal(0f, model.ItemBiases[ghost]);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_factors_and_another_does_not()
    {
        var train = new TrainingSet(Checkerboard.Implicit());
        var a = new Bpr(Small);
        var b = new Bpr(Small);
        var c = new Bpr(Small);
        a.Fit(train, new FitContext { Seed = 9 });
        b.Fit(train, new FitContext { Seed = 9 });
        c.Fit(train, new FitContext { Seed = 10 });
        for (var i = 0; i < train.ItemCount; i++)
            Assert.True(a.ItemFactors(i).SequenceEqual(b.ItemFactors(i)));
        Assert.False(a.ItemFactors(0).SequenceEqual(c.ItemFactors(0)));
    }

    [Fact]
    public void A_cold_user_is_folded_in_from_their_history_the_same_way_every_time()
    {
        var train = new TrainingSet(Checkerboard.Implicit());
        var model = new Bpr(Small);
        model.Fit(train, new FitContext { Seed = 2 });
        var query = UserQuery.Anonymous([1, 3, 5, 7, 9, 11]);
        var first = model.Recommend(query, 10);
        Assert.All(first, r => Assert.Equal(1, r.Item % 2));
        Assert.Equal(first, model.Recommend(query, 10));
    }

    [Fact]
    public void Reports_every_epoch_with_a_falling_loss()
    {
        var recorder = new ProgressRecorder<FitProgress>();
        new Bpr(Small).Fit(new TrainingSet(Checkerboard.Implicit()), new FitContext { Seed = 1, Progress = recorder });
        Assert.Equal(Small.Epochs, recorder.Reports.Count);
        Assert.True(recorder.Reports[^1].Loss < recorder.Reports[0].Loss / 2, $"{recorder.Reports[0].Loss} -> {recorder.Reports[^1].Loss}");
    }

    [Fact]
    public void Too_large_a_learning_rate_stops_with_the_epoch()
    {
        var model = new Bpr(Small with { LearningRate = 1e30f });
        var e = Assert.Throws<TrainingDivergedException>(() => model.Fit(new TrainingSet(Checkerboard.Implicit()), new FitContext { Seed = 1 }));
        Assert.Contains("smaller learning rate", e.Message);
    }

    [Fact]
    public void Is_registered_with_implicits_defaults()
    {
        var model = (Bpr)RecommenderRegistry.Default.Parse("bpr");
        Assert.Equal(100, model.Options.Factors);
        Assert.Equal(100, model.Options.Epochs);
        Assert.Equal(0.01f, model.Options.LearningRate);
        Assert.Equal(0.01f, model.Options.Regularization);
        Assert.Equal(NegativeSampling.Popularity, model.Options.Sampling);
        Assert.Equal(BprInitialization.Implicit, model.Options.Initialization);
        var cornac = (Bpr)RecommenderRegistry.Default.Parse("bpr:sampling=uniform,initialization=cornac");
        Assert.Equal((NegativeSampling.Uniform, BprInitialization.Cornac), (cornac.Options.Sampling, cornac.Options.Initialization));
    }
}
