using RecLab.Data;
using RecLab.Recommenders;
using RecLab.Recommenders.Factorization;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders.Factorization;

public sealed class ExplicitAlsTests : RecommenderContract<ExplicitAls>
{
    protected override ExplicitAls Create() => new(new ExplicitAlsOptions { Factors = 6, Iterations = 8 });

    // r_ui = a_u · b_i on a 12 x 10 grid, values within 1..5; `hidden` pairs are left out of training.
    private static (TrainingSet Train, float[,] Truth) RankOne(Func<int, int, bool> hidden)
    {
        var truth = new float[12, 10];
        var b = new InteractionDataBuilder();
        for (var u = 0; u < 12; u++)
            for (var i = 0; i < 10; i++)
            {
                truth[u, i] = (1 + 0.1f * u) * (1 + 0.15f * i);
                if (!hidden(u, i))
                    b.Add($"u{u}", $"i{i}", truth[u, i]);
            }
        return (new TrainingSet(b.Build(FeedbackKind.Explicit, RatingScale.OneToFive)), truth);
    }

    [Fact]
    public void Recovers_a_rank_one_matrix_and_completes_its_missing_entries()
    {
        // Biases take out up to two ranks, so three factors hold the rest exactly.
        var (train, truth) = RankOne((u, i) => (u * 7 + i * 3) % 11 == 0);
        var model = new ExplicitAls(new ExplicitAlsOptions { Factors = 3, Iterations = 40, Regularization = 1e-4f, Damping = 0 });
        model.Fit(train, new FitContext { Seed = 3 });
        var users = train.Interactions.Users;
        var items = train.Interactions.Items;
        for (var u = 0; u < 12; u++)
            for (var i = 0; i < 10; i++)
            {
                var predicted = model.Predict(users.IndexOf($"u{u}"), items.IndexOf($"i{i}"));
                var tolerance = (u * 7 + i * 3) % 11 == 0 ? 0.05 : 0.01;
                Assert.True(Math.Abs(predicted - truth[u, i]) < tolerance, $"({u}, {i}): predicted {predicted}, true {truth[u, i]}");
            }
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var train = new TrainingSet(Checkerboard.Explicit());
        var one = new ExplicitAls(new ExplicitAlsOptions { Factors = 5, Iterations = 4 });
        var four = new ExplicitAls(new ExplicitAlsOptions { Factors = 5, Iterations = 4 });
        one.Fit(train, new FitContext { Seed = 9, MaxThreads = 1 });
        four.Fit(train, new FitContext { Seed = 9, MaxThreads = 4 });
        for (var u = 0; u < train.UserCount; u++)
            Assert.Equal(one.UserFactors(u).ToArray(), four.UserFactors(u).ToArray());
        for (var i = 0; i < train.ItemCount; i++)
            Assert.Equal(one.ItemFactors(i).ToArray(), four.ItemFactors(i).ToArray());
    }

    [Fact]
    public void A_user_folded_in_from_their_ratings_gets_scores_close_to_their_trained_ones()
    {
        var train = new TrainingSet(Checkerboard.Explicit());
        var model = new ExplicitAls(new ExplicitAlsOptions { Factors = 4, Iterations = 20 });
        model.Fit(train, new FitContext { Seed = 2 });
        var known = UserQuery.ForUser(train.Interactions, 5);
        var cold = new UserQuery(-1, known.History, known.Values);
        var a = new float[train.ItemCount];
        var b = new float[train.ItemCount];
        model.Score(known, a);
        model.Score(cold, b);
        for (var i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(a[i] - b[i]) < 0.1, $"item {i}: trained {a[i]}, folded in {b[i]}");
    }

    [Fact]
    public void Progress_reports_a_falling_training_error()
    {
        var recorder = new ProgressRecorder<FitProgress>();
        var model = new ExplicitAls(new ExplicitAlsOptions { Factors = 4, Iterations = 4 });
        model.Fit(new TrainingSet(Checkerboard.Explicit()), new FitContext { Seed = 1, Progress = recorder });
        Assert.Equal([1, 2, 3, 4], recorder.Reports.Select(r => r.Step));
        Assert.True(recorder.Reports[^1].Loss < recorder.Reports[0].Loss);
    }

    [Fact]
    public void Unknown_users_and_items_fall_back_to_biases()
    {
        var train = new TrainingSet(Checkerboard.Explicit());
        var model = Create();
        model.Fit(train, new FitContext { Seed = 1 });
        Assert.False(float.IsNaN(model.Predict(-1, 3)));
        Assert.False(float.IsNaN(model.Predict(2, 10_000)));
    }
}
