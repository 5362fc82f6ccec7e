using RecLab.Data;
using RecLab.Experiments.Configuration;
using RecLab.Recommenders;
using RecLab.Tests.Support;

namespace RecLab.Tests.Recommenders;

/// <summary>
/// Behaviour every recommender owes its callers. An algorithm's test class inherits it in one line and supplies
/// <see cref="Create"/>; non-personalised baselines say so and get their own known-answer tests instead.
/// </summary>
public abstract class RecommenderContract<T> where T : IRecommender
{
    /// <summary>A fresh, unfitted instance with options small enough for fast tests.</summary>
    protected abstract T Create();

    /// <summary>False for baselines that give everyone the same (or a random) list.</summary>
    protected virtual bool Personalized => true;

    private static readonly FitContext Seeded = new() { Seed = 1234 };

    /// <summary>The checkerboard in the feedback kind the model accepts; feature-based models add side information.</summary>
    protected virtual TrainingSet CheckerboardFor(T model) =>
        new(model.Accepts.Allows(FeedbackKind.Implicit) ? Checkerboard.Implicit() : Checkerboard.Explicit());

    protected T Fitted(TrainingSet? train = null, FitContext? context = null)
    {
        var model = Create();
        model.Fit(train ?? CheckerboardFor(model), context ?? Seeded);
        return model;
    }

    [Fact]
    public void Unknown_user_gets_a_list_without_errors()
    {
        var model = Fitted();
        var list = model.Recommend(new UserQuery(-1, ReadOnlyMemory<int>.Empty, ReadOnlyMemory<float>.Empty), 5);
        Assert.True(list.Length <= 5);
        Assert.Equal(list.Length, list.Select(r => r.Item).Distinct().Count());
        Assert.All(list, r => Assert.False(float.IsNaN(r.Score)));
    }

    [Fact]
    public void Training_items_are_never_recommended()
    {
        var train = CheckerboardFor(Create());
        var model = Fitted(train);
        for (var u = 0; u < train.UserCount; u++)
        {
            var query = UserQuery.ForUser(train.Interactions, u);
            var seen = query.History.ToArray().ToHashSet();
            var list = model.Recommend(query, 10);
            Assert.NotEmpty(list);
            Assert.DoesNotContain(list, r => seen.Contains(r.Item));
        }
    }

    [Fact]
    public void Checkerboard_held_out_items_come_first()
    {
        if (!Personalized)
            TestSkip.Because($"{typeof(T).Name} is not personalised; its known-answer tests are in its own class.");
        var train = CheckerboardFor(Create());
        var model = Fitted(train);
        for (var u = 0; u < train.UserCount; u++)
        {
            var top = model.Recommend(UserQuery.ForUser(train.Interactions, u), 2);
            Assert.Equal(2, top.Length);
            Assert.All(top, r => Assert.True(Checkerboard.HeldOut(u, r.Item),
                $"user {u}: recommended item {r.Item}, expected its held-out items of parity {u % 2}"));
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_scores()
    {
        var a = Fitted();
        var b = Fitted();
        var train = CheckerboardFor(a);
        var sa = new float[train.ItemCount];
        var sb = new float[train.ItemCount];
        for (var u = 0; u < train.UserCount; u += 7)
        {
            a.Score(UserQuery.ForUser(train.Interactions, u), sa);
            b.Score(UserQuery.ForUser(train.Interactions, u), sb);
            Assert.Equal(sa, sb);
        }
    }

    [Fact]
    public void Scoring_from_many_threads_matches_scoring_from_one()
    {
        var model = Fitted();
        var train = CheckerboardFor(model);
        var expected = new float[train.UserCount][];
        for (var u = 0; u < train.UserCount; u++)
        {
            expected[u] = new float[train.ItemCount];
            model.Score(UserQuery.ForUser(train.Interactions, u), expected[u]);
        }
        Parallel.For(0, train.UserCount * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var u = k % train.UserCount;
            var scores = new float[train.ItemCount];
            model.Score(UserQuery.ForUser(train.Interactions, u), scores);
            Assert.Equal(expected[u], scores);
        });
    }

    [Fact]
    public void Cancelled_fit_throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var model = Create();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            model.Fit(CheckerboardFor(model), new FitContext { Seed = 1, CancellationToken = cts.Token }));
    }

    [Fact]
    public void Scoring_before_fit_or_with_a_wrong_buffer_is_refused()
    {
        var model = Create();
        Assert.Throws<InvalidOperationException>(() => model.Score(new UserQuery(0, default, default), new float[Checkerboard.Items]));
        model.Fit(CheckerboardFor(model), Seeded);
        Assert.Throws<ArgumentException>(() => model.Score(new UserQuery(0, default, default), new float[3]));
    }

    [Fact]
    public void Options_written_to_an_experiment_file_bind_back_equal()
    {
        var model = Create();
        if (model.GetType().GetProperty("Options")?.GetValue(model) is not RecommenderOptions options)
            throw new InvalidOperationException($"{typeof(T).Name} has no Options property.");
        var file = $$"""
            version: 1
            name: round-trip
            datasets: [{name: synth, source: "synthetic:tiny"}]
            splits: [{spec: "holdout:0.2"}]
            algorithms: [{kind: {{model.Name}}}]
            metrics: [ndcg@10]
            """;
        var config = ExperimentFile.Parse(file, "round-trip.yaml");
        config = config with { Algorithms = [config.Algorithms[0] with { Options = options }] };

        var yaml = ExperimentFile.ToYaml(config);
        var bound = ExperimentFile.Parse(yaml, "round-trip.yaml").Algorithms[0].Options!;

        Assert.Equal(options.GetType(), bound.GetType());
        foreach (var property in OptionsBinder.Settable(options.GetType()))
            Assert.Equal(OptionsBinder.Format(property.GetValue(options)), OptionsBinder.Format(property.GetValue(bound)));
        Assert.Equal(yaml, ExperimentFile.ToYaml(config with { Algorithms = [config.Algorithms[0] with { Options = bound }] }));
    }

    [Fact]
    public void Unaccepted_feedback_kind_is_refused_with_a_reason()
    {
        var model = Create();
        if (model.Accepts == FeedbackKinds.Any)
            TestSkip.Because($"{typeof(T).Name} accepts both feedback kinds.");
        var other = model.Accepts.Allows(FeedbackKind.Implicit) ? Checkerboard.Explicit() : Checkerboard.Implicit();
        var e = Assert.Throws<NotSupportedException>(() => model.Fit(new TrainingSet(other), Seeded));
        Assert.Contains(model.Name, e.Message);
    }
}
