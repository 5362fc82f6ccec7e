using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class BiasedMfTests : RecommenderContract<BiasedMf>
{
    private static readonly BiasedMfOptions Small = new() { Factors = 8, Epochs = 60, LearningRate = 0.02f };

    protected override BiasedMf Create() => new(Small);

    private static BiasedMf Fit(BiasedMfOptions options, TrainingSet train, FitContext? context = null)
    {
        var model = new BiasedMf(options);
        model.Fit(train, context ?? new FitContext { Seed = 7 });
        return model;
    }

    private static TrainingSet Board() => new(Checkerboard.Explicit());

    [Fact]
    public void Same_seed_gives_bit_identical_parameters_and_another_seed_does_not()
    {
        var a = Fit(Small, Board());
        var b = Fit(Small, Board());
        var c = Fit(Small, Board(), new FitContext { Seed = 8 });
        for (var u = 0; u < Checkerboard.Users; u++)
        {
            Assert.True(a.UserFactors(u).SequenceEqual(b.UserFactors(u)));
            Assert.Equal(a.UserBiases[u], b.UserBiases[u]);
        }
        Assert.False(a.UserFactors(0).SequenceEqual(c.UserFactors(0)));
    }

    [Theory]
    [InlineData(SgdOrder.UserBlocks)]
    [InlineData(SgdOrder.Shuffled)]
    public void Both_orders_learn_the_checkerboard(SgdOrder order)
    {
        var train = Board();
        var model = Fit(Small with { Order = order }, train);
        for (var u = 0; u < train.UserCount; u++)
            Assert.All(model.Recommend(UserQuery.ForUser(train.Interactions, u), 2), r => Assert.True(Checkerboard.HeldOut(u, r.Item)));
    }

    [Fact]
    public void Block_grid_gives_the_same_model_with_one_thread_or_two()
    {
        var options = Small with { Blocks = 4 };
        var one = Fit(options, Board(), new FitContext { Seed = 3, MaxThreads = 1 });
        var two = Fit(options, Board(), new FitContext { Seed = 3, MaxThreads = 2 });
        for (var u = 0; u < Checkerboard.Users; u++)
            Assert.True(one.UserFactors(u).SequenceEqual(two.UserFactors(u)), $"user {u} differs");
        for (var i = 0; i < Checkerboard.Items; i++)
            Assert.True(one.ItemFactors(i).SequenceEqual(two.ItemFactors(i)), $"item {i} differs");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)] // two and three threads each keep their own groups
    public void Block_grid_gives_the_same_bytes_on_one_two_or_three_threads(int blocks)
    {
        // One thread runs the strata one after another; more threads start each block when its two predecessors are
        // done, in whatever order the threads happen to run: the updates on every row must still be the same.
        var options = Small with { Blocks = blocks, Epochs = 7 };
        var one = Fit(options, Board(), new FitContext { Seed = 11, MaxThreads = 1 });
        foreach (var threads in new[] { 2, 3 })
        {
            var many = Fit(options, Board(), new FitContext { Seed = 11, MaxThreads = threads });
            Assert.True(one.UserBiases.SequenceEqual(many.UserBiases), $"user biases differ on {threads} threads");
            Assert.True(one.ItemBiases.SequenceEqual(many.ItemBiases), $"item biases differ on {threads} threads");
            for (var u = 0; u < Checkerboard.Users; u++)
                Assert.True(one.UserFactors(u).SequenceEqual(many.UserFactors(u)), $"user {u} differs on {threads} threads");
            for (var i = 0; i < Checkerboard.Items; i++)
                Assert.True(one.ItemFactors(i).SequenceEqual(many.ItemFactors(i)), $"item {i} differs on {threads} threads");
        }
    }

    [Fact]
    public void Block_grid_learns_the_checkerboard()
    {
        var train = Board();
        var model = Fit(Small with { Blocks = 3 }, train, new FitContext { Seed = 3, MaxThreads = 2 });
        for (var u = 0; u < train.UserCount; u++)
            Assert.All(model.Recommend(UserQuery.ForUser(train.Interactions, u), 2), r => Assert.True(Checkerboard.HeldOut(u, r.Item)));
    }

    [Fact]
    public void Too_large_a_learning_rate_stops_with_the_epoch_and_advice()
    {
        var model = new BiasedMf(Small with { LearningRate = 5f });
        var e = Assert.Throws<TrainingDivergedException>(() => model.Fit(Board(), new FitContext { Seed = 1 }));
        Assert.Equal("epoch", e.Stage);
        Assert.InRange(e.Step, 1, Small.Epochs);
        Assert.Contains($"epoch {e.Step}", e.Message);
        Assert.Contains("smaller learning rate", e.Message);
        Assert.False(model.IsFitted);
    }

    [Fact]
    public void Reports_every_epoch_with_a_falling_training_error()
    {
        var recorder = new ProgressRecorder<FitProgress>();
        Fit(Small, Board(), new FitContext { Seed = 1, Progress = recorder });
        var reports = recorder.Reports;
        Assert.Equal(Enumerable.Range(1, Small.Epochs), reports.Select(r => r.Step));
        Assert.All(reports, r => Assert.Equal("epoch", r.Stage));
        Assert.True(reports[^1].Loss < reports[0].Loss / 2, $"loss {reports[0].Loss} -> {reports[^1].Loss}");
    }

    [Fact]
    public void Unknown_users_and_items_get_Surprise_fallbacks()
    {
        // User "c" and item "z" exist in the id space but have no training ratings.
        var b = new InteractionDataBuilder();
        b.Add("a", "x", 5); b.Add("a", "y", 3); b.Add("b", "x", 4); b.Add("c", "z", 1);
        var all = b.Build(FeedbackKind.Explicit, RatingScale.OneToFive);
        var train = new TrainingSet(all.Subset([0, 1, 2]));
        var model = Fit(new BiasedMfOptions { Factors = 4, Epochs = 5 }, train);
        int a = all.Users.IndexOf("a"), c = all.Users.IndexOf("c"), x = all.Items.IndexOf("x"), z = all.Items.IndexOf("z");
        var mu = model.GlobalMean;
        Assert.Equal(4f, mu, 5);
        Assert.Equal(mu + model.ItemBiases[x], model.Predict(c, x), 5);
        Assert.Equal(mu + model.UserBiases[a], model.Predict(a, z), 5);
        Assert.Equal(mu, model.Predict(-1, z), 5);
        Assert.Equal(mu, model.Predict(c, 99), 5);
    }

    [Fact]
    public void Predictions_are_clamped_to_the_rating_scale()
    {
        var train = Board();
        var model = Fit(Small with { Regularization = 0 }, train);
        for (var u = 0; u < train.UserCount; u++)
            for (var i = 0; i < train.ItemCount; i++)
                Assert.InRange(model.Predict(u, i), 0.5f, 5f);
    }

    [Fact]
    public void A_cold_user_is_folded_in_from_their_ratings()
    {
        var train = Board();
        var model = Fit(Small, train);
        // An onboarding user who loves even items and dislikes odd ones, never seen in training.
        int[] items = [0, 2, 4, 6, 1, 3, 5];
        float[] ratings = [5, 5, 4.5f, 5, 1, 1, 1.5f];
        var top = model.Recommend(UserQuery.Anonymous(items, ratings), 10);
        Assert.All(top, r => Assert.Equal(0, r.Item % 2));
        Assert.Equal(10, top.Length);

        // The same person disliking even items gets odd ones.
        float[] flipped = [1, 1, 1, 1, 5, 5, 5];
        Assert.All(model.Recommend(UserQuery.Anonymous(items, flipped), 10), r => Assert.Equal(1, r.Item % 2));
    }

    [Fact]
    public void A_fold_in_predicts_the_held_out_ratings_of_its_history_like_the_trained_user()
    {
        var train = Board();
        var model = Fit(Small, train);
        var u = 4;
        var query = UserQuery.ForUser(train.Interactions, u);
        var cold = new UserQuery(-1, query.History, query.Values);
        var trained = new float[train.ItemCount];
        var folded = new float[train.ItemCount];
        model.Score(query, trained);
        model.Score(cold, folded);
        for (var i = 0; i < train.ItemCount; i++)
            Assert.True(Math.Abs(trained[i] - folded[i]) < 0.75f, $"item {i}: trained {trained[i]}, folded-in {folded[i]}");
    }

    [Fact]
    public void Out_of_range_options_are_refused_with_their_names()
    {
        var e = Assert.Throws<ArgumentException>(() => new BiasedMf(new BiasedMfOptions { LearningRate = 0, ItemBiasRegularization = -1, Blocks = 0 }));
        Assert.Contains("LearningRate", e.Message);
        Assert.Contains("ItemBiasRegularization", e.Message);
        Assert.Contains("Blocks", e.Message);
        var order = Assert.Throws<ArgumentException>(() => new BiasedMf(new BiasedMfOptions { Order = SgdOrder.Shuffled, Blocks = 2 }));
        Assert.Contains("Order", order.Message);
    }

    [Fact]
    public void Is_registered_with_Surprise_defaults()
    {
        var model = (BiasedMf)RecommenderRegistry.Default.Parse("biased-mf");
        Assert.Equal(100, model.Options.Factors);
        Assert.Equal(20, model.Options.Epochs);
        Assert.Equal(0.005f, model.Options.LearningRate);
        Assert.Equal(0.02f, model.Options.Regularization);
        Assert.Equal(0.1f, model.Options.InitStdDev);
        var custom = (BiasedMf)RecommenderRegistry.Default.Parse("biased-mf:factors=32,user_bias_learning_rate=0.01,order=shuffled");
        Assert.Equal(32, custom.Options.Factors);
        Assert.Equal(0.01f, custom.Options.UserBiasLearningRate);
        Assert.Equal(SgdOrder.Shuffled, custom.Options.Order);
    }
}
